/**
 * Python's `str.format` as wazo-bus uses it for routing keys and ACLs: `{field}` and
 * `{field[key]}` placeholders, `{{`/`}}` escapes, values rendered like Python's `str()` so the
 * keys we publish are byte-identical to the ones a Python daemon would.
 */
import { InvalidDataError } from '@wazo-ts/errors';

/** Routing-key and ACL escaping: these characters are wildcards or separators on the topic exchange. */
export function escapeKeyPart(part: string): string {
  return part.replaceAll('.', '__DOT__').replaceAll('#', '__HASH__').replaceAll('*', '__STAR__');
}

/** `str()` of a JSON value as Python prints it (`True`, `None`, ...). */
export function pythonStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

const placeholder = /\{\{|\}\}|\{([^{}[\]]*)((?:\[[^\]]*\])*)\}/g;

function lookup(variables: Record<string, unknown>, field: string, index: string, format: string): unknown {
  if (!(field in variables)) {
    throw new InvalidDataError(`Format "${format}" needs the field "${field}"`, {
      errorId: 'missing-format-field',
      details: { format, field },
    });
  }
  let value = variables[field];
  for (const [, key] of index.matchAll(/\[([^\]]*)\]/g)) {
    const container = value as Record<string, unknown> | null;
    if (container === null || typeof container !== 'object' || key === undefined || !(key in container)) {
      throw new InvalidDataError(`Format "${format}" needs "${field}${index}"`, {
        errorId: 'missing-format-field',
        details: { format, field: `${field}${index}` },
      });
    }
    value = container[key];
  }
  return value;
}

/**
 * Formats `format` with `variables`; top-level string values are escaped first (as wazo-bus does
 * before calling `format`), nested values are not.
 */
export function formatKey(format: string, variables: Record<string, unknown>): string {
  return format.replace(placeholder, (match, field: string | undefined, index: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    const value = lookup(variables, field ?? '', index ?? '', format);
    const raw = variables[field ?? ''];
    const escaped = typeof raw === 'string' && !index ? escapeKeyPart(raw) : value;
    return pythonStr(escaped);
  });
}
