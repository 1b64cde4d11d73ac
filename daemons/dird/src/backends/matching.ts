/**
 * How Wazo's in-memory backends (wazo, conference, csv) match: a lookup is an accent- and
 * case-insensitive substring of any searched column; a reverse is an exact equality with a
 * first-matched column (or an element of it, for a list such as a conference's extensions).
 */
import type { ResultRelations, SourceEntry } from './backend.js';

/** Lower case without accents: "Élodie" → "elodie". */
export function unaccentLower(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(textOf).join(' ');
  return null;
}

/** Entries with their searched text prepared once (a wazo source of 10,000 users is searched often). */
export interface IndexedEntry extends SourceEntry {
  /** Normalized text by column, filled on first use. */
  normalized: Map<string, string | null>;
}

export function indexEntry(entry: SourceEntry): IndexedEntry {
  return { ...entry, normalized: new Map() };
}

function normalizedColumn(entry: IndexedEntry, column: string): string | null {
  let text = entry.normalized.get(column);
  if (text === undefined) {
    const raw = textOf(entry.fields[column]);
    text = raw === null ? null : unaccentLower(raw);
    entry.normalized.set(column, text);
  }
  return text;
}

export function searchEntries(
  entries: readonly IndexedEntry[],
  columns: readonly string[],
  term: string,
): SourceEntry[] {
  const wanted = unaccentLower(term);
  if (columns.length === 0) return [];
  return entries
    .filter((entry) => columns.some((column) => normalizedColumn(entry, column)?.includes(wanted)))
    .map(({ fields, relations }) => ({ fields, relations }));
}

function equalsExten(value: unknown, exten: string): boolean {
  if (Array.isArray(value)) return value.some((item) => equalsExten(item, exten));
  return (typeof value === 'string' || typeof value === 'number') && String(value) === exten;
}

export function firstMatchOf(
  entries: readonly SourceEntry[],
  columns: readonly string[],
  exten: string,
): SourceEntry | null {
  const found = entries.find((entry) => columns.some((column) => equalsExten(entry.fields[column], exten)));
  return found ? { fields: found.fields, relations: found.relations } : null;
}

export function matchAllOf(
  entries: readonly SourceEntry[],
  columns: readonly string[],
  extens: readonly string[],
) {
  const wanted = new Set(extens);
  const matches = new Map<string, SourceEntry>();
  for (const entry of entries) {
    for (const column of columns) {
      const value = entry.fields[column];
      for (const candidate of Array.isArray(value) ? value : [value]) {
        const text =
          typeof candidate === 'string' || typeof candidate === 'number' ? String(candidate) : null;
        if (text !== null && wanted.has(text) && !matches.has(text))
          matches.set(text, { fields: entry.fields, relations: entry.relations });
      }
    }
  }
  return matches;
}

export function listByIds(entries: readonly SourceEntry[], ids: readonly string[]): SourceEntry[] {
  const wanted = new Set(ids);
  return entries
    .filter(
      (entry) => entry.relations.source_entry_id !== null && wanted.has(entry.relations.source_entry_id),
    )
    .map(({ fields, relations }) => ({ fields, relations }));
}

/** Relations of an entry that is no Wazo user (csv, ldap, conference...). */
export function plainRelations(sourceEntryId: string | null, xivoId: string | null = null): ResultRelations {
  return {
    xivo_id: xivoId,
    agent_id: null,
    user_id: null,
    user_uuid: null,
    endpoint_id: null,
    source_entry_id: sourceEntryId,
  };
}

/** `str(value)` of the unique column, or null when absent. */
export function entryIdOf(fields: Record<string, unknown>, column: string | null | undefined): string | null {
  if (!column) return null;
  const value = fields[column];
  return value === null || value === undefined ? null : String(value);
}
