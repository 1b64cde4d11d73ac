/** SQL of the IAX registrations (`register_iax`), read with the trunk using each. Platform-wide. */
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult } from '../search/search.js';
import type { RegisterIax, RegisterIaxRecord } from './register-iax.model.js';

/** xivo-dao's register search: id only, sorted by id. */
export const registerIaxSearchConfig: SearchConfig = {
  columns: { id: 'register_iax.id' },
  search: ['id'],
  defaultSort: 'id',
  key: 'register_iax.id',
};

type Row = RegisterIaxRecord & { id: number; trunk_id: number | null };
const toRegister = ({ trunk_id, ...row }: Row): RegisterIax => ({
  ...row,
  trunk: trunk_id === null ? null : { id: trunk_id },
});

export function createRegisterIaxDao() {
  const base = (tx: Tx) =>
    tx.db
      .selectFrom('register_iax')
      .selectAll('register_iax')
      .select((eb) =>
        eb
          .selectFrom('trunk')
          .select('trunk.id')
          .whereRef('trunk.register_iax_id', '=', 'register_iax.id')
          .as('trunk_id'),
      );
  return {
    async search(tx: Tx, params: SearchParams): Promise<SearchResult<RegisterIax>> {
      const page = await runSearch(base(tx), registerIaxSearchConfig, params);
      return { total: page.total, items: (page.items as Row[]).map(toRegister) };
    },
    async find(tx: Tx, id: number): Promise<RegisterIax | null> {
      const row = await base(tx).where('register_iax.id', '=', id).executeTakeFirst();
      return row ? toRegister(row as Row) : null;
    },
    async create(tx: Tx, record: RegisterIaxRecord): Promise<number> {
      const row = await tx.db
        .insertInto('register_iax')
        .values(record)
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async update(tx: Tx, id: number, record: RegisterIaxRecord): Promise<void> {
      await tx.db.updateTable('register_iax').set(record).where('id', '=', id).execute();
    },
    /** Deletes it; its trunk is left without one. */
    async delete(tx: Tx, id: number): Promise<void> {
      await tx.db.deleteFrom('register_iax').where('id', '=', id).execute();
    },
  };
}

export type RegisterIaxDao = ReturnType<typeof createRegisterIaxDao>;
