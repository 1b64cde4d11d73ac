/**
 * The platform as a user runs it: `packages/platform/src/main.ts` in a child process, with its
 * own data folder and free ports given through the environment, ready once the banner is out.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const main = join(root, 'packages/platform/src/main.ts');

/** First starts run initdb: generous, the machine is shared. */
const READY_TIMEOUT_MS = 240_000;

export interface PlatformPorts {
  https: number;
  auth: number;
  confd: number;
  websocketd: number;
  dird: number;
}

export interface PlatformProcess {
  child: ChildProcess;
  ports: PlatformPorts;
  dataDir: string;
  /** `127.0.0.1:<https port>`, the SDK's `server`. */
  server: string;
  gateway: string;
  certificate: string;
  output(): string;
  admin(): Promise<{ username: string; password: string }>;
  /** Sends the signal, waits for the exit; returns the exit code (null when killed). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * A free port below the kernel's ephemeral range (32768 and up), so that a port another process
 * (the embedded PostgreSQL among them) gets from the kernel cannot be ours between now and the bind.
 */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const server = createServer();
    const free = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (free) {
      await new Promise((resolve) => server.close(resolve));
      return port;
    }
  }
}

export async function freePlatformPorts(): Promise<PlatformPorts> {
  return {
    https: await freePort(),
    auth: await freePort(),
    confd: await freePort(),
    websocketd: await freePort(),
    dird: await freePort(),
  };
}

export interface SpawnOptions {
  dataDir: string;
  ports?: PlatformPorts;
  env?: Record<string, string>;
  uid?: number;
  gid?: number;
}

export function platformEnv(options: SpawnOptions, ports: PlatformPorts): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: options.dataDir,
    WAZO_DATA_DIR: options.dataDir,
    WAZO_HTTPS_PORT: String(ports.https),
    WAZO_AUTH_PORT: String(ports.auth),
    WAZO_CONFD_PORT: String(ports.confd),
    WAZO_WEBSOCKETD_PORT: String(ports.websocketd),
    WAZO_DIRD_PORT: String(ports.dird),
    // Wazo's 250,000 PBKDF2 rounds make every login slow on a shared machine.
    WAZO_AUTH__PASSWORD_HASH_ITERATIONS: '1000',
    ...options.env,
  };
}

export function spawnPlatformRaw(options: SpawnOptions, ports: PlatformPorts): ChildProcess {
  return spawn(process.execPath, ['--conditions=wazo-ts-source', '--import', 'tsx', main], {
    cwd: root,
    env: platformEnv(options, ports),
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid }),
  });
}

export async function startPlatformProcess(options: SpawnOptions): Promise<PlatformProcess> {
  const ports = options.ports ?? (await freePlatformPorts());
  const child = spawnPlatformRaw(options, ports);
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = once(child, 'exit');
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`platform not ready in time:\n${text}`)),
      READY_TIMEOUT_MS,
    );
    const check = () => {
      if (text.includes('Ctrl-C stops everything')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`platform exited ${code} before ready:\n${text}`));
    });
  });
  return {
    child,
    ports,
    dataDir: options.dataDir,
    server: `127.0.0.1:${ports.https}`,
    gateway: `https://127.0.0.1:${ports.https}`,
    certificate: join(options.dataDir, 'tls', 'server.crt'),
    output: () => text,
    async admin() {
      return parse(await readFile(join(options.dataDir, 'admin-credentials.yml'), 'utf8'));
    },
    async stop(signal = 'SIGINT') {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}
