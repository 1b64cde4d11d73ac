/**
 * Spawning `npm start` (and its baselines) for the platform benches: free ports, waiting for
 * readiness, the resident memory of a process tree, and a clean stop.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const SOURCE = ['--conditions=wazo-ts-source', '--import', 'tsx'];
const READY_TIMEOUT_MS = 300_000;

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves when `ready()` says so, polled every 20 ms, with the milliseconds since `started`. */
export async function timeUntil(
  started: number,
  child: ChildProcess,
  ready: () => Promise<boolean>,
  output: () => string = () => '',
): Promise<number> {
  const deadline = started + READY_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited ${child.exitCode} before ready:\n${output()}`);
    if (await ready().catch(() => false)) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`not ready in time:\n${output()}`);
}

export async function treeRssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const own = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  let total = own;
  for (const task of await readdir(`/proc/${pid}/task`).catch(() => [] as string[])) {
    const children = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    for (const child of children.trim().split(/\s+/).filter(Boolean)) total += await treeRssKb(Number(child));
  }
  return total;
}

/** The resident memory of this one process, without its children. */
export async function ownRssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGINT');
  await once(child, 'exit');
}

export function outputOf(child: ChildProcess): () => string {
  let text = '';
  child.stdout?.on('data', (c: Buffer) => (text += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (text += c.toString()));
  return () => text;
}

export interface SpawnedPlatform {
  child: ChildProcess;
  ports: { https: number; auth: number; confd: number; ws: number };
  output: () => string;
  /** Milliseconds from spawn to the banner. */
  bannerMs: number;
}

/** `npm start` on `dataDir` with free ports, resolved at its banner; `nodeArgs` e.g. `--cpu-prof`. */
export async function spawnPlatform(
  dataDir: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<SpawnedPlatform> {
  const ports = {
    https: await freePort(),
    auth: await freePort(),
    confd: await freePort(),
    ws: await freePort(),
  };
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, ...SOURCE, 'packages/platform/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      WAZO_DATA_DIR: dataDir,
      WAZO_HTTPS_PORT: String(ports.https),
      WAZO_AUTH_PORT: String(ports.auth),
      WAZO_CONFD_PORT: String(ports.confd),
      WAZO_WEBSOCKETD_PORT: String(ports.ws),
    },
  });
  const output = outputOf(child);
  const bannerMs = await timeUntil(
    started,
    child,
    async () => output().includes('Ctrl-C stops everything'),
    output,
  );
  return { child, ports, output, bannerMs };
}
