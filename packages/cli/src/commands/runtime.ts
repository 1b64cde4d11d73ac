/** What every command gets: the process's streams and environment, its flags, the session. */
import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { CliError, usageError } from '../core/errors.js';
import type { Format, Output } from '../core/output.js';
import { openSession, type Session, type SessionFlags } from '../core/session.js';

export interface Io {
  env: NodeJS.ProcessEnv;
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: Writable;
  stderr: Writable;
}

export interface GlobalFlags extends SessionFlags {
  json?: boolean;
  output?: string;
}

export interface Runtime {
  io: Io;
  flags: GlobalFlags;
  output: Output;
  session(): Promise<Session>;
}

function formatOf(flags: GlobalFlags): Format {
  if (flags.json) return 'json';
  if (flags.output === undefined || flags.output === 'table') return 'table';
  if (flags.output === 'json') return 'json';
  throw usageError(`-o ${flags.output}: use table or json`);
}

export function runtimeOf(io: Io, command: Command): Runtime {
  const flags = command.optsWithGlobals<GlobalFlags>();
  const output = { format: formatOf(flags), out: io.stdout, err: io.stderr };
  let session: Promise<Session> | undefined;
  return { io, flags, output, session: () => (session ??= openSession(io.env, flags)) };
}

async function readAll(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

/** The object of a `--json-body FILE` (`-` reads standard input). */
export async function readJsonBody(io: Io, file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = file === '-' ? await readAll(io.stdin) : await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw usageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw usageError(`${file} must hold a JSON object`);
  return body as Record<string, unknown>;
}

export function parseInteger(flag: string) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value)) throw usageError(`${flag} ${value}: not an integer`);
    return Number(value);
  };
}

export function parseBoolean(flag: string) {
  return (value: string): boolean => {
    if (['true', 'yes', '1', 'on'].includes(value.toLowerCase())) return true;
    if (['false', 'no', '0', 'off'].includes(value.toLowerCase())) return false;
    throw usageError(`${flag} ${value}: use true or false`);
  };
}

export function parseList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').filter(Boolean)];
}
