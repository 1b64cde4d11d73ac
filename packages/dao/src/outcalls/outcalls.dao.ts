/**
 * SQL of the outcalls: `outcall`, read with its trunks (`outcall_trunk`, in order, each with its
 * endpoint), its extensions (`outcall_extension`, Wazo's dial patterns, with the extension's
 * number and context), its schedule and its call permissions.
 */

import { inTenants } from '@wazo-ts/db';
import { deleteInScope } from '../db/scoped-write.js';
import type { Tx } from '../db/unit-of-work.js';
import { dropDestinationsTo } from '../fallbacks/fallbacks.dao.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import { createTrunksDao } from '../trunks/trunks.dao.js';
import type { Outcall, OutcallExtensionRecord, OutcallFields, OutcallRow } from './outcalls.model.js';

/** xivo-dao's outcall search: every column searched, sorted by id. */
export const outcallSearchConfig: SearchConfig = {
  columns: {
    id: 'outcall.id',
    description: 'outcall.description',
    name: 'outcall.name',
    preprocess_subroutine: 'outcall.preprocess_subroutine',
  },
  search: ['id', 'description', 'name', 'preprocess_subroutine'],
  defaultSort: 'id',
  key: 'outcall.id',
};

function scoped(tx: Tx, scope: TenantScope) {
  return tx.db
    .selectFrom('outcall')
    .selectAll('outcall')
    .where(inTenants('outcall.tenant_uuid', scope.tenantUuids));
}

export function createOutcallsDao() {
  // The trunks' own reading of a trunk and its endpoint (a dao holds no state).
  const trunks = createTrunksDao();
  async function withRelations(tx: Tx, rows: OutcallFields[]): Promise<Outcall[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const links = await tx.db
      .selectFrom('outcall_trunk')
      .select(['outcall_id', 'trunk_id'])
      .where('outcall_id', 'in', ids)
      .orderBy('priority')
      .execute();
    const trunkRows = await trunks.findByIds(tx, [...new Set(links.map((l) => l.trunk_id))]);
    const extensions = await tx.db
      .selectFrom('outcall_extension as oe')
      .innerJoin('extension', 'extension.id', 'oe.extension_id')
      .innerJoin('context', 'context.id', 'extension.context_id')
      .select([
        'oe.outcall_id',
        'extension.id',
        'extension.exten',
        'context.name as context',
        'oe.external_prefix',
        'oe.prefix',
        'oe.strip_digits',
        'oe.caller_id',
      ])
      .where('oe.outcall_id', 'in', ids)
      .orderBy('extension.id')
      .execute();
    const schedules = await tx.db
      .selectFrom('outcall_schedules as os')
      .innerJoin('schedules', 'schedules.id', 'os.schedule_id')
      .select(['os.outcall_id', 'schedules.tenant_uuid', 'schedules.id', 'schedules.name'])
      .where('os.outcall_id', 'in', ids)
      .execute();
    const permissions = await tx.db
      .selectFrom('outcall_call_permissions as oc')
      .innerJoin('call_permissions', 'call_permissions.id', 'oc.call_permission_id')
      .select([
        'oc.outcall_id',
        'call_permissions.tenant_uuid',
        'call_permissions.id',
        'call_permissions.name',
      ])
      .where('oc.outcall_id', 'in', ids)
      .orderBy('call_permissions.id')
      .execute();
    return rows.map((row) => ({
      ...row,
      trunks: links
        .filter((l) => l.outcall_id === row.id)
        .flatMap((l) => {
          const trunk = trunkRows.find((t) => t.id === l.trunk_id);
          return trunk
            ? [
                {
                  tenant_uuid: trunk.tenant_uuid,
                  id: trunk.id,
                  endpoint_sip: trunk.endpoint_sip,
                  endpoint_custom: trunk.endpoint_custom,
                },
              ]
            : [];
        }),
      extensions: extensions.filter((e) => e.outcall_id === row.id).map(({ outcall_id: _, ...e }) => e),
      schedules: schedules.filter((s) => s.outcall_id === row.id).map(({ outcall_id: _, ...s }) => s),
      call_permissions: permissions
        .filter((p) => p.outcall_id === row.id)
        .map(({ outcall_id: _, ...p }) => p),
    }));
  }

  const one = async (tx: Tx, row: OutcallFields | undefined) =>
    row ? (await withRelations(tx, [row]))[0]! : null;

  return {
    async find(tx: Tx, scope: TenantScope, id: number): Promise<Outcall | null> {
      return one(tx, await scoped(tx, scope).where('outcall.id', '=', id).executeTakeFirst());
    },

    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<Outcall>> {
      const page = await runSearch(scoped(tx, scope), outcallSearchConfig, params);
      return { total: page.total, items: await withRelations(tx, page.items) };
    },

    /** The id of the outcall named `name`, in any tenant (names are unique on the platform). */
    async idByName(tx: Tx, name: string): Promise<number | null> {
      const row = await tx.db.selectFrom('outcall').select('id').where('name', '=', name).executeTakeFirst();
      return row?.id ?? null;
    },

    async create(tx: Tx, row: OutcallRow): Promise<number> {
      const created = await tx.db.insertInto('outcall').values(row).returning('id').executeTakeFirstOrThrow();
      return created.id;
    },

    async update(tx: Tx, scope: TenantScope, id: number, row: OutcallRow): Promise<boolean> {
      const { tenant_uuid: _tenant, ...columns } = row;
      const updated = await tx.db
        .updateTable('outcall')
        .set(columns)
        .where('id', '=', id)
        .where(inTenants('tenant_uuid', scope.tenantUuids))
        .executeTakeFirst();
      return updated.numUpdatedRows > 0n;
    },

    /**
     * Deletes it; its trunks, extensions, schedule and call permissions links go with it, and so
     * do the destinations sending calls to it (Wazo's dialactions).
     */
    async delete(tx: Tx, scope: TenantScope, id: number): Promise<boolean> {
      if (!(await deleteInScope(tx, 'outcall', scope, id))) return false;
      await dropDestinationsTo(tx, 'outcall', 'outcall_id', id);
      return true;
    },

    /** The outcall's trunks become `trunkIds`, in this order. */
    async replaceTrunks(tx: Tx, outcallId: number, trunkIds: readonly number[]): Promise<void> {
      await tx.db.deleteFrom('outcall_trunk').where('outcall_id', '=', outcallId).execute();
      if (trunkIds.length === 0) return;
      await tx.db
        .insertInto('outcall_trunk')
        .values(trunkIds.map((trunk_id, priority) => ({ outcall_id: outcallId, trunk_id, priority })))
        .execute();
    },

    /** The outcall (any tenant) using the extension, or null. */
    async outcallOfExtension(tx: Tx, extensionId: number): Promise<number | null> {
      const row = await tx.db
        .selectFrom('outcall_extension')
        .select('outcall_id')
        .where('extension_id', '=', extensionId)
        .executeTakeFirst();
      return row?.outcall_id ?? null;
    },

    async extensionRecord(tx: Tx, extensionId: number): Promise<OutcallExtensionRecord | null> {
      const row = await tx.db
        .selectFrom('outcall_extension')
        .select(['caller_id', 'external_prefix', 'prefix', 'strip_digits'])
        .where('extension_id', '=', extensionId)
        .executeTakeFirst();
      return row ?? null;
    },

    async addExtension(tx: Tx, outcallId: number, extensionId: number, record: OutcallExtensionRecord) {
      await tx.db
        .insertInto('outcall_extension')
        .values({ outcall_id: outcallId, extension_id: extensionId, ...record })
        .execute();
    },

    async updateExtension(tx: Tx, extensionId: number, record: OutcallExtensionRecord) {
      await tx.db
        .updateTable('outcall_extension')
        .set(record)
        .where('extension_id', '=', extensionId)
        .execute();
    },

    async removeExtension(tx: Tx, outcallId: number, extensionId: number) {
      await tx.db
        .deleteFrom('outcall_extension')
        .where('outcall_id', '=', outcallId)
        .where('extension_id', '=', extensionId)
        .execute();
    },
  };
}

export type OutcallsDao = ReturnType<typeof createOutcallsDao>;
