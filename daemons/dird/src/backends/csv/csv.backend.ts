/**
 * The csv backend: a CSV file on dird's machine (`file`, `separator`, `unique_column`), read
 * when the source is loaded (again when its configuration changes), searched in memory as Wazo
 * does. A file that cannot be read leaves the source empty, logged.
 */
import { readFile } from 'node:fs/promises';
import type { Backend, LoadedSource, SourceConfig } from '../backend.js';
import { lookupDependencies } from '../lookup-dependencies.js';
import {
  firstMatchOf,
  type IndexedEntry,
  indexEntry,
  listByIds,
  matchAllOf,
  searchEntries,
} from '../matching.js';
import { csvSourceSchema } from '../schemas.js';
import { csvEntries } from './csv-entries.js';

export const csvBackend: Backend = {
  name: 'csv',
  schema: csvSourceSchema.fields,
  load(config: SourceConfig, dependencies: Record<string, unknown>): LoadedSource {
    const { logger } = lookupDependencies(dependencies);
    const file = String(config.extern.file ?? '');
    const separator = typeof config.extern.separator === 'string' ? config.extern.separator : ',';
    const unique = typeof config.extern.unique_column === 'string' ? config.extern.unique_column : null;
    const entries: Promise<IndexedEntry[]> = readFile(file, 'utf8').then(
      (text) => csvEntries(text, separator, unique).map(indexEntry),
      (error: unknown) => {
        logger.error({ err: error, source: config.name, file }, 'csv source: the file cannot be read');
        return [];
      },
    );
    return {
      config,
      search: async (term) => searchEntries(await entries, config.searchedColumns, term),
      firstMatch: async (exten) => firstMatchOf(await entries, config.firstMatchedColumns, exten),
      matchAll: async (extens) => matchAllOf(await entries, config.firstMatchedColumns, extens),
      list: async (ids) => listByIds(await entries, ids),
    };
  },
};
