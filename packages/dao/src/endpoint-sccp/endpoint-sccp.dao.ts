/**
 * Data access for SCCP endpoints. Reads add the line using the endpoint. Every read and write is
 * limited to the caller's tenants; outside them (or with an empty scope) nothing is seen or changed.
 */

import { inTenants } from '@wazo-ts/db';
import type { Selectable } from 'kysely';
import { deleteInScope } from '../db/scoped-write.js';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import { type EndpointSccp, optionsOf, type SccpRecord } from './endpoint-sccp.model.js';
import type { EndpointSccpTable } from './endpoint-sccp.tables.js';

/** xivo-dao's SCCP search: id only, sorted by id. */
export const endpointSccpSearchConfig: SearchConfig = {
  columns: { id: 'endpoint_sccp.id' },
  search: ['id'],
  defaultSort: 'id',
  key: 'endpoint_sccp.id',
};

type Row = Selectable<EndpointSccpTable> & { line_id: number | null };

/** An SCCP endpoint with its stored columns (the line reads its caller id and name from them). */
export type SccpResource = EndpointSccp & SccpRecord & { name: string };

const toEndpoint = ({ line_id, ...row }: Row): SccpResource => ({
  ...row,
  options: optionsOf(row),
  line: line_id === null ? null : { id: line_id },
});

export function createEndpointSccpDao() {
  const base = (tx: Tx, scope: TenantScope) =>
    tx.db
      .selectFrom('endpoint_sccp')
      .leftJoin('line', 'line.endpoint_sccp_id', 'endpoint_sccp.id')
      .selectAll('endpoint_sccp')
      .select('line.id as line_id')
      .where(inTenants('endpoint_sccp.tenant_uuid', scope.tenantUuids));

  return {
    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<SccpResource>> {
      const result = await runSearch(base(tx, scope), endpointSccpSearchConfig, params);
      return { total: result.total, items: (result.items as Row[]).map(toEndpoint) };
    },

    async find(tx: Tx, scope: TenantScope, id: number): Promise<SccpResource | null> {
      const row = await base(tx, scope).where('endpoint_sccp.id', '=', id).executeTakeFirst();
      return row ? toEndpoint(row as Row) : null;
    },

    async nameExists(tx: Tx, name: string): Promise<boolean> {
      const row = await tx.db
        .selectFrom('endpoint_sccp')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirst();
      return row !== undefined;
    },

    async create(tx: Tx, tenantUuid: string, name: string, record: SccpRecord): Promise<number> {
      const row = await tx.db
        .insertInto('endpoint_sccp')
        .values({ tenant_uuid: tenantUuid, name, ...record })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** False when the endpoint is not in the scope: nothing is written. */
    async update(tx: Tx, scope: TenantScope, id: number, record: SccpRecord): Promise<boolean> {
      const updated = await tx.db
        .updateTable('endpoint_sccp')
        .set(record)
        .where('id', '=', id)
        .where(inTenants('tenant_uuid', scope.tenantUuids))
        .executeTakeFirst();
      return updated.numUpdatedRows > 0n;
    },

    /** False when the endpoint is not in the scope. A line using it is left without endpoint. */
    async delete(tx: Tx, scope: TenantScope, id: number): Promise<boolean> {
      await tx.db
        .updateTable('line')
        .set({ name: null, endpoint_sccp_id: null })
        .where('endpoint_sccp_id', '=', id)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('endpoint_sccp')
              .select('id')
              .where('id', '=', id)
              .where(inTenants('tenant_uuid', scope.tenantUuids)),
          ),
        )
        .execute();
      return deleteInScope(tx, 'endpoint_sccp', scope, id);
    },
  };
}

export type EndpointSccpDao = ReturnType<typeof createEndpointSccpDao>;
