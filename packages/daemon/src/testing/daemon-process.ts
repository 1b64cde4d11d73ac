/**
 * Starts a daemon as a real child process, as an operator would (`node main.ts -c config.yml`),
 * and waits for its "ready" log line, which carries the URL it serves on (port 0 works).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { call } from './http-client.js';

export interface DaemonProcessOptions {
  /** The daemon's entry module (TypeScript source is run through tsx). */
  entry: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Milliseconds to wait for the ready line. */
  timeoutMs?: number;
  /**
   * Base URL to poll (`HEAD <url>`) instead of waiting for the ready log line, for daemons whose
   * log level hides it. Any HTTP answer means the daemon serves.
   */
  pollUrl?: { url: string; ca?: string };
}

export interface DaemonProcess {
  child: ChildProcess;
  pid: number;
  /** Base URL, e.g. `https://127.0.0.1:43211`. */
  url: string;
  output(): string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Spawns and resolves once ready; rejects with the process output if it exits or times out. */
export async function startDaemonProcess(options: DaemonProcessOptions): Promise<DaemonProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=wazo-ts-source', '--import', 'tsx', options.entry, ...(options.args ?? [])],
    { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const url = await new Promise<string>((resolve, reject) => {
    let settled = false;
    const settle = (error: Error | null, value?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (value !== undefined) return resolve(value);
      // A daemon that never became ready must not outlive the test (its pipes keep it alive).
      child.kill('SIGKILL');
      reject(error);
    };
    const timer = setTimeout(
      () => settle(new Error(`daemon not ready in time:\n${output}`)),
      options.timeoutMs ?? 20_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /"url":"(https?:\/\/[^"]+)"[^\n]*ready on/.exec(output);
      if (ready && !options.pollUrl) settle(null, ready[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    if (options.pollUrl) {
      void pollUntilServing(options.pollUrl, () => settled).then((origin) => origin && settle(null, origin));
    }
    void exited.then((code) =>
      settle(new Error(`daemon exited with code ${code} before it was ready:\n${output}`)),
    );
  });
  return {
    child,
    pid: child.pid!,
    url,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}

async function pollUntilServing(
  target: { url: string; ca?: string },
  done: () => boolean,
): Promise<string | null> {
  while (!done()) {
    try {
      const res = await call(target.url, { method: 'HEAD', ...(target.ca ? { ca: target.ca } : {}) });
      // The bound socket answers 503 with Retry-After until the app is ready: not serving yet.
      if (!(res.status === 503 && res.headers['retry-after'])) return new URL(target.url).origin;
      await delay(100);
    } catch {
      await delay(100);
    }
  }
  return null;
}

/** Runs a daemon entry that is expected to fail; resolves with its exit code and output. */
export async function runDaemonToExit(
  options: DaemonProcessOptions,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    ['--conditions=wazo-ts-source', '--import', 'tsx', options.entry, ...(options.args ?? [])],
    { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
  const [code] = await once(child, 'exit');
  clearTimeout(timer);
  return { code: code as number | null, output };
}
