/**
 * The meetings' public API. A meeting is made with its guest SIP endpoint (from the tenant's
 * `meeting_guest` template, in context `wazo-meeting-guest`) and a number unused anywhere; its
 * answer shows the tenant's HTTP ingress (else the master tenant's: none at all is Wazo's 503) and
 * the `meetingjoin` extension. Owners are users of the meeting's tenant. Every change is followed by
 * the meeting's `ready` progress (no Asterisk reload to wait for here). Guests ask to join
 * (authorizations, at most 128 a meeting), owners accept, reject or delete the requests.
 * Meetings not persistent and authorizations expire a day after their creation (`purgeExpired`).
 */
import { UnavailableError } from '@wazo-ts/errors';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import type { SipInput, SipResource } from '../endpoint-sip/endpoint-sip.model.js';
import { notFound, resourceError } from '../errors.js';
import type { FindUser } from '../group-members/user-ref.js';
import { type SearchParams, type SearchResult, scopeOf, type TenantScope } from '../search/search.js';
import type { MeetingFind, MeetingsDao } from './meetings.dao.js';
import {
  isoDateTime,
  type Meeting,
  type MeetingAuthorization,
  type MeetingAuthorizationCreate,
  type MeetingAuthorizationRow,
  type MeetingAuthorizationStatus,
  type MeetingCreate,
  type MeetingEdit,
  type MeetingRow,
  sipAuthorizationOf,
} from './meetings.model.js';
import type { MeetingsNotifier } from './meetings.notifier.js';

/** Wazo's quota of authorizations per meeting. */
export const MEETING_AUTHORIZATION_QUOTA = 128;
/** Wazo's purge: meetings not persistent and authorizations older than a day. */
export const MEETING_LIFETIME_MS = 24 * 60 * 60 * 1000;
const NUMBER_LENGTH = 6;
const GUEST_CONTEXT = 'wazo-meeting-guest';

export interface MeetingsServiceDeps {
  uow: UnitOfWork;
  dao: MeetingsDao;
  notifier: MeetingsNotifier;
  findUser: FindUser;
  /** The tenant's `meeting_guest` SIP template, if it has one. */
  guestTemplateOf(tx: Tx, tenantUuid: string): Promise<string | null>;
  /** Creates the guest SIP endpoint in the caller's transaction (with its event). */
  createEndpoint(tx: Tx, tenantUuid: string, input: SipInput): Promise<SipResource>;
  /** Uniform in [0, 1); Math.random by default. */
  random?: () => number;
}

/** What a meeting's answer needs besides its row: the master tenant (its ingress is the fallback). */
export interface MeetingContext {
  masterTenantUuid: string | null;
}

interface Presentation {
  prefix: string | null;
  fallbackUri: string | null;
}

const noIngress = () => new UnavailableError('no Ingress HTTP configured', { errorId: 'not-configured' });

const missing = (uuid: string) => notFound('Meeting', { uuid });

export function createMeetingsService(deps: MeetingsServiceDeps) {
  const { uow, dao, notifier, findUser } = deps;
  const random = deps.random ?? Math.random;

  async function presentation(tx: Tx, context: MeetingContext): Promise<Presentation> {
    const fallbackUri = context.masterTenantUuid ? await dao.ingressUri(tx, context.masterTenantUuid) : null;
    return { prefix: await dao.joinPrefix(tx), fallbackUri };
  }

  /** The answer; `lenient` (events of the purge) shows a null URI rather than failing. */
  function show(row: MeetingRow, how: Presentation, lenient = false): Meeting {
    const uri = row.tenant_ingress_uri ?? how.fallbackUri;
    if (uri === null && !lenient) throw noIngress();
    return {
      uuid: row.uuid,
      tenant_uuid: row.tenant_uuid,
      name: row.name,
      owner_uuids: row.owner_uuids,
      ingress_http_uri: uri as string,
      guest_sip_authorization: row.require_authorization ? null : sipAuthorizationOf(row.guest_auth_options),
      persistent: row.persistent,
      require_authorization: row.require_authorization,
      creation_time: isoDateTime(row.created_at),
      exten: how.prefix === null ? null : `${how.prefix}${row.number}`,
    };
  }

  async function existing(tx: Tx, uuid: string, find: MeetingFind): Promise<MeetingRow> {
    const row = await dao.find(tx, uuid, find);
    if (!row) throw missing(uuid);
    return row;
  }

  /** Each owner a user of the meeting's tenant (Wazo: User not found otherwise), once. */
  async function ownersOf(tx: Tx, tenantUuid: string, uuids: readonly string[]): Promise<string[]> {
    const owners: string[] = [];
    for (const uuid of uuids) {
      const user = await findUser(tx, scopeOf(tenantUuid), uuid);
      if (!user) throw notFound('User', { uuid });
      if (!owners.includes(user.uuid)) owners.push(user.uuid);
    }
    return owners;
  }

  async function unusedNumber(tx: Tx): Promise<string> {
    const max = 10 ** NUMBER_LENGTH;
    for (;;) {
      const number = String(Math.floor(random() * max)).padStart(NUMBER_LENGTH, '0');
      if (!(await dao.numberTaken(tx, number))) return number;
    }
  }

  const letters = (length: number) =>
    Array.from({ length }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');

  async function guestEndpoint(tx: Tx, tenantUuid: string, meetingName: string, name: string) {
    const template = await deps.guestTemplateOf(tx, tenantUuid);
    if (!template)
      throw new UnavailableError(`Could not find SIP template for meeting guests in tenant ${tenantUuid}`, {
        errorId: 'meeting-guest-sip-template-not-found',
        details: { tenant_uuid: tenantUuid },
        resource: 'meeting',
      });
    return deps.createEndpoint(tx, tenantUuid, {
      name,
      label: `External meeting guest ${meetingName}`,
      templates: [{ uuid: template }],
      auth_section_options: [
        ['username', name],
        ['password', letters(16)],
      ],
      endpoint_section_options: [['context', GUEST_CONTEXT]],
    });
  }

  async function deleteIn(tx: Tx, row: MeetingRow, how: Presentation, lenient = false): Promise<void> {
    const shown = show(row, how, lenient);
    await dao.delete(tx, row.uuid);
    notifier.deleted(tx, shown);
  }

  function showAuthorization(row: MeetingAuthorizationRow): MeetingAuthorization {
    return {
      uuid: row.uuid,
      meeting_uuid: row.meeting_uuid,
      guest_uuid: row.guest_uuid,
      guest_name: row.guest_name,
      status: row.status,
      guest_sip_authorization: row.status === 'accepted' ? sipAuthorizationOf(row.guest_auth_options) : null,
      creation_time: isoDateTime(row.created_at),
    };
  }

  const authorizationPayload = ({ guest_sip_authorization: _, ...rest }: MeetingAuthorization) => rest;

  async function notifyAuthorization(
    tx: Tx,
    action: 'created' | 'updated' | 'deleted',
    row: MeetingAuthorizationRow,
  ): Promise<void> {
    const meeting = await dao.find(tx, row.meeting_uuid);
    notifier.authorization(tx, action, authorizationPayload(showAuthorization(row)), {
      tenant_uuid: row.meeting_tenant_uuid,
      owner_uuids: meeting?.owner_uuids ?? [],
    });
  }

  async function ownedAuthorization(
    tx: Tx,
    owner: string,
    meetingUuid: string,
    uuid: string,
  ): Promise<MeetingAuthorizationRow> {
    const row = await dao.findAuthorization(tx, meetingUuid, uuid, { owner });
    if (!row) throw notFound('meeting_authorization', { uuid, owner });
    return row;
  }

  async function setStatus(
    owner: string,
    meetingUuid: string,
    uuid: string,
    status: MeetingAuthorizationStatus,
  ): Promise<MeetingAuthorization> {
    return uow.run(async (tx) => {
      await ownedAuthorization(tx, owner, meetingUuid, uuid);
      await dao.setAuthorizationStatus(tx, uuid, status);
      const row = await ownedAuthorization(tx, owner, meetingUuid, uuid);
      await notifyAuthorization(tx, 'updated', row);
      return showAuthorization(row);
    });
  }

  return {
    /** `owner`: only the meetings this user owns (`/users/me/meetings`). */
    search(
      scope: TenantScope,
      params: SearchParams,
      context: MeetingContext,
      owner?: string,
    ): Promise<SearchResult<Meeting>> {
      return uow.read(async (tx) => {
        const how = await presentation(tx, context);
        const found = await dao.search(tx, scope, params, owner);
        return { total: found.total, items: found.items.map((row) => show(row, how)) };
      });
    },

    /** `find.scope` absent: any tenant's meeting (a guest's read). */
    get(uuid: string, find: MeetingFind, context: MeetingContext): Promise<Meeting> {
      return uow.read(async (tx) => show(await existing(tx, uuid, find), await presentation(tx, context)));
    },

    create(tenantUuid: string, input: MeetingCreate, context: MeetingContext): Promise<Meeting> {
      return uow.run(async (tx) => {
        const how = await presentation(tx, context);
        if ((await dao.ingressUri(tx, tenantUuid)) === null && how.fallbackUri === null) throw noIngress();
        const owners = await ownersOf(tx, tenantUuid, input.owner_uuids ?? []);
        const uuid = globalThis.crypto.randomUUID();
        const endpoint = await guestEndpoint(tx, tenantUuid, input.name, `wazo-meeting-${uuid}-guest`);
        const created = await dao.create(tx, {
          uuid,
          tenant_uuid: tenantUuid,
          name: input.name,
          persistent: input.persistent ?? false,
          require_authorization: input.require_authorization ?? false,
          number: await unusedNumber(tx),
          guest_endpoint_sip_uuid: endpoint.uuid,
        });
        await dao.setOwners(tx, created, owners);
        const meeting = show(await existing(tx, created, {}), how);
        notifier.created(tx, meeting);
        notifier.ready(tx, meeting);
        return meeting;
      });
    },

    /**
     * Changes the given fields. The owners become `owner_uuids` (none when absent, as Wazo), with
     * `me` added when given (`/users/me/meetings`). A meeting that no longer requires authorizations
     * accepts its pending ones.
     */
    edit(
      uuid: string,
      find: MeetingFind,
      changes: MeetingEdit,
      context: MeetingContext,
      me?: string,
    ): Promise<void> {
      return uow.run(async (tx) => {
        const current = await existing(tx, uuid, find);
        const wanted = [...(changes.owner_uuids ?? [])];
        if (me !== undefined && !wanted.includes(me)) wanted.push(me);
        const owners = await ownersOf(tx, current.tenant_uuid, wanted);
        const requireAuthorization = changes.require_authorization ?? current.require_authorization;
        await dao.update(tx, uuid, {
          name: changes.name ?? (current.name as string),
          persistent: changes.persistent ?? current.persistent,
          require_authorization: requireAuthorization,
        });
        await dao.setOwners(tx, uuid, owners);
        if (!requireAuthorization) await dao.acceptPending(tx, uuid);
        const meeting = show(await existing(tx, uuid, {}), await presentation(tx, context));
        notifier.updated(tx, meeting);
        notifier.ready(tx, meeting);
      });
    },

    /** Deletes it with its authorizations and its guest SIP endpoint. */
    delete(uuid: string, find: MeetingFind, context: MeetingContext): Promise<void> {
      return uow.run(async (tx) =>
        deleteIn(tx, await existing(tx, uuid, find), await presentation(tx, context)),
      );
    },

    /**
     * Wazo's wazo-confd-purge-meetings: deletes the meetings not persistent and the authorizations
     * created before `now` minus a day, each with its event. Returns how many of each went.
     */
    purgeExpired(now: Date, context: MeetingContext): Promise<{ meetings: number; authorizations: number }> {
      return uow.run(async (tx) => {
        const before = new Date(now.getTime() - MEETING_LIFETIME_MS);
        const how = await presentation(tx, context);
        const meetings = await dao.expiredUuids(tx, before);
        for (const uuid of meetings) {
          const row = await dao.find(tx, uuid);
          if (row) await deleteIn(tx, row, how, true);
        }
        const authorizations = await dao.expiredAuthorizations(tx, before);
        for (const row of authorizations) {
          await notifyAuthorization(tx, 'deleted', row);
          await dao.deleteAuthorization(tx, row.uuid);
        }
        return { meetings: meetings.length, authorizations: authorizations.length };
      });
    },

    /** A guest asks to join: accepted at once unless the meeting requires authorizations. */
    requestAuthorization(
      guestUuid: string,
      meetingUuid: string,
      input: MeetingAuthorizationCreate,
    ): Promise<MeetingAuthorization> {
      return uow.run(async (tx) => {
        const meeting = await existing(tx, meetingUuid, {});
        if ((await dao.countAuthorizations(tx, meetingUuid)) >= MEETING_AUTHORIZATION_QUOTA)
          throw resourceError(
            `Quota for Meeting Authorization exceeded. Maximum: ${MEETING_AUTHORIZATION_QUOTA}`,
          );
        const uuid = await dao.createAuthorization(tx, {
          meeting_uuid: meetingUuid,
          guest_uuid: guestUuid,
          guest_name: input.guest_name,
          status: meeting.require_authorization ? 'pending' : 'accepted',
        });
        const row = await dao.findAuthorization(tx, meetingUuid, uuid);
        if (!row) throw notFound('MeetingAuthorization', { uuid });
        await notifyAuthorization(tx, 'created', row);
        return showAuthorization(row);
      });
    },

    /** The guest's own authorization (Wazo: the meeting first, then the authorization). */
    guestAuthorization(guestUuid: string, meetingUuid: string, uuid: string): Promise<MeetingAuthorization> {
      return uow.read(async (tx) => {
        if (!(await dao.find(tx, meetingUuid))) throw notFound('meetings', { uuid: meetingUuid });
        const row = await dao.findAuthorization(tx, meetingUuid, uuid, { guest: guestUuid });
        if (!row) throw notFound('meeting_authorizations', { uuid, guest_uuid: guestUuid });
        return showAuthorization(row);
      });
    },

    /** The authorizations of a meeting `owner` owns. */
    searchAuthorizations(
      owner: string,
      meetingUuid: string,
      params: SearchParams,
    ): Promise<SearchResult<MeetingAuthorization>> {
      return uow.read(async (tx) => {
        if (!(await dao.find(tx, meetingUuid, { owner })))
          throw notFound('meetings', { uuid: meetingUuid, owner });
        const found = await dao.searchAuthorizations(tx, meetingUuid, params);
        return { total: found.total, items: found.items.map(showAuthorization) };
      });
    },

    getAuthorization(owner: string, meetingUuid: string, uuid: string): Promise<MeetingAuthorization> {
      return uow.read(async (tx) =>
        showAuthorization(await ownedAuthorization(tx, owner, meetingUuid, uuid)),
      );
    },

    deleteAuthorization(owner: string, meetingUuid: string, uuid: string): Promise<void> {
      return uow.run(async (tx) => {
        const row = await ownedAuthorization(tx, owner, meetingUuid, uuid);
        await notifyAuthorization(tx, 'deleted', row);
        await dao.deleteAuthorization(tx, uuid);
      });
    },

    acceptAuthorization: (owner: string, meetingUuid: string, uuid: string) =>
      setStatus(owner, meetingUuid, uuid, 'accepted'),

    rejectAuthorization: (owner: string, meetingUuid: string, uuid: string) =>
      setStatus(owner, meetingUuid, uuid, 'rejected'),
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
