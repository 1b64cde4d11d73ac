/**
 * A closed-loop load generator: `concurrency` loops call `op` back to back for `durationMs` after a
 * short warm-up; the result is operations per second. HTTP calls go through one keep-alive agent so
 * the daemon and its baseline pay the same client cost.
 */
import { Agent, request } from 'node:http';

export interface LoadOptions {
  concurrency: number;
  durationMs: number;
  warmupMs?: number;
}

export async function rate(op: () => Promise<unknown>, options: LoadOptions): Promise<number> {
  const run = async (ms: number) => {
    let done = 0;
    const start = performance.now();
    const deadline = start + ms;
    const loop = async () => {
      while (performance.now() < deadline) {
        await op();
        done++;
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, loop));
    return done / ((performance.now() - start) / 1000);
  };
  await run(options.warmupMs ?? 300);
  return run(options.durationMs);
}

// Idle sockets are closed before the daemons' 5 s keep-alive timeout: a request sent on a socket
// the server is closing fails with "socket hang up" (seen between phases on a loaded machine).
const agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: 4_000 });

export interface Answer {
  status: number;
  body: string;
}

/** One HTTP call; rejects on a status other than `expect`, so a broken run cannot look fast. */
export function http(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; expect: number },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        if (res.statusCode === init.expect) resolve({ status: res.statusCode, body });
        else reject(new Error(`${init.method ?? 'GET'} ${url}: ${res.statusCode} ${body}`));
      });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

export function closeAgent(): void {
  agent.destroy();
}
