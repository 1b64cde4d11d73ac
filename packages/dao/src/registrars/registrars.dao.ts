/**
 * SQL of the registrars: one table, not tenant-scoped (registrars are the system's; the routes
 * let only the master tenant near them).
 */
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult } from '../search/search.js';
import type { Registrar } from './registrars.model.js';

const FIELDS = [
  'id',
  'name',
  'main_host',
  'main_port',
  'backup_host',
  'backup_port',
  'proxy_main_host',
  'proxy_main_port',
  'proxy_backup_host',
  'proxy_backup_port',
  'outbound_proxy_host',
  'outbound_proxy_port',
] as const;

/** Wazo's registrar search: every field, sorted by name. */
export const registrarSearchConfig: SearchConfig = {
  columns: Object.fromEntries(FIELDS.map((field) => [field, `registrar.${field}`])),
  search: [...FIELDS],
  defaultSort: 'name',
  key: 'registrar.id',
  sortInsensitive: ['name'],
};

export function createRegistrarsDao() {
  const all = (tx: Tx) => tx.db.selectFrom('registrar').selectAll('registrar');
  return {
    search: (tx: Tx, params: SearchParams): Promise<SearchResult<Registrar>> =>
      runSearch(all(tx), registrarSearchConfig, params),

    get: (tx: Tx, id: string): Promise<Registrar | undefined> =>
      all(tx).where('registrar.id', '=', id).executeTakeFirst(),

    async insert(tx: Tx, registrar: Registrar): Promise<void> {
      await tx.db.insertInto('registrar').values(registrar).execute();
    },

    async update(tx: Tx, registrar: Registrar): Promise<void> {
      const { id, ...fields } = registrar;
      await tx.db.updateTable('registrar').set(fields).where('id', '=', id).execute();
    },

    async remove(tx: Tx, id: string): Promise<void> {
      await tx.db.deleteFrom('registrar').where('id', '=', id).execute();
    },
  };
}

export type RegistrarsDao = ReturnType<typeof createRegistrarsDao>;
