/**
 * The service key file written by wazo-auth-keys: `service_id` and `service_key` become
 * `auth.username` and `auth.password`. A missing file is not fatal here: the service-token
 * component reports it in /status. Scalars are read as plain text so a key like `0123` keeps
 * its leading zero.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { ConfigError, type ConfigWarning } from './errors.js';
import { type ConfigLayer, simpleLayer } from './layer.js';
import { isMapping } from './tree.js';

export type KeyFileResult = { layer: ConfigLayer } | { warning: ConfigWarning };

export function readKeyFile(file: string): KeyFileResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return { warning: { source: file, file, message: 'service key file not found; no service token' } };
    throw keyFileError(file, `cannot read file (${code ?? String(err)})`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter });
  const syntax = doc.errors[0];
  if (syntax !== undefined) {
    const { line, col } = lineCounter.linePos(syntax.pos[0]);
    throw keyFileError(file, `YAML syntax error: ${syntax.message.split('\n')[0]}`, line, col);
  }
  const data: unknown = doc.toJS();
  const id = isMapping(data) ? data.service_id : undefined;
  const key = isMapping(data) ? data.service_key : undefined;
  if (typeof id !== 'string' || typeof key !== 'string' || id === '' || key === '')
    throw keyFileError(file, 'expected a mapping with service_id and service_key');
  return { layer: simpleLayer('key-file', file, { auth: { username: id, password: key } }, file) };
}

function keyFileError(file: string, message: string, line?: number, column?: number): ConfigError {
  const where = line === undefined ? {} : { line, column: column ?? 1 };
  return new ConfigError([
    { source: file, file, ...where, path: '', message: `service key file: ${message}` },
  ]);
}
