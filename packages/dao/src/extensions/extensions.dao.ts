/**
 * Data access for extensions. An extension row holds its context's id; reads join the context for
 * its name, type and tenant, and the lines the extension is assigned to. Writes are limited to
 * the caller's tenants through the context too: outside the scope (or with an empty one) they
 * change nothing.
 */
import { inTenants } from '@wazo-ts/db';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import { ownersOf } from './extension-owners.dao.js';
import { type Extension, type ExtensionRecord, NO_OTHER_OWNERS } from './extensions.model.js';

export const extensionSearchConfig: SearchConfig = {
  columns: {
    id: 'extension.id',
    exten: 'extension.exten',
    context: 'context.name',
    type: 'context.type',
  },
  search: ['exten', 'context', 'type'],
  defaultSort: 'exten',
  key: 'extension.id',
};

interface ExtensionRow {
  id: number;
  exten: string;
  enabled: boolean;
  context: string;
  tenant_uuid: string;
}

export function createExtensionsDao() {
  const base = (tx: Tx, scope: TenantScope) =>
    tx.db
      .selectFrom('extension')
      .innerJoin('context', 'context.id', 'extension.context_id')
      .select([
        'extension.id',
        'extension.exten',
        'extension.enabled',
        'context.name as context',
        'context.tenant_uuid',
      ])
      .where(inTenants('context.tenant_uuid', scope.tenantUuids));

  /** The ids of the contexts among the scope's tenants, as a subquery. */
  const contextsIn = (tx: Tx, scope: TenantScope) =>
    tx.db
      .selectFrom('context')
      .select('context.id')
      .where(inTenants('context.tenant_uuid', scope.tenantUuids));

  async function withLines(tx: Tx, rows: ExtensionRow[]): Promise<Extension[]> {
    const ids = rows.map((row) => row.id);
    const links =
      ids.length === 0
        ? []
        : await tx.db
            .selectFrom('line_extension')
            .innerJoin('line', 'line.id', 'line_extension.line_id')
            .select(['line_extension.extension_id', 'line.id', 'line.name'])
            .where('line_extension.extension_id', 'in', ids)
            .orderBy('line.id')
            .execute();
    const groups =
      ids.length === 0
        ? []
        : await tx.db
            .selectFrom('group_extension')
            .innerJoin('groups', 'groups.id', 'group_extension.group_id')
            .select(['group_extension.extension_id', 'groups.uuid', 'groups.id', 'groups.name'])
            .where('group_extension.extension_id', 'in', ids)
            .execute();
    const incalls =
      ids.length === 0
        ? []
        : await tx.db
            .selectFrom('incall_extension')
            .select(['extension_id', 'incall_id'])
            .where('extension_id', 'in', ids)
            .execute();
    const queues =
      ids.length === 0
        ? []
        : await tx.db
            .selectFrom('queue_extension')
            .innerJoin('queue', 'queue.id', 'queue_extension.queue_id')
            .select(['queue_extension.extension_id', 'queue.id', 'queue.name', 'queue.label'])
            .where('queue_extension.extension_id', 'in', ids)
            .execute();
    const outcalls =
      ids.length === 0
        ? []
        : await tx.db
            .selectFrom('outcall_extension')
            .innerJoin('outcall', 'outcall.id', 'outcall_extension.outcall_id')
            .select(['outcall_extension.extension_id', 'outcall.id', 'outcall.name'])
            .where('outcall_extension.extension_id', 'in', ids)
            .execute();
    const owners = await ownersOf(tx, ids);
    return rows.map((row) => {
      const group = groups.find((g) => g.extension_id === row.id);
      const incall = incalls.find((i) => i.extension_id === row.id);
      const queue = queues.find((q) => q.extension_id === row.id);
      const outcall = outcalls.find((o) => o.extension_id === row.id);
      return {
        ...row,
        commented: !row.enabled,
        lines: links.filter((l) => l.extension_id === row.id).map((l) => ({ id: l.id, name: l.name })),
        ...NO_OTHER_OWNERS,
        conference: owners.conferences.get(row.id) ?? null,
        parking_lot: owners.parkingLots.get(row.id) ?? null,
        group: group ? { uuid: group.uuid, id: group.id, name: group.name } : null,
        incall: incall ? { id: incall.incall_id } : null,
        queue: queue ? { id: queue.id, name: queue.name, label: queue.label } : null,
        outcall: outcall ? { id: outcall.id, name: outcall.name } : null,
      };
    });
  }

  async function findWhere(tx: Tx, scope: TenantScope, id: number): Promise<Extension | null> {
    const row = await base(tx, scope).where('extension.id', '=', id).executeTakeFirst();
    return row ? (await withLines(tx, [row]))[0]! : null;
  }

  return {
    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<Extension>> {
      const result = await runSearch(base(tx, scope), extensionSearchConfig, params);
      return { total: result.total, items: await withLines(tx, result.items) };
    },

    find: findWhere,

    /** The extension `exten@context` in any tenant: exten and context are unique together everywhere. */
    async findIdByExten(tx: Tx, exten: string, contextId: number): Promise<number | null> {
      const row = await tx.db
        .selectFrom('extension')
        .select('id')
        .where('exten', '=', exten)
        .where('context_id', '=', contextId)
        .executeTakeFirst();
      return row?.id ?? null;
    },

    /** Null when the record's context is not in the scope: nothing is written. */
    async create(tx: Tx, scope: TenantScope, record: ExtensionRecord): Promise<number | null> {
      const row = await tx.db
        .insertInto('extension')
        .columns(['context_id', 'exten', 'enabled'])
        .expression(
          contextsIn(tx, scope)
            .select((eb) => [eb.val(record.exten).as('exten'), eb.val(record.enabled).as('enabled')])
            .where('context.id', '=', record.context_id),
        )
        .returning('id')
        .executeTakeFirst();
      return row?.id ?? null;
    },

    /** False when the extension, or the context it moves to, is not in the scope: nothing is written. */
    async edit(tx: Tx, scope: TenantScope, id: number, record: ExtensionRecord): Promise<boolean> {
      const updated = await tx.db
        .updateTable('extension')
        .set(record)
        .where('id', '=', id)
        .where('context_id', 'in', contextsIn(tx, scope))
        .where((eb) => eb(eb.val(record.context_id), 'in', contextsIn(tx, scope)))
        .executeTakeFirst();
      return updated.numUpdatedRows > 0n;
    },

    /** False when the extension is not in the scope: nothing is deleted. */
    async delete(tx: Tx, scope: TenantScope, id: number): Promise<boolean> {
      const deleted = await tx.db
        .deleteFrom('extension')
        .where('id', '=', id)
        .where('context_id', 'in', contextsIn(tx, scope))
        .executeTakeFirst();
      return deleted.numDeletedRows > 0n;
    },
  };
}

export type ExtensionsDao = ReturnType<typeof createExtensionsDao>;
