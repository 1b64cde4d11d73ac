/** A CSV text as a source's entries: the first line names the columns, every value a string. */
import { parse } from 'csv-parse/sync';
import type { SourceEntry } from '../backend.js';
import { entryIdOf, plainRelations } from '../matching.js';

export function csvEntries(
  text: string,
  delimiter: string,
  uniqueColumn: string | null | undefined,
): SourceEntry[] {
  const rows = parse(text, {
    columns: true,
    delimiter,
    skip_empty_lines: true,
    relax_column_count: true,
    bom: true,
  }) as Record<string, string>[];
  return rows.map((fields) => ({ fields, relations: plainRelations(entryIdOf(fields, uniqueColumn)) }));
}
