/**
 * The effective config with its secrets hidden, for `GET /config` and debug logs: values of
 * password, secret, token and key fields, and the password part of URIs (`amqp://u:p@host`).
 */
import { isMapping } from './tree.js';

export const MASK = '********';

const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'secret',
  'token',
  'key',
  'passwords',
  'secrets',
  'tokens',
  'keys',
]);
// Settings *about* a secret (where it is, how long it lives) are not secret.
const NOT_SECRET_SUFFIXES = new Set(['file', 'path', 'expiration', 'interval', 'name']);
const URI_CREDENTIALS = /^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^/@]*@/i;

export function isSecretKey(key: string): boolean {
  const words = key.toLowerCase().split(/[^a-z0-9]+/);
  const last = words.at(-1) ?? '';
  return words.some((word) => SECRET_WORDS.has(word)) && !NOT_SECRET_SUFFIXES.has(last);
}

export function maskSecrets<T>(value: T): T {
  return maskValue(value, false) as T;
}

function maskValue(value: unknown, secret: boolean): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => maskValue(item, secret));
  if (isMapping(value))
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, maskValue(item, isSecretKey(key))]),
    );
  if (secret) return MASK;
  if (typeof value === 'string') return value.replace(URI_CREDENTIALS, `$1${MASK}@`);
  return value;
}
