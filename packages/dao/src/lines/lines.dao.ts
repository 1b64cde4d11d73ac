/**
 * Data access for lines. A line row joins its context (name, tenant); reads add the line's
 * extensions and users from the association tables, main ones first, since clients (the SDK)
 * read a line as `{id, extensions, endpoint_*}`. Writes are limited to the caller's tenants
 * through the line's context: outside the scope (or with an empty one) they change nothing.
 */
import { inTenants } from '@wazo-ts/db';
import type { Selectable } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { inheritedSipOption } from '../endpoint-sip/endpoint-sip.dao.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import {
  callerIdOf,
  type Line,
  type LineExtensionRef,
  type LineRecord,
  type LineUserRef,
} from './lines.model.js';
import type { LineTable } from './lines.tables.js';

export const lineSearchConfig: SearchConfig = {
  columns: {
    context: 'context.name',
    provisioning_code: 'line.provisioning_code',
    provisioning_extension: 'line.provisioning_code',
    position: 'line.position',
    device_slot: 'line.position',
    protocol: 'line.protocol',
    device_id: 'line.device_id',
    name: 'line.name',
    exten: 'main_extension.exten',
  },
  search: [
    'context',
    'provisioning_code',
    'provisioning_extension',
    'position',
    'device_slot',
    'protocol',
    'device_id',
    'name',
    'exten',
  ],
  defaultSort: 'name',
  key: 'line.id',
};

/** The line's column holding each kind of endpoint. */
const ENDPOINT_COLUMNS = {
  sip: 'endpoint_sip_uuid',
  sccp: 'endpoint_sccp_id',
  custom: 'endpoint_custom_id',
} as const;
type EndpointProtocol = keyof typeof ENDPOINT_COLUMNS;

type LineRow = Selectable<LineTable> & {
  context: string;
  tenant_uuid: string;
  sip_label: string | null;
  sip_auth: [string, string][] | null;
  sip_endpoint: [string, string][] | null;
  webrtc: string | null;
  application_uuid: string | null;
  application_name: string | null;
  custom_interface: string | null;
  sccp_cid_name: string | null;
  sccp_cid_num: string | null;
};

/** The caller id of the line's endpoint: a SIP `callerid` option, an SCCP line's columns, none for custom. */
function callerIdOfRow(row: LineRow) {
  if (row.endpoint_sccp_id !== null) return { name: row.sccp_cid_name, num: row.sccp_cid_num };
  return callerIdOf(row.sip_endpoint ?? []);
}

function toLine(row: LineRow, extensions: LineExtensionRef[], users: LineUserRef[]): Line {
  const callerId = callerIdOfRow(row);
  return {
    id: row.id,
    tenant_uuid: row.tenant_uuid,
    name: row.name,
    protocol: row.protocol as Line['protocol'],
    context: row.context,
    provisioning_code: row.provisioning_code,
    provisioning_extension: row.provisioning_code,
    position: row.position,
    device_slot: row.position,
    caller_id_name: callerId.name,
    caller_id_num: callerId.num,
    registrar: row.registrar,
    device_id: row.device_id,
    is_webrtc: row.webrtc === 'yes',
    endpoint_sip: row.endpoint_sip_uuid
      ? {
          uuid: row.endpoint_sip_uuid,
          label: row.sip_label,
          name: row.name ?? '',
          auth_section_options: (row.sip_auth ?? []).filter(([key]) => key === 'username'),
        }
      : null,
    endpoint_sccp: row.endpoint_sccp_id === null ? null : { id: row.endpoint_sccp_id },
    endpoint_custom:
      row.endpoint_custom_id === null
        ? null
        : { id: row.endpoint_custom_id, interface: row.custom_interface ?? '' },
    extensions,
    users,
    application: row.application_uuid ? { uuid: row.application_uuid, name: row.application_name } : null,
  };
}

export function createLinesDao() {
  const base = (tx: Tx, scope: TenantScope) =>
    tx.db
      .selectFrom('line')
      .innerJoin('context', 'context.id', 'line.context_id')
      .leftJoin('line_extension as main_link', (join) =>
        join.onRef('main_link.line_id', '=', 'line.id').on('main_link.main_extension', '=', true),
      )
      .leftJoin('extension as main_extension', 'main_extension.id', 'main_link.extension_id')
      .leftJoin('endpoint_sip', 'endpoint_sip.uuid', 'line.endpoint_sip_uuid')
      .leftJoin('line_application', 'line_application.line_id', 'line.id')
      .leftJoin('application', 'application.uuid', 'line_application.application_uuid')
      .leftJoin('endpoint_custom', 'endpoint_custom.id', 'line.endpoint_custom_id')
      .leftJoin('endpoint_sccp', 'endpoint_sccp.id', 'line.endpoint_sccp_id')
      .selectAll('line')
      .select(['application.uuid as application_uuid', 'application.name as application_name'])
      .select(['context.name as context', 'context.tenant_uuid'])
      .select([
        'endpoint_sip.label as sip_label',
        'endpoint_sip.auth_section_options as sip_auth',
        'endpoint_sip.endpoint_section_options as sip_endpoint',
        inheritedSipOption('line.endpoint_sip_uuid', 'endpoint', 'webrtc').as('webrtc'),
        'endpoint_custom.interface as custom_interface',
        'endpoint_sccp.cid_name as sccp_cid_name',
        'endpoint_sccp.cid_num as sccp_cid_num',
      ])
      .where(inTenants('context.tenant_uuid', scope.tenantUuids));

  /** The ids of the contexts among the scope's tenants, as a subquery. */
  const contextsIn = (tx: Tx, scope: TenantScope) =>
    tx.db
      .selectFrom('context')
      .select('context.id')
      .where(inTenants('context.tenant_uuid', scope.tenantUuids));

  async function relations(tx: Tx, rows: LineRow[]): Promise<Line[]> {
    const ids = rows.map((row) => row.id);
    if (ids.length === 0) return [];
    const extensions = await tx.db
      .selectFrom('line_extension')
      .innerJoin('extension', 'extension.id', 'line_extension.extension_id')
      .innerJoin('context', 'context.id', 'extension.context_id')
      .select(['line_extension.line_id', 'extension.id', 'extension.exten', 'context.name as context'])
      .where('line_extension.line_id', 'in', ids)
      .orderBy('line_extension.main_extension', 'desc')
      .orderBy('extension.id')
      .execute();
    const users = await tx.db
      .selectFrom('user_line')
      .innerJoin('users', 'users.id', 'user_line.user_id')
      .select(['user_line.line_id', 'users.uuid', 'users.firstname', 'users.lastname'])
      .where('user_line.line_id', 'in', ids)
      .orderBy('user_line.main_user', 'desc')
      .orderBy('users.id')
      .execute();
    return rows.map((row) =>
      toLine(
        row,
        extensions.filter((e) => e.line_id === row.id).map(({ line_id: _, ...e }) => e),
        users.filter((u) => u.line_id === row.id).map(({ line_id: _, ...u }) => u),
      ),
    );
  }

  async function findRow(tx: Tx, scope: TenantScope, id: number): Promise<LineRow | null> {
    return (await base(tx, scope).where('line.id', '=', id).executeTakeFirst()) ?? null;
  }

  return {
    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<Line>> {
      const result = await runSearch(base(tx, scope), lineSearchConfig, params);
      return { total: result.total, items: await relations(tx, result.items) };
    },

    async find(tx: Tx, scope: TenantScope, id: number): Promise<Line | null> {
      const row = await findRow(tx, scope, id);
      return row ? (await relations(tx, [row]))[0]! : null;
    },

    /** The line's SIP endpoint uuid, or null (also when the line is not in the scope). */
    async endpointSipUuid(tx: Tx, scope: TenantScope, id: number): Promise<string | null> {
      return (await findRow(tx, scope, id))?.endpoint_sip_uuid ?? null;
    },

    /** The line using that endpoint (SIP uuid, SCCP or custom id), any tenant, or null. */
    async lineUsing(tx: Tx, protocol: EndpointProtocol, key: string | number): Promise<number | null> {
      const row = await tx.db
        .selectFrom('line')
        .select('id')
        .where(ENDPOINT_COLUMNS[protocol], '=', key as never)
        .executeTakeFirst();
      return row?.id ?? null;
    },

    /** Gives the line an endpoint of that kind (the line is named after it), or takes it away. */
    async setEndpoint(
      tx: Tx,
      id: number,
      protocol: EndpointProtocol,
      endpoint: { key: string | number; name: string } | null,
    ): Promise<void> {
      await tx.db
        .updateTable('line')
        .set({ [ENDPOINT_COLUMNS[protocol]]: endpoint?.key ?? null, name: endpoint?.name ?? null })
        .where('id', '=', id)
        .execute();
    },

    /** Whether a line (any tenant) already has that name or provisioning code. */
    async exists(tx: Tx, column: 'name' | 'provisioning_code', value: string) {
      const row = await tx.db.selectFrom('line').select('id').where(column, '=', value).executeTakeFirst();
      return row !== undefined;
    },

    /** Null when the record's context is not in the scope: nothing is written. */
    async create(tx: Tx, scope: TenantScope, record: LineRecord): Promise<number | null> {
      // A context never changes tenant, so checking it first in the same transaction is enough.
      const context = await contextsIn(tx, scope)
        .where('context.id', '=', record.context_id)
        .executeTakeFirst();
      if (!context) return null;
      const row = await tx.db.insertInto('line').values(record).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    /**
     * Writes the line's own fields (not its endpoint). False when the line, or the context it moves to, is not in the scope: nothing is written.
     */
    async edit(tx: Tx, scope: TenantScope, id: number, record: Omit<LineRecord, 'name'>): Promise<boolean> {
      const updated = await tx.db
        .updateTable('line')
        .set(record)
        .where('id', '=', id)
        .where('context_id', 'in', contextsIn(tx, scope))
        .where((eb) => eb(eb.val(record.context_id), 'in', contextsIn(tx, scope)))
        .executeTakeFirst();
      return updated.numUpdatedRows > 0n;
    },

    /** False when the line is not in the scope: nothing is deleted. */
    async delete(tx: Tx, scope: TenantScope, id: number): Promise<boolean> {
      const deleted = await tx.db
        .deleteFrom('line')
        .where('id', '=', id)
        .where('context_id', 'in', contextsIn(tx, scope))
        .executeTakeFirst();
      return deleted.numDeletedRows > 0n;
    },
  };
}

export type LinesDao = ReturnType<typeof createLinesDao>;
