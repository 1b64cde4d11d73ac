/**
 * SQL of the meetings: `meeting` with its owners (`meeting_owner`, in their order), its guest SIP
 * endpoint's auth options and its tenant's HTTP ingress read with it; and the guests'
 * authorizations (`meeting_authorization`).
 */
import { inTenants, isUuid } from '@wazo-ts/db';
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { MeetingAuthorizationRow, MeetingAuthorizationStatus, MeetingRow } from './meetings.model.js';

/** xivo-dao's meeting search: name, persistent, require_authorization, creation_time; by name. */
export const meetingSearchConfig: SearchConfig = {
  columns: {
    name: 'meeting.name',
    persistent: 'meeting.persistent',
    require_authorization: 'meeting.require_authorization',
    creation_time: 'meeting.created_at',
  },
  search: ['name'],
  defaultSort: 'name',
  key: 'meeting.uuid',
};

/** xivo-dao's authorization search: guest_name, creation_time; by guest name. */
export const meetingAuthorizationSearchConfig: SearchConfig = {
  columns: {
    guest_name: 'meeting_authorization.guest_name',
    creation_time: 'meeting_authorization.created_at',
  },
  search: ['guest_name'],
  defaultSort: 'guest_name',
  key: 'meeting_authorization.uuid',
};

const base = (tx: Tx) =>
  tx.db
    .selectFrom('meeting')
    .leftJoin('endpoint_sip', 'endpoint_sip.uuid', 'meeting.guest_endpoint_sip_uuid')
    .leftJoin('ingress_http', 'ingress_http.tenant_uuid', 'meeting.tenant_uuid')
    .select([
      'meeting.uuid',
      'meeting.tenant_uuid',
      'meeting.name',
      'meeting.persistent',
      'meeting.require_authorization',
      'meeting.created_at',
      'meeting.number',
      'endpoint_sip.auth_section_options as guest_auth_options',
      'ingress_http.uri as tenant_ingress_uri',
    ]);

type BaseRow = Omit<MeetingRow, 'owner_uuids'>;

/** Only the meetings `owner` owns. */
const ownedBy = (owner: string) =>
  sql<boolean>`meeting.uuid IN (SELECT meeting_uuid FROM meeting_owner WHERE user_uuid = ${owner})`;

async function withOwners(tx: Tx, rows: BaseRow[]): Promise<MeetingRow[]> {
  if (rows.length === 0) return [];
  const owners = await tx.db
    .selectFrom('meeting_owner')
    .select(['meeting_uuid', 'user_uuid'])
    .where(
      'meeting_uuid',
      'in',
      rows.map((row) => row.uuid),
    )
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    ...row,
    owner_uuids: owners.filter((o) => o.meeting_uuid === row.uuid).map((o) => o.user_uuid),
  }));
}

const authorizationBase = (tx: Tx) =>
  tx.db
    .selectFrom('meeting_authorization')
    .innerJoin('meeting', 'meeting.uuid', 'meeting_authorization.meeting_uuid')
    .leftJoin('endpoint_sip', 'endpoint_sip.uuid', 'meeting.guest_endpoint_sip_uuid')
    .select([
      'meeting_authorization.uuid',
      'meeting_authorization.meeting_uuid',
      'meeting_authorization.guest_uuid',
      'meeting_authorization.guest_name',
      'meeting_authorization.status',
      'meeting_authorization.created_at',
      'endpoint_sip.auth_section_options as guest_auth_options',
      'meeting.tenant_uuid as meeting_tenant_uuid',
    ]);

export interface MeetingFind {
  /** Tenants to look in; absent: any (a guest's unauthenticated read). */
  scope?: TenantScope;
  /** Only a meeting this user owns. */
  owner?: string;
}

export interface MeetingInsert {
  uuid: string;
  tenant_uuid: string;
  name: string;
  persistent: boolean;
  require_authorization: boolean;
  number: string;
  guest_endpoint_sip_uuid: string;
}

export function createMeetingsDao() {
  return {
    async search(
      tx: Tx,
      scope: TenantScope,
      params: SearchParams,
      owner?: string,
    ): Promise<SearchResult<MeetingRow>> {
      let query = base(tx).where(inTenants('meeting.tenant_uuid', scope.tenantUuids));
      if (owner !== undefined) query = query.where(ownedBy(owner));
      const page = await runSearch(query, meetingSearchConfig, params);
      return { total: page.total, items: await withOwners(tx, page.items as BaseRow[]) };
    },

    async find(tx: Tx, uuid: string, { scope, owner }: MeetingFind = {}): Promise<MeetingRow | null> {
      if (!isUuid(uuid)) return null;
      let query = base(tx).where('meeting.uuid', '=', uuid);
      if (scope) query = query.where(inTenants('meeting.tenant_uuid', scope.tenantUuids));
      if (owner !== undefined) query = query.where(ownedBy(owner));
      const row = await query.executeTakeFirst();
      return row ? ((await withOwners(tx, [row as BaseRow]))[0] ?? null) : null;
    },

    /** Whether a meeting of any tenant has this number (Wazo draws numbers unused anywhere). */
    async numberTaken(tx: Tx, number: string): Promise<boolean> {
      const row = await tx.db
        .selectFrom('meeting')
        .select('uuid')
        .where('number', '=', number)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** The cleaned prefix of the enabled `meetingjoin` feature extension (`_*41.` gives `*41`), or null. */
    async joinPrefix(tx: Tx): Promise<string | null> {
      const row = await tx.db
        .selectFrom('feature_extension')
        .select('exten')
        .where('feature', '=', 'meetingjoin')
        .where('enabled', '=', true)
        .executeTakeFirst();
      return row ? cleanExtension(row.exten) : null;
    },

    /** The ingress URI of a tenant, or null. */
    async ingressUri(tx: Tx, tenantUuid: string): Promise<string | null> {
      const row = await tx.db
        .selectFrom('ingress_http')
        .select('uri')
        .where('tenant_uuid', '=', tenantUuid)
        .executeTakeFirst();
      return row?.uri ?? null;
    },

    async create(tx: Tx, row: MeetingInsert): Promise<string> {
      const { uuid } = await tx.db
        .insertInto('meeting')
        .values(row)
        .returning('uuid')
        .executeTakeFirstOrThrow();
      return uuid;
    },

    async update(
      tx: Tx,
      uuid: string,
      row: Pick<MeetingInsert, 'name' | 'persistent' | 'require_authorization'>,
    ): Promise<void> {
      await tx.db.updateTable('meeting').set(row).where('uuid', '=', uuid).execute();
    },

    async setOwners(tx: Tx, uuid: string, owners: readonly string[]): Promise<void> {
      await tx.db.deleteFrom('meeting_owner').where('meeting_uuid', '=', uuid).execute();
      if (owners.length === 0) return;
      await tx.db
        .insertInto('meeting_owner')
        .values(owners.map((user_uuid, position) => ({ meeting_uuid: uuid, user_uuid, position })))
        .execute();
    },

    /** Deletes the meeting, its authorizations and its guest SIP endpoint. */
    async delete(tx: Tx, uuid: string): Promise<void> {
      const deleted = await tx.db
        .deleteFrom('meeting')
        .where('uuid', '=', uuid)
        .returning('guest_endpoint_sip_uuid')
        .executeTakeFirst();
      const endpoint = deleted?.guest_endpoint_sip_uuid;
      if (endpoint) await tx.db.deleteFrom('endpoint_sip').where('uuid', '=', endpoint).execute();
    },

    /** Meetings not persistent created before `before`, oldest first. */
    async expiredUuids(tx: Tx, before: Date): Promise<string[]> {
      const rows = await tx.db
        .selectFrom('meeting')
        .select('uuid')
        .where('persistent', '=', false)
        .where('created_at', '<', before)
        .orderBy('created_at')
        .execute();
      return rows.map((row) => row.uuid);
    },

    /** A pending authorization of the meeting becomes accepted (the meeting requires none any more). */
    async acceptPending(tx: Tx, meetingUuid: string): Promise<void> {
      await tx.db
        .updateTable('meeting_authorization')
        .set({ status: 'accepted' })
        .where('meeting_uuid', '=', meetingUuid)
        .where('status', '=', 'pending')
        .execute();
    },

    async searchAuthorizations(
      tx: Tx,
      meetingUuid: string,
      params: SearchParams,
    ): Promise<SearchResult<MeetingAuthorizationRow>> {
      const query = authorizationBase(tx).where('meeting_authorization.meeting_uuid', '=', meetingUuid);
      return runSearch(query, meetingAuthorizationSearchConfig, params) as Promise<
        SearchResult<MeetingAuthorizationRow>
      >;
    },

    /** The authorization of the meeting, asked by its guest or by an owner of the meeting. */
    async findAuthorization(
      tx: Tx,
      meetingUuid: string,
      uuid: string,
      by: { guest?: string; owner?: string } = {},
    ): Promise<MeetingAuthorizationRow | null> {
      if (!isUuid(uuid) || !isUuid(meetingUuid)) return null;
      let query = authorizationBase(tx)
        .where('meeting_authorization.uuid', '=', uuid)
        .where('meeting_authorization.meeting_uuid', '=', meetingUuid);
      if (by.guest !== undefined) query = query.where('meeting_authorization.guest_uuid', '=', by.guest);
      if (by.owner !== undefined) query = query.where(ownedBy(by.owner));
      return ((await query.executeTakeFirst()) as MeetingAuthorizationRow | undefined) ?? null;
    },

    async countAuthorizations(tx: Tx, meetingUuid: string): Promise<number> {
      const row = await tx.db
        .selectFrom('meeting_authorization')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('meeting_uuid', '=', meetingUuid)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async createAuthorization(
      tx: Tx,
      row: {
        meeting_uuid: string;
        guest_uuid: string;
        guest_name: string;
        status: MeetingAuthorizationStatus;
      },
    ): Promise<string> {
      const { uuid } = await tx.db
        .insertInto('meeting_authorization')
        .values(row)
        .returning('uuid')
        .executeTakeFirstOrThrow();
      return uuid;
    },

    async setAuthorizationStatus(tx: Tx, uuid: string, status: MeetingAuthorizationStatus): Promise<void> {
      await tx.db.updateTable('meeting_authorization').set({ status }).where('uuid', '=', uuid).execute();
    },

    async deleteAuthorization(tx: Tx, uuid: string): Promise<void> {
      await tx.db.deleteFrom('meeting_authorization').where('uuid', '=', uuid).execute();
    },

    /** Authorizations of any meeting created before `before`. */
    async expiredAuthorizations(tx: Tx, before: Date): Promise<MeetingAuthorizationRow[]> {
      return (await authorizationBase(tx)
        .where('meeting_authorization.created_at', '<', before)
        .orderBy('meeting_authorization.created_at')
        .execute()) as MeetingAuthorizationRow[];
    },
  };
}

/** xivo's clean_extension: a pattern's `_` and everything from its first `.` or wildcard are dropped. */
export function cleanExtension(exten: string): string {
  if (!exten.startsWith('_')) return exten;
  const body = exten.slice(1);
  const end = body.search(/[.!XZN[]/);
  return end === -1 ? body : body.slice(0, end);
}

export type MeetingsDao = ReturnType<typeof createMeetingsDao>;
