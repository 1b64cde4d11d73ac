/**
 * SQL of the pagings: `paging`, with its members and callers (`paging_user`, the users' names
 * joined) read with it. Deleting a paging deletes its users' rows and the function keys to it.
 */

import { inTenants } from '@wazo-ts/db';
import { deleteInScope, updateInScope } from '../db/scoped-write.js';
import type { Tx } from '../db/unit-of-work.js';
import { dropFuncKeysTo } from '../func-keys/func-keys.dao.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { Paging, PagingFields, PagingRole, PagingRow, PagingUser } from './pagings.model.js';

/** Wazo's paging search: id, name, number, announce_sound; sorted by name. */
export const pagingSearchConfig: SearchConfig = {
  columns: {
    id: 'paging.id',
    name: 'paging.name',
    number: 'paging.number',
    announce_sound: 'paging.announce_sound',
  },
  search: ['id', 'name', 'number', 'announce_sound'],
  defaultSort: 'name',
  key: 'paging.id',
};

function scoped(tx: Tx, scope: TenantScope) {
  return tx.db
    .selectFrom('paging')
    .selectAll('paging')
    .where(inTenants('paging.tenant_uuid', scope.tenantUuids));
}

async function withUsers(tx: Tx, rows: PagingFields[]): Promise<Paging[]> {
  if (rows.length === 0) return [];
  const users = await tx.db
    .selectFrom('paging_user as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.paging_id', 'p.caller', 'u.uuid', 'u.firstname', 'u.lastname'])
    .where(
      'p.paging_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('p.position')
    .orderBy('u.id')
    .execute();
  const of = (id: number, caller: boolean): PagingUser[] =>
    users
      .filter((u) => u.paging_id === id && u.caller === caller)
      .map(({ uuid, firstname, lastname }) => ({ uuid, firstname, lastname }));
  return rows.map((row) => ({
    ...row,
    members: { users: of(row.id, false) },
    callers: { users: of(row.id, true) },
  }));
}

const one = async (tx: Tx, row: PagingFields | undefined) => (row ? (await withUsers(tx, [row]))[0]! : null);

export function createPagingsDao() {
  return {
    async create(tx: Tx, scope: TenantScope, row: PagingRow): Promise<Paging | null> {
      if (!scope.tenantUuids.includes(row.tenant_uuid)) return null;
      return one(tx, await tx.db.insertInto('paging').values(row).returningAll().executeTakeFirstOrThrow());
    },

    async find(tx: Tx, scope: TenantScope, id: number): Promise<Paging | null> {
      return one(tx, await scoped(tx, scope).where('paging.id', '=', id).executeTakeFirst());
    },

    /** The id of the paging numbered `number`, in any tenant (numbers are unique everywhere). */
    async idByNumber(tx: Tx, number: string): Promise<number | null> {
      const row = await tx.db
        .selectFrom('paging')
        .select('id')
        .where('number', '=', number)
        .executeTakeFirst();
      return row?.id ?? null;
    },

    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<Paging>> {
      const page = await runSearch(scoped(tx, scope), pagingSearchConfig, params);
      return { total: page.total, items: await withUsers(tx, page.items) };
    },

    async update(tx: Tx, scope: TenantScope, id: number, row: PagingRow): Promise<Paging | null> {
      const { tenant_uuid: _tenant, ...columns } = row;
      const updated = await updateInScope(tx, 'paging', scope, id, columns);
      return one(tx, updated);
    },

    async delete(tx: Tx, scope: TenantScope, id: number): Promise<boolean> {
      if (!(await deleteInScope(tx, 'paging', scope, id))) return false;
      await dropFuncKeysTo(tx, ['paging'], 'paging_id', id);
      return true;
    },

    /** The paging's users in `role` become exactly `userIds`, in this order. */
    async replaceUsers(tx: Tx, pagingId: number, role: PagingRole, userIds: number[]): Promise<void> {
      const caller = role === 'caller';
      await tx.db
        .deleteFrom('paging_user')
        .where('paging_id', '=', pagingId)
        .where('caller', '=', caller)
        .execute();
      if (userIds.length === 0) return;
      await tx.db
        .insertInto('paging_user')
        .values(userIds.map((user_id, position) => ({ paging_id: pagingId, user_id, caller, position })))
        .execute();
    },
  };
}

export type PagingsDao = ReturnType<typeof createPagingsDao>;
