/**
 * A source's entry as Wazo's clients see it: `format_columns` applied over the backend's fields
 * (Python `str.format`), then laid out by the profile's display: one value per column, the
 * `favorite` column from the user's favorites, the `personal` column from the backend.
 */
import type { SourceConfig, SourceEntry } from '../backends/backend.js';
import type { DisplayColumn } from './profiles.js';
import { pythonFormat } from './python-format.js';

export interface SourceResult extends SourceEntry {
  source: SourceConfig;
}

/** The entry's fields with the source's formatted columns added (or replaced). */
export function formatEntry(source: SourceConfig, entry: SourceEntry): SourceResult {
  const formats = Object.entries(source.formatColumns);
  if (formats.length === 0) return { ...entry, source };
  const fields = { ...entry.fields };
  for (const [column, template] of formats) fields[column] = pythonFormat(template, entry.fields);
  return { fields, relations: entry.relations, source };
}

/** The key of a favorite: the source and the entry's id in it. */
export const favoriteKey = (sourceUuid: string, entryId: string) => `${sourceUuid} ${entryId}`;

export interface LookupResultView {
  column_values: unknown[];
  relations: SourceEntry['relations'];
  source: string;
  backend: string;
}

export function headersOf(columns: DisplayColumn[]) {
  return {
    column_headers: columns.map((column) => column.title),
    column_types: columns.map((column) => column.type),
  };
}

export function viewOf(
  columns: DisplayColumn[],
  result: SourceResult,
  favorites: ReadonlySet<string>,
): LookupResultView {
  const entryId = result.relations.source_entry_id;
  return {
    column_values: columns.map((column) => {
      if (column.type === 'favorite')
        return entryId !== null && favorites.has(favoriteKey(result.source.uuid, entryId));
      if (column.type === 'personal') return result.source.backend === 'personal';
      if (column.field !== null && Object.hasOwn(result.fields, column.field))
        return result.fields[column.field];
      return column.default;
    }),
    relations: result.relations,
    source: result.source.name,
    backend: result.source.backend,
  };
}
