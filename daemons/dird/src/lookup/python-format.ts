/**
 * Python's `str.format` as wazo-dird applies a source's `format_columns`: named fields with
 * `[index]`/`[key]` and `.attribute` lookups, `{{`/`}}` escapes, `!s`/`!r` conversions and a
 * plain format spec (width, alignment, fill). A top-level name the entry lacks gives "" (Wazo's
 * formatter does the same); anything Python would raise on (an index out of range, a positional
 * field, a spec it refuses) makes the whole value null, and the result is stripped, "" → null.
 */

class FormatError extends Error {}

/** Formats `template` with `fields`; null where Wazo's formatter gives None. */
export function pythonFormat(template: string, fields: Record<string, unknown>): string | null {
  try {
    const text = render(template, fields).trim();
    return text === '' ? null : text;
  } catch (error) {
    if (error instanceof FormatError) return null;
    throw error;
  }
}

function render(template: string, fields: Record<string, unknown>): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i];
    if (c === '{') {
      if (template[i + 1] === '{') {
        out += '{';
        i += 2;
        continue;
      }
      const end = closingBrace(template, i);
      out += replacement(template.slice(i + 1, end), fields);
      i = end + 1;
    } else if (c === '}') {
      if (template[i + 1] !== '}') throw new FormatError("Single '}' encountered in format string");
      out += '}';
      i += 2;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

function closingBrace(template: string, open: number): number {
  let depth = 0;
  for (let i = open; i < template.length; i += 1) {
    if (template[i] === '[') {
      const close = template.indexOf(']', i);
      if (close === -1) throw new FormatError("expected '}' before end of string");
      i = close;
    } else if (template[i] === '{') depth += 1;
    else if (template[i] === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  throw new FormatError("expected '}' before end of string");
}

function replacement(field: string, fields: Record<string, unknown>): string {
  const match = /^([^!:[.]*)((?:\[[^\]]*\]|\.[^![.:]+)*)(?:!([rsa]))?(?::(.*))?$/s.exec(field);
  if (!match) throw new FormatError(`bad field ${field}`);
  const [, name = '', path = '', conversion, spec = ''] = match;
  if (name === '' || /^\d+$/.test(name)) throw new FormatError('positional fields are not given');
  let value: unknown = Object.hasOwn(fields, name) ? fields[name] : '';
  for (const step of path.matchAll(/\[([^\]]*)\]|\.([^![.:]+)/g))
    value = lookup(value, step[1] ?? step[2], step[1] !== undefined);
  const text = conversion === 'r' || conversion === 'a' ? pythonRepr(value) : pythonStr(value);
  return applySpec(text, spec.includes('{') ? render(spec, fields) : spec);
}

function lookup(value: unknown, key: string | undefined, indexed: boolean): unknown {
  if (key === undefined) throw new FormatError('empty lookup');
  if (Array.isArray(value) || typeof value === 'string') {
    if (!indexed || !/^\d+$/.test(key)) throw new FormatError('list indices must be integers');
    const index = Number(key);
    if (index >= value.length) throw new FormatError('index out of range');
    return value[index];
  }
  if (indexed && value !== null && typeof value === 'object') {
    if (!Object.hasOwn(value, key)) throw new FormatError(`KeyError: ${key}`);
    return (value as Record<string, unknown>)[key];
  }
  throw new FormatError(`cannot look ${key} up`);
}

/** How Python prints a JSON value with str(). */
export function pythonStr(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return pythonRepr(value);
}

function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`)
      .join(', ')}}`;
  return String(value);
}

function applySpec(text: string, spec: string): string {
  if (spec === '') return text;
  const match = /^(?:(.)?([<>^]))?(\d+)?(?:\.(\d+))?s?$/s.exec(spec);
  if (!match) throw new FormatError(`Invalid format specifier '${spec}'`);
  const [, fill = ' ', align = '<', width, precision] = match;
  const cut = precision === undefined ? text : text.slice(0, Number(precision));
  const pad = Math.max(0, Number(width ?? 0) - cut.length);
  if (align === '>') return fill.repeat(pad) + cut;
  if (align === '^') return fill.repeat(Math.floor(pad / 2)) + cut + fill.repeat(Math.ceil(pad / 2));
  return cut + fill.repeat(pad);
}
