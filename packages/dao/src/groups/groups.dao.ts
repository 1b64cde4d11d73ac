/** SQL of the groups resource: the `groups` table, plus the tenant slug its names are built from. */

import { inTenants, isUuid } from '@wazo-ts/db';
import { sql } from 'kysely';
import { deleteInScope } from '../db/scoped-write.js';
import type { Tx } from '../db/unit-of-work.js';
import { dropDestinationsTo } from '../fallbacks/fallbacks.dao.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { Group, GroupEdit, GroupFields, GroupRow } from './groups.model.js';
import { emptyGroupRelations, groupRelationsOf } from './groups.relations.js';

/** Wazo's group search (id, name, label, preprocess_subroutine, its extension's exten; sorted by label). */
// TODO(extensions): Wazo also searches `exten` (the group's extension) once extensions exist.
export const groupSearchConfig: SearchConfig = {
  columns: {
    id: 'groups.id',
    name: 'groups.name',
    label: 'groups.label',
    preprocess_subroutine: 'groups.preprocess_subroutine',
    exten: 'group_exten.exten',
  },
  search: ['id', 'name', 'label', 'preprocess_subroutine', 'exten'],
  defaultSort: 'label',
  key: 'groups.id',
};

/** A group is named by its id (number) or its uuid (string). */
export type GroupKey = number | string;

function scoped(tx: Tx, scope: TenantScope) {
  const query = tx.db.selectFrom('groups').selectAll('groups');
  return query.where(inTenants('groups.tenant_uuid', scope.tenantUuids));
}

function byKey<Q extends ReturnType<typeof scoped>>(query: Q, key: GroupKey): Q {
  if (typeof key === 'number') return query.where('groups.id', '=', key) as Q;
  return (isUuid(key) ? query.where('groups.uuid', '=', key) : query.where(sql<boolean>`false`)) as Q;
}

async function withRelations(tx: Tx, rows: GroupFields[]): Promise<Group[]> {
  const relations = await groupRelationsOf(
    tx,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, ...(relations.get(row.id) ?? emptyGroupRelations()) }));
}

export function createGroupsDao() {
  return {
    /** The slug of a tenant (from the tenants' table), or null when it is unknown or out of scope. */
    async findTenantSlug(tx: Tx, scope: TenantScope, tenantUuid: string): Promise<string | null> {
      if (!isUuid(tenantUuid) || !scope.tenantUuids.includes(tenantUuid)) return null;
      const { rows } = await sql<{ slug: string | null }>`
        SELECT slug FROM tenant WHERE uuid = ${tenantUuid}`.execute(tx.db);
      return rows[0] ? (rows[0].slug ?? '') : null;
    },

    /** Null when the row's tenant is outside the scope: nothing is written. */
    async create(tx: Tx, scope: TenantScope, row: GroupRow): Promise<Group | null> {
      if (!scope.tenantUuids.includes(row.tenant_uuid)) return null;
      const inserted = await tx.db.insertInto('groups').values(row).returningAll().executeTakeFirstOrThrow();
      return { ...(inserted as GroupFields), ...emptyGroupRelations() };
    },

    async find(tx: Tx, scope: TenantScope, key: GroupKey): Promise<Group | null> {
      const row = (await byKey(scoped(tx, scope), key).executeTakeFirst()) as GroupFields | undefined;
      return row ? ((await withRelations(tx, [row]))[0] ?? null) : null;
    },

    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<Group>> {
      // A group has at most one extension (group_extension's key is the group).
      const withExten = scoped(tx, scope)
        .leftJoin('group_extension as ge', 'ge.group_id', 'groups.id')
        .leftJoin('extension as group_exten', 'group_exten.id', 'ge.extension_id');
      const page = (await runSearch(withExten, groupSearchConfig, params)) as SearchResult<GroupFields>;
      return { total: page.total, items: await withRelations(tx, page.items) };
    },

    /** Applies `changes` to the group `id` if it is in scope; returns the new state or null. */
    async edit(tx: Tx, scope: TenantScope, id: number, changes: GroupEdit): Promise<Group | null> {
      const columns = changes;
      let query = tx.db.updateTable('groups').where('id', '=', id);
      query = query.where(inTenants('tenant_uuid', scope.tenantUuids));
      if (Object.keys(columns).length === 0) return this.find(tx, scope, id);
      const row = await query.set(columns).returningAll().executeTakeFirst();
      return row ? ((await withRelations(tx, [row as GroupFields]))[0] ?? null) : null;
    },

    /** Deletes the group `id` if it is in scope; true when a row went. */
    async delete(tx: Tx, scope: TenantScope, id: number): Promise<boolean> {
      // The destinations sending calls here go with it, as Wazo's dialactions.
      await dropDestinationsTo(tx, 'group', 'group_id', id);
      return deleteInScope(tx, 'groups', scope, id);
    },
  };
}

export type GroupsDao = ReturnType<typeof createGroupsDao>;
