/**
 * Data access for SIP endpoints and templates (one table, told apart by `template`). Reads add
 * the parents (by priority), the transport and the line using the endpoint. Every read and write
 * is limited to the caller's tenants; outside them (or with an empty scope) nothing is seen or
 * changed.
 */
import { inTenants, isUuid } from '@wazo-ts/db';
import { type Selectable, sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import {
  SIP_SECTIONS,
  type SipRecord,
  type SipResource,
  type SipSection,
  sectionField,
} from './endpoint-sip.model.js';
import type { EndpointSipTable } from './endpoint-sip.tables.js';

export const endpointSipSearchConfig: SearchConfig = {
  columns: {
    name: 'endpoint_sip.name',
    asterisk_id: 'endpoint_sip.asterisk_id',
    label: 'endpoint_sip.label',
  },
  search: ['name', 'asterisk_id', 'label'],
  defaultSort: 'label',
  key: 'endpoint_sip.uuid',
};

type Row = Selectable<EndpointSipTable>;

/**
 * The value of an option as an endpoint gets it (Wazo's `_get_sip_option`): its own first, then
 * each template in order, depth first; null when none sets it. A scalar subquery on the column
 * holding the endpoint's uuid (`line.endpoint_sip_uuid`).
 */
export function inheritedSipOption(uuidColumn: string, section: SipSection, key: string) {
  const options = sql.ref(`found.${sectionField(section)}`);
  return sql<string | null>`(
    WITH RECURSIVE chain(uuid, path) AS (
      SELECT ${sql.ref(uuidColumn)}, ARRAY[]::integer[]
      UNION ALL
      SELECT t.parent_uuid, chain.path || t.priority
      FROM endpoint_sip_template t JOIN chain ON t.child_uuid = chain.uuid
    )
    SELECT option ->> 1
    FROM chain
    JOIN endpoint_sip found ON found.uuid = chain.uuid
    CROSS JOIN LATERAL jsonb_array_elements(${options}) WITH ORDINALITY AS o(option, n)
    WHERE option ->> 0 = ${key}
    ORDER BY chain.path, o.n
    LIMIT 1
  )`;
}

function sectionsOf(record: SipRecord) {
  return Object.fromEntries(
    SIP_SECTIONS.map((section) => [sectionField(section), JSON.stringify(record[sectionField(section)])]),
  ) as Record<ReturnType<typeof sectionField>, string>;
}

export function createEndpointSipDao() {
  const base = (tx: Tx, scope: TenantScope, template: boolean) =>
    tx.db
      .selectFrom('endpoint_sip')
      .selectAll('endpoint_sip')
      .where('endpoint_sip.template', '=', template)
      .where(inTenants('endpoint_sip.tenant_uuid', scope.tenantUuids));

  async function withRelations(tx: Tx, rows: Row[]): Promise<SipResource[]> {
    const uuids = rows.map((row) => row.uuid);
    if (uuids.length === 0) return [];
    const parents = await tx.db
      .selectFrom('endpoint_sip_template')
      .innerJoin('endpoint_sip', 'endpoint_sip.uuid', 'endpoint_sip_template.parent_uuid')
      .select(['endpoint_sip_template.child_uuid', 'endpoint_sip.uuid', 'endpoint_sip.label'])
      .where('endpoint_sip_template.child_uuid', 'in', uuids)
      .orderBy('endpoint_sip_template.priority')
      .execute();
    const lines = await tx.db
      .selectFrom('line')
      .select(['line.id', 'line.endpoint_sip_uuid'])
      .where('line.endpoint_sip_uuid', 'in', uuids)
      .execute();
    const trunks = await tx.db
      .selectFrom('trunk')
      .select(['trunk.id', 'trunk.endpoint_sip_uuid'])
      .where('trunk.endpoint_sip_uuid', 'in', uuids)
      .execute();
    return rows.map(({ template, transport_uuid, ...row }) => {
      const line = lines.find((l) => l.endpoint_sip_uuid === row.uuid);
      const trunk = trunks.find((t) => t.endpoint_sip_uuid === row.uuid);
      const own = parents.filter((p) => p.child_uuid === row.uuid);
      return {
        ...row,
        templates: own.map((p) => ({ uuid: p.uuid, label: p.label })),
        transport: transport_uuid ? { uuid: transport_uuid } : null,
        ...(template ? {} : { trunk: trunk ? { id: trunk.id } : null, line: line ? { id: line.id } : null }),
      };
    });
  }

  return {
    async search(
      tx: Tx,
      scope: TenantScope,
      template: boolean,
      params: SearchParams,
    ): Promise<SearchResult<SipResource>> {
      const { uuid, ...filters } = params.filters ?? {};
      let query = base(tx, scope, template);
      if (uuid !== undefined) {
        // `uuid=a,b`: the valid uuids among those given; none valid matches nothing, as Wazo.
        const wanted = String(uuid)
          .split(',')
          .filter((value) => isUuid(value));
        query = wanted.length
          ? query.where(sql`endpoint_sip.uuid::text`, 'in', wanted)
          : query.where(sql<boolean>`false`);
      }
      const result = await runSearch(query, endpointSipSearchConfig, { ...params, filters });
      return { total: result.total, items: await withRelations(tx, result.items) };
    },

    async find(tx: Tx, scope: TenantScope, uuid: string, template: boolean): Promise<SipResource | null> {
      if (!isUuid(uuid)) return null;
      const row = await base(tx, scope, template).where('endpoint_sip.uuid', '=', uuid).executeTakeFirst();
      return row ? (await withRelations(tx, [row]))[0]! : null;
    },

    /** Templates by uuid, in the order asked, with their parents (any tenant: they were checked when linked). */
    async findTemplates(tx: Tx, uuids: readonly string[]): Promise<SipResource[]> {
      if (uuids.length === 0) return [];
      const rows = await tx.db.selectFrom('endpoint_sip').selectAll().where('uuid', 'in', uuids).execute();
      const found = await withRelations(tx, rows);
      return uuids.flatMap((uuid) => found.filter((t) => t.uuid === uuid));
    },

    /** The uuid of the endpoint or template (`template`) named so, any tenant, or null. */
    async findNamed(tx: Tx, name: string, template: boolean): Promise<string | null> {
      const row = await tx.db
        .selectFrom('endpoint_sip')
        .select('uuid')
        .where('name', '=', name)
        .where('template', '=', template)
        .executeTakeFirst();
      return row?.uuid ?? null;
    },

    async nameExists(tx: Tx, name: string): Promise<boolean> {
      const row = await tx.db
        .selectFrom('endpoint_sip')
        .select('uuid')
        .where('name', '=', name)
        .executeTakeFirst();
      return row !== undefined;
    },

    async create(
      tx: Tx,
      tenantUuid: string,
      template: boolean,
      uuid: string,
      record: SipRecord,
    ): Promise<void> {
      await tx.db
        .insertInto('endpoint_sip')
        .values({
          uuid,
          tenant_uuid: tenantUuid,
          template,
          name: record.name,
          label: record.label,
          asterisk_id: record.asterisk_id,
          transport_uuid: record.transport_uuid,
          ...sectionsOf(record),
        })
        .execute();
      await writeParents(tx, uuid, record.template_uuids);
    },

    /** False when the endpoint is not in the scope: nothing is written. */
    async update(tx: Tx, scope: TenantScope, uuid: string, record: SipRecord): Promise<boolean> {
      const updated = await tx.db
        .updateTable('endpoint_sip')
        .set({
          name: record.name,
          label: record.label,
          asterisk_id: record.asterisk_id,
          transport_uuid: record.transport_uuid,
          ...sectionsOf(record),
        })
        .where('uuid', '=', uuid)
        .where(inTenants('tenant_uuid', scope.tenantUuids))
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) return false;
      await tx.db.deleteFrom('endpoint_sip_template').where('child_uuid', '=', uuid).execute();
      await writeParents(tx, uuid, record.template_uuids);
      // A line is named after its SIP endpoint.
      await tx.db
        .updateTable('line')
        .set({ name: record.name })
        .where('endpoint_sip_uuid', '=', uuid)
        .execute();
      return true;
    },

    /** False when the endpoint is not in the scope. A line using it is left without endpoint. */
    async delete(tx: Tx, scope: TenantScope, uuid: string): Promise<boolean> {
      await tx.db
        .updateTable('line')
        .set({ name: null, endpoint_sip_uuid: null })
        .where('endpoint_sip_uuid', '=', uuid)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('endpoint_sip')
              .select('uuid')
              .where('uuid', '=', uuid)
              .where(inTenants('tenant_uuid', scope.tenantUuids)),
          ),
        )
        .execute();
      const deleted = await tx.db
        .deleteFrom('endpoint_sip')
        .where('uuid', '=', uuid)
        .where(inTenants('tenant_uuid', scope.tenantUuids))
        .executeTakeFirst();
      return deleted.numDeletedRows > 0n;
    },
  };
}

async function writeParents(tx: Tx, uuid: string, parents: readonly string[]): Promise<void> {
  if (parents.length === 0) return;
  await tx.db
    .insertInto('endpoint_sip_template')
    .values(parents.map((parent, priority) => ({ child_uuid: uuid, parent_uuid: parent, priority })))
    .execute();
}

export type EndpointSipDao = ReturnType<typeof createEndpointSipDao>;
