/**
 * SQL of the trunks: `trunk`, read with its context's name, its endpoint (SIP, IAX or custom,
 * joined) and the outcalls using it (`outcall_trunk`). Lists search a view of the trunk where
 * `name` is its endpoint's name (SIP or IAX name, custom interface) and `label` its SIP
 * endpoint's label, as xivo-dao's hybrid columns.
 */
import { inTenants } from '@wazo-ts/db';
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import {
  TRUNK_ENDPOINT_COLUMNS,
  type Trunk,
  type TrunkEndpointProtocol,
  type TrunkRecord,
  type TrunkRow,
} from './trunks.model.js';

/** xivo-dao's trunk search: every column searched, sorted by id. */
export const trunkSearchConfig: SearchConfig = {
  columns: {
    id: 'trunk_view.id',
    context: 'trunk_view.context',
    name: 'trunk_view.name',
    label: 'trunk_view.label',
    outgoing_caller_id_format: 'trunk_view.outgoing_caller_id_format',
  },
  search: ['id', 'context', 'name', 'label', 'outgoing_caller_id_format'],
  defaultSort: 'id',
  key: 'trunk_view.id',
};

function view(tx: Tx) {
  return tx.db
    .selectFrom('trunk')
    .leftJoin('context', 'context.id', 'trunk.context_id')
    .leftJoin('endpoint_sip', 'endpoint_sip.uuid', 'trunk.endpoint_sip_uuid')
    .leftJoin('endpoint_iax', 'endpoint_iax.id', 'trunk.endpoint_iax_id')
    .leftJoin('endpoint_custom', 'endpoint_custom.id', 'trunk.endpoint_custom_id')
    .select([
      'trunk.id',
      'trunk.tenant_uuid',
      'context.name as context',
      'trunk.twilio_incoming',
      'trunk.outgoing_caller_id_format',
      'trunk.endpoint_sip_uuid',
      'trunk.endpoint_iax_id',
      'trunk.endpoint_custom_id',
      'trunk.register_iax_id',
      sql<string | null>`coalesce(endpoint_sip.name, endpoint_iax.name, endpoint_custom.interface)`.as(
        'name',
      ),
      'endpoint_sip.label as label',
    ]);
}

function unscoped(tx: Tx) {
  return tx.db
    .selectFrom(view(tx).as('trunk_view'))
    .select([
      'trunk_view.id',
      'trunk_view.tenant_uuid',
      'trunk_view.context',
      'trunk_view.twilio_incoming',
      'trunk_view.outgoing_caller_id_format',
      'trunk_view.endpoint_sip_uuid',
      'trunk_view.endpoint_iax_id',
      'trunk_view.endpoint_custom_id',
      'trunk_view.register_iax_id',
    ]);
}

const scoped = (tx: Tx, scope: TenantScope) =>
  unscoped(tx).where(inTenants('trunk_view.tenant_uuid', scope.tenantUuids));

const pick = (options: [string, string][], key: string) => options.filter(([name]) => name === key);

/** Each trunk of `rows` with its endpoint and outcalls. */
async function withRelations(tx: Tx, rows: TrunkRow[]): Promise<Trunk[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const sipUuids = rows.flatMap((row) => (row.endpoint_sip_uuid ? [row.endpoint_sip_uuid] : []));
  const iaxIds = rows.flatMap((row) => (row.endpoint_iax_id ? [row.endpoint_iax_id] : []));
  const customIds = rows.flatMap((row) => (row.endpoint_custom_id ? [row.endpoint_custom_id] : []));
  const sips = sipUuids.length
    ? await tx.db
        .selectFrom('endpoint_sip')
        .select(['uuid', 'label', 'name', 'auth_section_options', 'registration_section_options'])
        .where('uuid', 'in', sipUuids)
        .execute()
    : [];
  const iaxs = iaxIds.length
    ? await tx.db.selectFrom('endpoint_iax').select(['id', 'name']).where('id', 'in', iaxIds).execute()
    : [];
  const customs = customIds.length
    ? await tx.db
        .selectFrom('endpoint_custom')
        .select(['id', 'interface'])
        .where('id', 'in', customIds)
        .execute()
    : [];
  const outcalls = await tx.db
    .selectFrom('outcall_trunk')
    .innerJoin('outcall', 'outcall.id', 'outcall_trunk.outcall_id')
    .select(['outcall_trunk.trunk_id', 'outcall.id', 'outcall.name'])
    .where('outcall_trunk.trunk_id', 'in', ids)
    .orderBy('outcall.id')
    .execute();
  return rows.map(({ endpoint_sip_uuid, endpoint_iax_id, endpoint_custom_id, register_iax_id, ...row }) => {
    const sip = sips.find((s) => s.uuid === endpoint_sip_uuid);
    const iax = iaxs.find((i) => i.id === endpoint_iax_id);
    const custom = customs.find((c) => c.id === endpoint_custom_id);
    return {
      ...row,
      endpoint_sip: sip
        ? {
            uuid: sip.uuid,
            label: sip.label,
            name: sip.name,
            auth_section_options: pick(sip.auth_section_options, 'username'),
            registration_section_options: pick(sip.registration_section_options, 'client_uri'),
          }
        : null,
      endpoint_custom: custom ? { id: custom.id, interface: custom.interface } : null,
      endpoint_iax: iax ? { id: iax.id, name: iax.name } : null,
      outcalls: outcalls.filter((o) => o.trunk_id === row.id).map((o) => ({ id: o.id, name: o.name })),
      register_iax: register_iax_id === null ? null : { id: register_iax_id },
    };
  });
}

export function createTrunksDao() {
  async function findRow(tx: Tx, scope: TenantScope, id: number): Promise<TrunkRow | null> {
    const row = await scoped(tx, scope).where('trunk_view.id', '=', id).executeTakeFirst();
    return (row as TrunkRow | undefined) ?? null;
  }

  return {
    findRow,

    async find(tx: Tx, scope: TenantScope, id: number): Promise<Trunk | null> {
      const row = await findRow(tx, scope, id);
      return row ? (await withRelations(tx, [row]))[0]! : null;
    },

    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<Trunk>> {
      const page = await runSearch(scoped(tx, scope), trunkSearchConfig, params);
      return { total: page.total, items: await withRelations(tx, page.items as TrunkRow[]) };
    },

    /** The trunks of those ids, any tenant (an outcall's trunks, checked when linked), by id. */
    async findByIds(tx: Tx, ids: readonly number[]): Promise<Trunk[]> {
      if (ids.length === 0) return [];
      const rows = await unscoped(tx).where('trunk_view.id', 'in', ids).execute();
      return withRelations(tx, rows as TrunkRow[]);
    },

    /** The context named `name` in any tenant (Wazo looks it up platform-wide), or null. */
    async contextNamed(tx: Tx, name: string): Promise<{ id: number; tenant_uuid: string } | null> {
      const row = await tx.db
        .selectFrom('context')
        .select(['id', 'tenant_uuid'])
        .where('name', '=', name)
        .executeTakeFirst();
      return row ?? null;
    },

    async create(tx: Tx, tenantUuid: string, record: TrunkRecord): Promise<number> {
      const row = await tx.db
        .insertInto('trunk')
        .values({ tenant_uuid: tenantUuid, ...record })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async update(tx: Tx, scope: TenantScope, id: number, record: TrunkRecord): Promise<boolean> {
      const updated = await tx.db
        .updateTable('trunk')
        .set(record)
        .where('id', '=', id)
        .where(inTenants('tenant_uuid', scope.tenantUuids))
        .executeTakeFirst();
      return updated.numUpdatedRows > 0n;
    },

    /**
     * Deletes the trunk with its endpoint and its IAX registration, as xivo-dao's trunk persistor
     * does (they go without an event of their own); its outcalls lose it.
     */
    async delete(tx: Tx, scope: TenantScope, trunk: TrunkRow): Promise<boolean> {
      const deleted = await tx.db
        .deleteFrom('trunk')
        .where('id', '=', trunk.id)
        .where(inTenants('tenant_uuid', scope.tenantUuids))
        .executeTakeFirst();
      if (deleted.numDeletedRows === 0n) return false;
      if (trunk.endpoint_sip_uuid)
        await tx.db.deleteFrom('endpoint_sip').where('uuid', '=', trunk.endpoint_sip_uuid).execute();
      if (trunk.endpoint_iax_id)
        await tx.db.deleteFrom('endpoint_iax').where('id', '=', trunk.endpoint_iax_id).execute();
      if (trunk.endpoint_custom_id)
        await tx.db.deleteFrom('endpoint_custom').where('id', '=', trunk.endpoint_custom_id).execute();
      if (trunk.register_iax_id)
        await tx.db.deleteFrom('register_iax').where('id', '=', trunk.register_iax_id).execute();
      return true;
    },

    /** Sets (or, with null, clears) the trunk's endpoint of that kind. */
    async setEndpoint(
      tx: Tx,
      id: number,
      protocol: TrunkEndpointProtocol,
      key: string | number | null,
    ): Promise<void> {
      await tx.db
        .updateTable('trunk')
        .set({ [TRUNK_ENDPOINT_COLUMNS[protocol]]: key })
        .where('id', '=', id)
        .execute();
    },

    /** Sets (or, with null, clears) the trunk's IAX registration. */
    async setRegister(tx: Tx, id: number, registerId: number | null): Promise<void> {
      await tx.db.updateTable('trunk').set({ register_iax_id: registerId }).where('id', '=', id).execute();
    },

    /** The trunk (any tenant) using that endpoint, or null. */
    async trunkUsing(tx: Tx, protocol: TrunkEndpointProtocol, key: string | number): Promise<number | null> {
      const row = await tx.db
        .selectFrom('trunk')
        .select('id')
        .where(TRUNK_ENDPOINT_COLUMNS[protocol], '=', key as never)
        .executeTakeFirst();
      return row?.id ?? null;
    },
  };
}

export type TrunksDao = ReturnType<typeof createTrunksDao>;
