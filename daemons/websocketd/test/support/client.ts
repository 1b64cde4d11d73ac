/**
 * A plain `ws` client that records what websocketd sends: every text frame in order and the close
 * code. `next` waits for the next frame matching a predicate; `until` collects frames up to one
 * (a sentinel event), so tests prove an event did NOT arrive without waiting on a clock.
 */
import { WebSocket } from 'ws';

export type Frame = Record<string, unknown>;

export interface Closed {
  code: number;
  reason: string;
}

export interface TestClient {
  ws: WebSocket;
  frames: Frame[];
  closed: Promise<Closed>;
  send(message: unknown): void;
  /** Resolves with the first frame from the current read position matching `match`. */
  next(match?: (frame: Frame) => boolean, timeoutMs?: number): Promise<Frame>;
  /** Every frame from the current read position up to and including the first matching `match`. */
  until(match: (frame: Frame) => boolean, timeoutMs?: number): Promise<Frame[]>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  headers?: Record<string, string>;
}

export function connectClient(url: string, options: ConnectOptions = {}): TestClient {
  const ws = new WebSocket(url, { headers: options.headers });
  const frames: Frame[] = [];
  let read = 0;
  const waiters = new Set<() => void>();
  ws.on('message', (data: Buffer) => {
    frames.push(JSON.parse(data.toString()) as Frame);
    for (const wake of waiters) wake();
  });
  ws.on('error', () => undefined);
  const closed = new Promise<Closed>((resolve) =>
    ws.on('close', (code: number, reason: Buffer) => {
      for (const wake of waiters) wake();
      resolve({ code, reason: reason.toString() });
    }),
  );

  function until(match: (frame: Frame) => boolean, timeoutMs = 10_000): Promise<Frame[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        for (let i = read; i < frames.length; i++) {
          if (!match(frames[i]!)) continue;
          const taken = frames.slice(read, i + 1);
          read = i + 1;
          done();
          return resolve(taken);
        }
        if (ws.readyState === WebSocket.CLOSED) {
          done();
          reject(new Error(`closed before the awaited frame; got ${JSON.stringify(frames.slice(read))}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no awaited frame in ${timeoutMs} ms; got ${JSON.stringify(frames.slice(read))}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  }

  return {
    ws,
    frames,
    closed,
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next: async (match = () => true, timeoutMs) => (await until(match, timeoutMs)).at(-1)!,
    until,
    async close() {
      if (ws.readyState !== WebSocket.CLOSED) {
        ws.close();
        await closed;
      }
    },
  };
}

/** Connects, then subscribes to `events` and starts, as @wazo/sdk does; resolves once started. */
export async function startedClient(url: string, events: string[], options: ConnectOptions = {}) {
  const client = connectClient(url, options);
  await client.next((f) => f.op === 'init');
  for (const event_name of events) client.send({ op: 'subscribe', data: { event_name } });
  client.send({ op: 'start' });
  await client.next((f) => f.op === 'start');
  return client;
}
