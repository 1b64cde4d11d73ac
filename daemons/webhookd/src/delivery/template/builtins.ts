/**
 * The filters, tests and methods a template may use: a fixed list of pure functions on data, as
 * Jinja2 defines them. Anything else is refused (there is no way to name a JavaScript function).
 */
import { SecurityError, TemplateError } from './errors.js';
import { display, isPlainObject, iterable, truthy, UNDEFINED, type Value } from './values.js';

type Builtin = (value: Value, args: Value[]) => Value;

function str(value: Value): string {
  return display(value);
}

function num(value: Value, fallback: number, float: boolean): number {
  const parsed =
    typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  if (value === true) return 1;
  if (Number.isNaN(parsed) || (typeof value === 'string' && value.trim() === '')) return fallback;
  return float ? parsed : Math.trunc(parsed);
}

function sized(value: Value): number {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (isPlainObject(value)) return Object.keys(value).length;
  if (value === UNDEFINED) return 0;
  throw new TemplateError('object has no length');
}

const json = (value: Value): string =>
  // Jinja2's tojson escapes the HTML-sensitive characters the same way.
  (JSON.stringify(value === UNDEFINED ? null : value) ?? 'null')
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll("'", '\\u0027');

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };

export const FILTERS: Record<string, Builtin> = {
  default: (v, [fallback = '', boolean = false]) =>
    v === UNDEFINED || (boolean && !truthy(v)) ? fallback : v,
  tojson: (v) => json(v),
  string: (v) => str(v),
  upper: (v) => str(v).toUpperCase(),
  lower: (v) => str(v).toLowerCase(),
  title: (v) => str(v).replace(/\w\S*/g, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()),
  capitalize: (v) => {
    const s = str(v);
    return s.slice(0, 1).toUpperCase() + s.slice(1).toLowerCase();
  },
  trim: (v) => str(v).trim(),
  length: (v) => sized(v),
  first: (v) => iterable(v)[0] ?? UNDEFINED,
  last: (v) => iterable(v).at(-1) ?? UNDEFINED,
  join: (v, [sep = '']) => iterable(v).map(str).join(str(sep)),
  replace: (v, [old, replacement]) => str(v).replaceAll(str(old), str(replacement)),
  int: (v, [fallback = 0]) => num(v, Number(fallback), false),
  float: (v, [fallback = 0]) => num(v, Number(fallback), true),
  abs: (v) => Math.abs(num(v, 0, true)),
  round: (v, [precision = 0]) => {
    const factor = 10 ** num(precision, 0, false);
    return Math.round(num(v, 0, true) * factor) / factor;
  },
  list: (v) => iterable(v),
  reverse: (v) => (typeof v === 'string' ? [...v].reverse().join('') : [...iterable(v)].reverse()),
  urlencode: (v) =>
    isPlainObject(v)
      ? Object.entries(v)
          .map(([k, x]) => `${encodeURIComponent(k)}=${encodeURIComponent(str(x))}`)
          .join('&')
      : encodeURIComponent(str(v)).replaceAll('%2F', '/'),
  escape: (v) => str(v).replace(/[&<>"']/g, (c) => HTML[c]!),
  safe: (v) => v,
  dictsort: (v) => {
    if (!isPlainObject(v)) throw new TemplateError('dictsort needs a mapping');
    return Object.keys(v)
      .sort()
      .map((k) => [k, v[k]]);
  },
};
FILTERS.d = FILTERS.default!;
FILTERS.count = FILTERS.length!;
FILTERS.e = FILTERS.escape!;

export const TESTS: Record<string, Builtin> = {
  defined: (v) => v !== UNDEFINED,
  undefined: (v) => v === UNDEFINED,
  none: (v) => v === null,
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number',
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  mapping: (v) => isPlainObject(v),
  sequence: (v) => typeof v === 'string' || Array.isArray(v) || isPlainObject(v),
  iterable: (v) => typeof v === 'string' || Array.isArray(v) || isPlainObject(v),
  true: (v) => v === true,
  false: (v) => v === false,
  eq: (v, [other]) => v === other,
  lower: (v) => typeof v === 'string' && v === v.toLowerCase(),
  upper: (v) => typeof v === 'string' && v === v.toUpperCase(),
};

const STRING_METHODS: Record<string, (s: string, args: Value[]) => Value> = {
  upper: (s) => s.toUpperCase(),
  lower: (s) => s.toLowerCase(),
  strip: (s) => s.trim(),
  startswith: (s, [prefix]) => s.startsWith(str(prefix)),
  endswith: (s, [suffix]) => s.endsWith(str(suffix)),
  replace: (s, [old, replacement]) => s.replaceAll(str(old), str(replacement)),
  split: (s, [sep]) => (sep === undefined || sep === null ? s.trim().split(/\s+/) : s.split(str(sep))),
};

const MAPPING_METHODS: Record<string, (m: Record<string, Value>, args: Value[]) => Value> = {
  get: (m, [key, fallback = null]) => (typeof key === 'string' && Object.hasOwn(m, key) ? m[key] : fallback),
  keys: (m) => Object.keys(m),
  values: (m) => Object.values(m),
  items: (m) => Object.entries(m),
};

/** `value.name(args)`: a few of Python's str and dict methods; every other call is refused. */
export function callMethod(value: Value, name: string, args: Value[]): Value {
  if (typeof value === 'string' && Object.hasOwn(STRING_METHODS, name))
    return STRING_METHODS[name]!(value, args);
  if (isPlainObject(value) && Object.hasOwn(MAPPING_METHODS, name))
    return MAPPING_METHODS[name]!(value, args);
  throw new SecurityError(`calling "${name}" is not allowed in a webhook template`);
}

export function builtin(table: Record<string, Builtin>, kind: string, name: string): Builtin {
  if (!Object.hasOwn(table, name)) throw new TemplateError(`no ${kind} named "${name}"`);
  return table[name]!;
}
