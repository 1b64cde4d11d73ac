/**
 * Python's `repr` of the JSON-like values confd's messages embed (marshmallow's message lists and
 * dicts), because Wazo's clients and tests match those strings: single-quoted strings, True/False,
 * None, and list indexes as bare integers (`{0: {'exten': [...]}}`).
 */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([key, item]) => `${/^\d+$/.test(key) ? key : pythonRepr(key)}: ${pythonRepr(item)}`,
  );
  return `{${entries.join(', ')}}`;
}
