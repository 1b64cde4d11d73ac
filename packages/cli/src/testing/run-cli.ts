/**
 * The CLI as a user runs it: `node bin/wazo.js ...` in a child process, with its own config
 * folder (XDG_CONFIG_HOME) and nothing of the test runner's environment that could change it.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'wazo.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  stdin?: string;
  env?: Record<string, string>;
  /** The working folder (relative paths in flags resolve against it). */
  cwd?: string;
}

export interface CliRunner {
  configHome: string;
  run(args: string[], options?: RunOptions): Promise<CliResult>;
  /** Runs and expects exit 0; returns stdout. */
  ok(args: string[], options?: RunOptions): Promise<string>;
  /** Starts a long-running command (`events`); the caller reads and stops the child. */
  spawn(args: string[]): ChildProcessWithoutNullStreams;
  /** Runs with `--json` and expects exit 0; returns the parsed stdout. */
  json<T = unknown>(args: string[], options?: RunOptions): Promise<T>;
}

export async function createCliRunner(): Promise<CliRunner> {
  const configHome = await mkdtemp(join(tmpdir(), 'wazo-cli-home-'));
  const run: CliRunner['run'] = (args, options = {}) =>
    new Promise((resolve, reject) => {
      const env = {
        PATH: process.env.PATH ?? '',
        HOME: configHome,
        XDG_CONFIG_HOME: configHome,
        ...options.env,
      };
      const child = spawn(process.execPath, [bin, ...args], {
        env,
        cwd: options.cwd,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(options.stdin ?? '');
    });
  const ok: CliRunner['ok'] = async (args, options) => {
    const result = await run(args, options);
    if (result.code !== 0)
      throw new Error(`wazo ${args.join(' ')} exited ${result.code}: ${result.stderr}${result.stdout}`);
    return result.stdout;
  };
  return {
    configHome,
    run,
    spawn: (args) =>
      spawn(process.execPath, [bin, ...args], {
        env: { PATH: process.env.PATH ?? '', HOME: configHome, XDG_CONFIG_HOME: configHome },
      }),
    ok,
    json: async <T>(args: string[], options?: RunOptions) =>
      JSON.parse(await ok(['--json', ...args], options)) as T,
  };
}

/** A CLI with its own config folder, logged in to `stack` as its administrator. */
export async function loggedInCli(stack: {
  auth: { url: string };
  confd: { url: string };
  admin: { username: string; password: string };
}): Promise<CliRunner> {
  const cli = await createCliRunner();
  await cli.ok([
    'login',
    '--auth-url',
    stack.auth.url,
    '--confd-url',
    stack.confd.url,
    '--username',
    stack.admin.username,
    '--password',
    stack.admin.password,
  ]);
  return cli;
}
