/**
 * Values as a template sees them: JSON data (the event), plus Jinja2's `Undefined`. Lookups read
 * only own properties of plain objects, array items and string characters, so no template can
 * reach a prototype, a constructor or anything global; output is Python's `str()` of the value.
 */
import { SecurityError, UndefinedError } from './errors.js';

/** Jinja2's Undefined: renders empty, is falsy, and fails when something is looked up on it. */
export const UNDEFINED: unique symbol = Symbol('undefined');

export type Value = unknown;

export function isPlainObject(value: Value): value is Record<string, Value> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function index(length: number, key: Value): number | null {
  if (typeof key !== 'number' || !Number.isInteger(key)) return null;
  const i = key < 0 ? length + key : key;
  return i >= 0 && i < length ? i : null;
}

/** `obj.key` and `obj[key]`: data only, Undefined when absent, an error on Undefined itself. */
export function lookup(obj: Value, key: Value, what: string): Value {
  if (obj === UNDEFINED) throw new UndefinedError(`"${what}" is undefined`);
  if (Array.isArray(obj) || typeof obj === 'string') {
    const i = index(obj.length, key);
    return i === null ? UNDEFINED : obj[i];
  }
  if (isPlainObject(obj) && typeof key === 'string') return Object.hasOwn(obj, key) ? obj[key] : UNDEFINED;
  if (isPlainObject(obj) && typeof key === 'number') {
    const name = String(key);
    return Object.hasOwn(obj, name) ? obj[name] : UNDEFINED;
  }
  return UNDEFINED;
}

export function truthy(value: Value): boolean {
  if (value === UNDEFINED || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return true;
}

function pyString(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  const escaped = value.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('\t', '\\t');
  return quote + (quote === "'" ? escaped.replaceAll("'", "\\'") : escaped) + quote;
}

/** Python's `repr()` of a JSON value (what Jinja2 shows for a list or a dict). */
export function repr(value: Value): string {
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(repr).join(', ')}]`;
  if (isPlainObject(value))
    return `{${Object.entries(value)
      .map(([k, v]) => `${pyString(k)}: ${repr(v)}`)
      .join(', ')}}`;
  return display(value);
}

/** Python's `str()`: what `{{ value }}` writes. */
export function display(value: Value): string {
  if (value === UNDEFINED) return '';
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : value > 0 ? 'inf' : '-inf';
  if (Array.isArray(value) || isPlainObject(value)) return repr(value);
  throw new SecurityError('a template value is not data');
}

/** Lengths a template may build in one value, so no expression grows without bound. */
export function checkSize(value: Value, limit: number): Value {
  const size = typeof value === 'string' || Array.isArray(value) ? value.length : 0;
  if (size > limit) throw new SecurityError(`a template value exceeds ${limit} characters or items`);
  return value;
}

export function equal(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]))
    );
  }
  return false;
}

export function contains(container: Value, item: Value): boolean {
  if (typeof container === 'string') return typeof item === 'string' && container.includes(item);
  if (Array.isArray(container)) return container.some((x) => equal(x, item));
  if (isPlainObject(container)) return typeof item === 'string' && Object.hasOwn(container, item);
  throw new SecurityError('"in" needs a string, a list or a mapping');
}

/** Items a `for` loop walks: a list, a mapping's keys, a string's characters. */
export function iterable(value: Value): Value[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [...value];
  if (isPlainObject(value)) return Object.keys(value);
  if (value === UNDEFINED) return [];
  throw new SecurityError('only lists, mappings and strings can be looped over');
}
