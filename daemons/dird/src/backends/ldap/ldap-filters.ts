/**
 * LDAP search filters of the ldap backend, every value escaped (RFC 4515), attribute names
 * checked: a lookup is a substring of any searched column, a reverse an equality with any
 * first-matched column, favorites an equality with the unique column. A custom filter
 * (`ldap_custom_filter`) narrows them; where it holds `%Q`, the escaped term goes there instead.
 */
import { Filter } from 'ldapts';

const ATTRIBUTE = /^(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)*)(?:;[A-Za-z0-9-]+)*$/;

export const isAttributeName = (name: string) => ATTRIBUTE.test(name);

const escapeValue = (value: string | Buffer) => Filter.escape(value);

function anyOf(parts: string[]): string | null {
  if (parts.length === 0) return null;
  return parts.length === 1 ? (parts[0] ?? null) : `(|${parts.join('')})`;
}

function narrowed(custom: string | null | undefined, filter: string | null, value: string): string | null {
  if (!custom) return filter;
  const wrapped = custom.startsWith('(') ? custom : `(${custom})`;
  if (wrapped.includes('%Q')) return wrapped.replaceAll('%Q', escapeValue(value));
  return filter ? `(&${wrapped}${filter})` : null;
}

export function searchFilter(columns: string[], term: string, custom?: string | null): string | null {
  const value = escapeValue(term);
  const parts = columns.filter(isAttributeName).map((column) => `(${column}=*${value}*)`);
  if (custom?.includes('%Q')) return narrowed(custom, null, term);
  return narrowed(custom, anyOf(parts), term);
}

export function exactFilter(columns: string[], exten: string, custom?: string | null): string | null {
  const value = escapeValue(exten);
  const filter = anyOf(columns.filter(isAttributeName).map((column) => `(${column}=${value})`));
  if (!filter) return null;
  if (!custom) return filter;
  const wrapped = custom.startsWith('(') ? custom : `(${custom})`;
  return `(&${wrapped.replaceAll('%Q', value)}${filter})`;
}

/** `bytes_le` of a UUID, as Active Directory stores objectGUID. */
export function uuidToBytesLe(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not a uuid: ${uuid}`);
  const bytes = Buffer.from(hex, 'hex');
  const swap = (start: number, length: number) => bytes.subarray(start, start + length).reverse();
  swap(0, 4);
  swap(4, 2);
  swap(6, 2);
  return bytes;
}

export function bytesLeToUuid(bytes: Buffer): string {
  const copy = Buffer.from(bytes);
  copy.subarray(0, 4).reverse();
  copy.subarray(4, 6).reverse();
  copy.subarray(6, 8).reverse();
  const hex = copy.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function idsFilter(column: string, ids: string[], binary: boolean): string | null {
  if (!isAttributeName(column)) return null;
  const parts = ids.flatMap((id) => {
    try {
      return [`(${column}=${binary ? escapeValue(uuidToBytesLe(id)) : escapeValue(id)})`];
    } catch {
      return [];
    }
  });
  return anyOf(parts);
}
