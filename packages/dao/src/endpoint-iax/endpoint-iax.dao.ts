/** SQL of the IAX endpoints: `endpoint_iax` rows, scoped to the caller's tenants. */
import { inTenants } from '@wazo-ts/db';
import type { Selectable } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { IaxEndpoint } from './endpoint-iax.model.js';
import type { EndpointIaxTable } from './endpoint-iax.tables.js';
import { type StoredIaxOptions, shownOptions } from './iax-options.js';

/** xivo-dao's IAX search: name, type and host, sorted by name. */
export const iaxEndpointSearchConfig: SearchConfig = {
  columns: { name: 'endpoint_iax.name', type: 'endpoint_iax.type', host: 'endpoint_iax.host' },
  search: ['name', 'type', 'host'],
  defaultSort: 'name',
  key: 'endpoint_iax.id',
};

/** What the dao writes. */
export interface IaxRecord {
  name: string;
  type: string;
  host: string;
  options: StoredIaxOptions;
}

/** A row, with the id of the trunk using the endpoint (a new endpoint has none). */
const toEndpoint = (row: Selectable<EndpointIaxTable> & { trunk_id?: number | null }): IaxEndpoint => ({
  id: row.id,
  tenant_uuid: row.tenant_uuid,
  name: row.name,
  type: row.type as IaxEndpoint['type'],
  host: row.host,
  options: shownOptions({ native: row.native_options, extra: row.extra_options }),
  trunk: row.trunk_id ? { id: row.trunk_id } : null,
});

/** The trunk using endpoint `id`, if any. */
async function trunkIdOf(tx: Tx, id: number): Promise<number | null> {
  const row = await tx.db
    .selectFrom('trunk')
    .select('id')
    .where('endpoint_iax_id', '=', id)
    .executeTakeFirst();
  return row?.id ?? null;
}

const columnsOf = ({ options, ...record }: IaxRecord) => ({
  ...record,
  native_options: JSON.stringify(options.native),
  extra_options: JSON.stringify(options.extra),
});

export function createEndpointIaxDao() {
  const scoped = (tx: Tx, scope: TenantScope) =>
    tx.db
      .selectFrom('endpoint_iax')
      .selectAll('endpoint_iax')
      .select((eb) =>
        eb
          .selectFrom('trunk')
          .select('trunk.id')
          .whereRef('trunk.endpoint_iax_id', '=', 'endpoint_iax.id')
          .as('trunk_id'),
      )
      .where(inTenants('endpoint_iax.tenant_uuid', scope.tenantUuids));

  return {
    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<IaxEndpoint>> {
      const page = await runSearch(scoped(tx, scope), iaxEndpointSearchConfig, params);
      return { total: page.total, items: page.items.map(toEndpoint) };
    },

    async find(tx: Tx, scope: TenantScope, id: number): Promise<IaxEndpoint | null> {
      const row = await scoped(tx, scope).where('endpoint_iax.id', '=', id).executeTakeFirst();
      return row ? toEndpoint(row) : null;
    },

    /** The id of the endpoint named so, in any tenant (a name is unique platform-wide). */
    async idOfName(tx: Tx, name: string): Promise<number | null> {
      const row = await tx.db
        .selectFrom('endpoint_iax')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirst();
      return row?.id ?? null;
    },

    async create(tx: Tx, tenantUuid: string, record: IaxRecord): Promise<IaxEndpoint> {
      const row = await tx.db
        .insertInto('endpoint_iax')
        .values({ tenant_uuid: tenantUuid, ...columnsOf(record) })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toEndpoint(row);
    },

    /** Replaces the endpoint's fields (it was found in the caller's scope first). */
    async update(tx: Tx, id: number, record: IaxRecord): Promise<IaxEndpoint> {
      const row = await tx.db
        .updateTable('endpoint_iax')
        .set(columnsOf(record))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toEndpoint({ ...row, trunk_id: await trunkIdOf(tx, id) });
    },

    async delete(tx: Tx, id: number): Promise<void> {
      await tx.db.deleteFrom('endpoint_iax').where('id', '=', id).execute();
    },

    /** The stored options of endpoint `id`, to keep them when a PUT gives none. */
    async storedOptions(tx: Tx, id: number): Promise<StoredIaxOptions> {
      const row = await tx.db
        .selectFrom('endpoint_iax')
        .select(['native_options', 'extra_options'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return { native: row.native_options, extra: row.extra_options };
    },
  };
}

export type EndpointIaxDao = ReturnType<typeof createEndpointIaxDao>;
