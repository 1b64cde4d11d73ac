/**
 * RabbitMQ's headers-exchange rule, for the in-process transport: binding arguments starting with
 * `x-` are not matched; `all` needs every other argument present with an equal value, `any` at
 * least one. A `null` argument matches the header's presence, whatever its value.
 */
import type { HeaderBinding, HeaderValue } from '../transport.js';

function argumentMatches(headers: Record<string, HeaderValue>, key: string, expected: HeaderValue): boolean {
  if (!Object.hasOwn(headers, key)) return false;
  return expected === null || headers[key] === expected;
}

export function bindingMatches(binding: HeaderBinding, headers: Record<string, HeaderValue>): boolean {
  const entries = Object.entries(binding.headers).filter(([key]) => !key.startsWith('x-'));
  if (binding.match === 'all') return entries.every(([key, value]) => argumentMatches(headers, key, value));
  return entries.some(([key, value]) => argumentMatches(headers, key, value));
}

export function sameBinding(a: HeaderBinding, b: HeaderBinding): boolean {
  const keysA = Object.keys(a.headers);
  return (
    a.match === b.match &&
    keysA.length === Object.keys(b.headers).length &&
    keysA.every((key) => Object.hasOwn(b.headers, key) && b.headers[key] === a.headers[key])
  );
}
