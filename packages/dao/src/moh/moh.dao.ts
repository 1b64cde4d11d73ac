/** SQL of the music on hold classes (`moh`), and the lookups other resources check names with. */

import { inTenants, isUuid } from '@wazo-ts/db';
import { sql } from 'kysely';
import { deleteInScope, updateInScope } from '../db/scoped-write.js';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { MohRow } from './moh.model.js';

/** Wazo's MOH search: name and label; sorted by label. */
export const mohSearchConfig: SearchConfig = {
  columns: { name: 'moh.name', label: 'moh.label' },
  search: ['name', 'label'],
  defaultSort: 'label',
  key: 'moh.uuid',
};

const scoped = (tx: Tx, scope: TenantScope) =>
  tx.db.selectFrom('moh').selectAll('moh').where(inTenants('moh.tenant_uuid', scope.tenantUuids));

export function createMohDao() {
  return {
    /** Null when the row's tenant is outside the scope: nothing is written. */
    async create(tx: Tx, scope: TenantScope, row: MohRow): Promise<MohRow | null> {
      if (!scope.tenantUuids.includes(row.tenant_uuid)) return null;
      return tx.db.insertInto('moh').values(row).returningAll().executeTakeFirstOrThrow();
    },

    async find(tx: Tx, scope: TenantScope, uuid: string): Promise<MohRow | null> {
      if (!isUuid(uuid)) return null;
      return (await scoped(tx, scope).where('moh.uuid', '=', uuid).executeTakeFirst()) ?? null;
    },

    search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<MohRow>> {
      return runSearch(scoped(tx, scope), mohSearchConfig, params);
    },

    /** The slug of a tenant, or null when the tenant is unknown (an empty slug: ''). */
    async tenantSlug(tx: Tx, tenantUuid: string): Promise<string | null> {
      const { rows } = await sql<{ slug: string | null }>`
        SELECT slug FROM tenant WHERE uuid = ${tenantUuid}`.execute(tx.db);
      return rows[0] ? (rows[0].slug ?? '') : null;
    },

    async update(tx: Tx, scope: TenantScope, row: MohRow): Promise<MohRow | null> {
      const { uuid, tenant_uuid: _tenant, name: _name, ...columns } = row;
      const updated = await updateInScope(tx, 'moh', scope, { column: 'uuid', value: uuid }, columns);
      return updated ?? null;
    },

    async delete(tx: Tx, scope: TenantScope, uuid: string): Promise<boolean> {
      return deleteInScope(tx, 'moh', scope, { column: 'uuid', value: uuid });
    },

    /** Whether the tenant has a class of that name (what `music_on_hold` fields name). */
    async nameExists(tx: Tx, tenantUuid: string, name: string): Promise<boolean> {
      const row = await tx.db
        .selectFrom('moh')
        .select('uuid')
        .where('tenant_uuid', '=', tenantUuid)
        .where('name', '=', name)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

export type MohDao = ReturnType<typeof createMohDao>;
