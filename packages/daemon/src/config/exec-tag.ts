/**
 * Wazo's `!exec {command: "..."}` YAML tag: the command's standard output, parsed as YAML,
 * replaces the tagged mapping. It lets a deployment pull secrets from a vault or a file owned by
 * another package. It runs with the daemon's rights before privileges are dropped (usually root),
 * so it is bounded (timeout, output size) and refused in a file anyone may write.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { type Document, isMap, isNode, isPair, parseDocument, visit } from 'yaml';
import { ConfigError, type ConfigLocation } from './errors.js';

export interface ExecPolicy {
  enabled: boolean;
  /** Milliseconds before the command is killed. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_OUTPUT_BYTES = 1024 * 1024;

export function resolveExecTags(
  doc: Document,
  file: string,
  at: (offset: number) => ConfigLocation,
  policy: ExecPolicy,
): void {
  visit(doc, (_key, node, path) => {
    if (!isNode(node) || node.tag !== '!exec') return undefined;
    // Point at the key holding the tag: the mapping's own range starts after the tag.
    const parent = path.at(-1);
    const offset =
      (isPair(parent) && isNode(parent.key) ? parent.key.range?.[0] : undefined) ?? node.range?.[0];
    const fail = (message: string): never => {
      throw new ConfigError([{ ...at(offset ?? 0), path: '', message: `!exec: ${message}` }]);
    };
    if (!policy.enabled) return fail('disabled for this source');
    if (isWorldWritable(file)) return fail('refused in a world-writable file');
    const command = isMap(node) ? node.get('command') : undefined;
    if (typeof command !== 'string' || command === '') return fail('expected {command: "..."}');
    return doc.createNode(runCommand(command, policy.timeoutMs ?? DEFAULT_TIMEOUT_MS, fail));
  });
}

function runCommand(command: string, timeout: number, fail: (message: string) => never): unknown {
  let stdout: string;
  try {
    stdout = execFileSync('/bin/sh', ['-c', command], {
      encoding: 'utf8',
      timeout,
      maxBuffer: MAX_OUTPUT_BYTES,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    const { status, signal, stderr } = err as {
      status?: number | null;
      signal?: string | null;
      stderr?: string;
    };
    const why = signal ? `killed by ${signal}` : `exit status ${status ?? '?'}`;
    const detail =
      typeof stderr === 'string' && stderr.trim() !== '' ? `: ${stderr.trim().split('\n')[0]}` : '';
    return fail(`command "${command}" failed (${why})${detail}`);
  }
  const output = parseDocument(stdout, { version: '1.1' });
  if (output.errors.length > 0) return fail(`output of "${command}" is not valid YAML`);
  return output.toJS();
}

function isWorldWritable(file: string): boolean {
  try {
    return (statSync(file).mode & 0o002) !== 0;
  } catch {
    return false;
  }
}
