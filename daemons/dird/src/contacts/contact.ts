/**
 * A contact as Wazo's personal and phonebook contacts are: a flat map of non-empty string keys to
 * string values, to which the server adds `id`. Two contacts with the same fields (`id` aside)
 * are the same contact: their hash collides in the owner's unique index.
 */
import { createHash } from 'node:crypto';

export type ContactFields = Record<string, string>;
export type Contact = ContactFields & { id: string };

/**
 * sha1 of the fields without `id`, written as Python's `json.dumps(d, sort_keys=True)` writes
 * them (", " and ": " separators, non-ASCII escaped), so hashes match Wazo's for the same data.
 */
export function contactHash(fields: Readonly<Record<string, string>>): string {
  const keys = Object.keys(fields)
    .filter((key) => key !== 'id')
    .sort();
  const json = `{${keys.map((key) => `${pythonJson(key)}: ${pythonJson(fields[key] as string)}`).join(', ')}}`;
  return createHash('sha1').update(json, 'utf8').digest('hex');
}

function pythonJson(text: string): string {
  return JSON.stringify(text).replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** What is wrong with a contact body, in Wazo's words; empty when it is a valid contact. */
export function contactProblems(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return ['a contact must be an object'];
  const problems: string[] = [];
  if (Object.values(body).some((value) => typeof value !== 'string'))
    problems.push('all values must be strings');
  if ('' in body) problems.push('"" is a forbidden in keys');
  return problems;
}
