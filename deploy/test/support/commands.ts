/**
 * Runs the daemons' installed commands (`node_modules/.bin/wazo-*`, what `npx` finds) as an
 * operator would: plain child processes with arguments and environment, no test loader. A
 * daemon counts as started when it logs its "ready on" line, which carries its URL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export function commandPath(name: string): string {
  return join(REPO_ROOT, 'node_modules', '.bin', name);
}

export interface CommandOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
}

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spawnCommand(name: string, args: string[], options: CommandOptions): ChildProcess {
  return spawn(commandPath(name), args, {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs a command to its end (killed after the timeout) and collects its output. */
export async function runCommand(
  name: string,
  args: string[],
  options: CommandOptions = {},
): Promise<CommandResult> {
  const child = spawnCommand(name, args, options);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const [code] = await once(child, 'exit');
  clearTimeout(timer);
  return { code: code as number | null, stdout, stderr };
}

export interface RunningCommand {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` from the ready line. */
  url: string;
  output(): string;
  /** Sends the signal (SIGTERM by default) and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts a daemon command and resolves once it is ready; rejects with its output otherwise. */
export async function startCommand(
  name: string,
  args: string[],
  options: CommandOptions = {},
): Promise<RunningCommand> {
  const child = spawnCommand(name, args, options);
  let output = '';
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`${name} not ready in time:\n${output}`)),
      options.timeoutMs ?? 60_000,
    );
    function fail(error: Error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    }
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /"url":"(https?:\/\/[^"]+)"[^\n]*ready on/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolveUrl(ready[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) =>
      fail(new Error(`${name} exited with ${code} before it was ready:\n${output}`)),
    );
  });
  return {
    child,
    url,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}
