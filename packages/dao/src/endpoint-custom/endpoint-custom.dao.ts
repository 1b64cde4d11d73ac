/**
 * Data access for custom endpoints. Reads add the line using the endpoint; the `context` filter is
 * that line's context (Wazo copies it onto the endpoint when the line changes). Every read and
 * write is limited to the caller's tenants; outside them (or with an empty scope) nothing is seen
 * or changed. A line is named after its custom endpoint's interface, so an edit renames it.
 */

import { inTenants } from '@wazo-ts/db';
import { deleteInScope } from '../db/scoped-write.js';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { EndpointCustom, EndpointCustomRecord } from './endpoint-custom.model.js';

/** xivo-dao's custom search: id, interface, context; sorted by interface. */
export const endpointCustomSearchConfig: SearchConfig = {
  columns: {
    id: 'endpoint_custom.id',
    interface: 'endpoint_custom.interface',
    context: 'line_context.name',
  },
  search: ['id', 'interface', 'context'],
  defaultSort: 'interface',
  key: 'endpoint_custom.id',
};

interface Row {
  id: number;
  tenant_uuid: string;
  interface: string;
  interface_suffix: string;
  enabled: boolean;
  line_id: number | null;
  trunk_id: number | null;
}

const toEndpoint = (row: Row): EndpointCustom => ({
  id: row.id,
  tenant_uuid: row.tenant_uuid,
  interface: row.interface,
  interface_suffix: row.interface_suffix === '' ? null : row.interface_suffix,
  enabled: row.enabled,
  trunk: row.trunk_id === null ? null : { id: row.trunk_id },
  line: row.line_id === null ? null : { id: row.line_id },
});

const columnsOf = (record: EndpointCustomRecord) => ({
  interface: record.interface,
  interface_suffix: record.interface_suffix ?? '',
  enabled: record.enabled,
});

export function createEndpointCustomDao() {
  const base = (tx: Tx, scope: TenantScope) =>
    tx.db
      .selectFrom('endpoint_custom')
      .leftJoin('line', 'line.endpoint_custom_id', 'endpoint_custom.id')
      .leftJoin('context as line_context', 'line_context.id', 'line.context_id')
      .leftJoin('trunk', 'trunk.endpoint_custom_id', 'endpoint_custom.id')
      .selectAll('endpoint_custom')
      .select(['line.id as line_id', 'trunk.id as trunk_id'])
      .where(inTenants('endpoint_custom.tenant_uuid', scope.tenantUuids));

  /** The endpoint, if it is in the scope: a subquery guarding writes. */
  const inScope = (tx: Tx, scope: TenantScope, id: number) =>
    tx.db
      .selectFrom('endpoint_custom')
      .select('id')
      .where('id', '=', id)
      .where(inTenants('tenant_uuid', scope.tenantUuids));

  return {
    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<EndpointCustom>> {
      const result = await runSearch(base(tx, scope), endpointCustomSearchConfig, params);
      return { total: result.total, items: (result.items as Row[]).map(toEndpoint) };
    },

    async find(tx: Tx, scope: TenantScope, id: number): Promise<EndpointCustom | null> {
      const row = await base(tx, scope).where('endpoint_custom.id', '=', id).executeTakeFirst();
      return row ? toEndpoint(row as Row) : null;
    },

    /** The id of the endpoint (any tenant) with that interface, or null. */
    async idByInterface(tx: Tx, iface: string): Promise<number | null> {
      const row = await tx.db
        .selectFrom('endpoint_custom')
        .select('id')
        .where('interface', '=', iface)
        .executeTakeFirst();
      return row?.id ?? null;
    },

    async create(tx: Tx, tenantUuid: string, record: EndpointCustomRecord): Promise<number> {
      const row = await tx.db
        .insertInto('endpoint_custom')
        .values({ tenant_uuid: tenantUuid, ...columnsOf(record) })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** False when the endpoint is not in the scope: nothing is written. */
    async update(tx: Tx, scope: TenantScope, id: number, record: EndpointCustomRecord): Promise<boolean> {
      const updated = await tx.db
        .updateTable('endpoint_custom')
        .set(columnsOf(record))
        .where('id', '=', id)
        .where(inTenants('tenant_uuid', scope.tenantUuids))
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) return false;
      await tx.db
        .updateTable('line')
        .set({ name: record.interface })
        .where('endpoint_custom_id', '=', id)
        .execute();
      return true;
    },

    /** False when the endpoint is not in the scope. A line using it is left without endpoint. */
    async delete(tx: Tx, scope: TenantScope, id: number): Promise<boolean> {
      await tx.db
        .updateTable('line')
        .set({ name: null, endpoint_custom_id: null })
        .where('endpoint_custom_id', '=', id)
        .where((eb) => eb.exists(inScope(tx, scope, id)))
        .execute();
      return deleteInScope(tx, 'endpoint_custom', scope, id);
    },
  };
}

export type EndpointCustomDao = ReturnType<typeof createEndpointCustomDao>;
