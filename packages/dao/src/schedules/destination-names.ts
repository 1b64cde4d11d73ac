/**
 * The names Wazo shows with a stored destination that points at a user, a group, a voicemail,
 * a custom application, a switchboard or a queue (`user_firstname`, `user_lastname`;
 * `group_label`, `group_name`; `voicemail_name`; `application_name`; `switchboard_name`;
 * `queue_label`), read when the destination is: a name changed later
 * shows its new value. A target gone shows null names.
 */
import { isUuid } from '@wazo-ts/db';
import type { Tx } from '../db/unit-of-work.js';
import type { Destination } from './destination.js';

/** The destinations, in order, each with its target's names when it is a user, a group or a voicemail. */
export async function nameDestinations(tx: Tx, destinations: readonly Destination[]): Promise<Destination[]> {
  const ids = (type: string, field: string) =>
    [...new Set(destinations.filter((d) => d.type === type).map((d) => Number(d[field])))].filter(
      Number.isInteger,
    );
  const userIds = ids('user', 'user_id');
  const groupIds = ids('group', 'group_id');
  const voicemailIds = ids('voicemail', 'voicemail_id');
  const users =
    userIds.length === 0
      ? []
      : await tx.db
          .selectFrom('users')
          .select(['id', 'firstname', 'lastname'])
          .where('id', 'in', userIds)
          .execute();
  const groups =
    groupIds.length === 0
      ? []
      : await tx.db
          .selectFrom('groups')
          .select(['id', 'label', 'name'])
          .where('id', 'in', groupIds)
          .execute();
  const voicemails =
    voicemailIds.length === 0
      ? []
      : await tx.db.selectFrom('voicemail').select(['id', 'name']).where('id', 'in', voicemailIds).execute();
  const applications = await applicationNames(tx, destinations);
  const switchboards = await switchboardNames(tx, destinations);
  const queueIds = ids('queue', 'queue_id');
  const queues =
    queueIds.length === 0
      ? []
      : await tx.db.selectFrom('queue').select(['id', 'label']).where('id', 'in', queueIds).execute();
  const ivrIds = ids('ivr', 'ivr_id');
  const ivrs =
    ivrIds.length === 0
      ? []
      : await tx.db.selectFrom('ivr').select(['id', 'name']).where('id', 'in', ivrIds).execute();
  const conferenceIds = ids('conference', 'conference_id');
  const conferences =
    conferenceIds.length === 0
      ? []
      : await tx.db
          .selectFrom('conference')
          .select(['id', 'name'])
          .where('id', 'in', conferenceIds)
          .execute();
  return destinations.map((destination) => {
    if (destination.type === 'switchboard') {
      return {
        ...destination,
        switchboard_name: switchboards.get(String(destination.switchboard_uuid)) ?? null,
      };
    }
    if (destination.type === 'queue') {
      const queue = queues.find((q) => q.id === destination.queue_id);
      return { ...destination, queue_label: queue?.label ?? null };
    }
    if (isCustomApplication(destination)) {
      return {
        ...destination,
        application_name: applications.get(String(destination.application_uuid)) ?? null,
      };
    }
    if (destination.type === 'user') {
      const user = users.find((u) => u.id === destination.user_id);
      return {
        ...destination,
        user_firstname: user?.firstname ?? null,
        user_lastname: user?.lastname ?? null,
      };
    }
    if (destination.type === 'group') {
      const group = groups.find((g) => g.id === destination.group_id);
      return { ...destination, group_label: group?.label ?? null, group_name: group?.name ?? null };
    }
    if (destination.type === 'voicemail') {
      const voicemail = voicemails.find((v) => v.id === destination.voicemail_id);
      return { ...destination, voicemail_name: voicemail?.name ?? null };
    }
    if (destination.type === 'ivr') {
      const ivr = ivrs.find((i) => i.id === destination.ivr_id);
      return { ...destination, ivr_name: ivr?.name ?? null };
    }
    if (destination.type === 'conference') {
      const conference = conferences.find((c) => c.id === destination.conference_id);
      return { ...destination, conference_name: conference?.name ?? null };
    }
    return destination;
  });
}

const isCustomApplication = (destination: Destination) =>
  destination.type === 'application' && destination.application === 'custom';

/** The names of the custom applications the destinations point at, by uuid. */
async function applicationNames(
  tx: Tx,
  destinations: readonly Destination[],
): Promise<Map<string, string | null>> {
  const uuids = [
    ...new Set(destinations.filter(isCustomApplication).map((d) => String(d.application_uuid))),
  ].filter(isUuid);
  if (uuids.length === 0) return new Map();
  const rows = await tx.db
    .selectFrom('application')
    .select(['uuid', 'name'])
    .where('uuid', 'in', uuids)
    .execute();
  return new Map(rows.map((row) => [row.uuid, row.name]));
}

/** The names of the switchboards the destinations point at, by uuid. */
async function switchboardNames(tx: Tx, destinations: readonly Destination[]): Promise<Map<string, string>> {
  const uuids = [
    ...new Set(destinations.filter((d) => d.type === 'switchboard').map((d) => String(d.switchboard_uuid))),
  ].filter(isUuid);
  if (uuids.length === 0) return new Map();
  const rows = await tx.db
    .selectFrom('switchboard')
    .select(['uuid', 'name'])
    .where('uuid', 'in', uuids)
    .execute();
  return new Map(rows.map((row) => [row.uuid, row.name]));
}

/** Each value of `record` that is a destination, named; other values kept. */
export async function nameDestinationsIn<T extends Record<string, unknown>>(tx: Tx, record: T): Promise<T> {
  const keys = Object.keys(record).filter((key) => isDestination(record[key]));
  const named = await nameDestinations(
    tx,
    keys.map((key) => record[key] as Destination),
  );
  return { ...record, ...Object.fromEntries(keys.map((key, i) => [key, named[i]])) };
}

const isDestination = (value: unknown): value is Destination =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** The destination types whose target Wazo's destination check looks up, and where. */
const TARGETS = {
  user: { resource: 'User', table: 'users', field: 'user_id' },
  group: { resource: 'Group', table: 'groups', field: 'group_id' },
  voicemail: { resource: 'Voicemail', table: 'voicemail', field: 'voicemail_id' },
  queue: { resource: 'Queue', table: 'queue', field: 'queue_id' },
  ivr: { resource: 'IVR', table: 'ivr', field: 'ivr_id' },
  outcall: { resource: 'Outcall', table: 'outcall', field: 'outcall_id' },
  conference: { resource: 'Conference', table: 'conference', field: 'conference_id' },
} as const;

type Target = (typeof TARGETS)[keyof typeof TARGETS];

/**
 * The user, group, voicemail or custom application a destination names, when it is not in the
 * tenant: `{resource, id}`, else null. Wazo's destination check looks in every tenant; the
 * owner's tenant is where calls go.
 */
export async function missingTarget(
  tx: Tx,
  tenantUuid: string,
  destination: Destination,
): Promise<{ resource: Target['resource'] | 'Application' | 'Switchboard'; id: unknown } | null> {
  if (isCustomApplication(destination)) {
    const uuid = destination.application_uuid;
    const found =
      isUuid(uuid) &&
      (await tx.db
        .selectFrom('application')
        .select('uuid')
        .where('uuid', '=', uuid)
        .where('tenant_uuid', '=', tenantUuid)
        .executeTakeFirst());
    return found ? null : { resource: 'Application', id: uuid };
  }
  if (destination.type === 'switchboard') {
    const uuid = destination.switchboard_uuid;
    const found =
      isUuid(uuid) &&
      (await tx.db
        .selectFrom('switchboard')
        .select('uuid')
        .where('uuid', '=', uuid)
        .where('tenant_uuid', '=', tenantUuid)
        .executeTakeFirst());
    return found ? null : { resource: 'Switchboard', id: uuid };
  }
  const target: Target | undefined = TARGETS[destination.type as keyof typeof TARGETS];
  if (!target) return null;
  const id = destination[target.field];
  const found = await tx.db
    .selectFrom(target.table)
    .select('id')
    .where('id', '=', Number(id))
    .where('tenant_uuid', '=', tenantUuid)
    .executeTakeFirst();
  return found ? null : { resource: target.resource, id };
}

/**
 * The music on hold class a user destination's `moh_uuid` names, when it is not a class of the
 * tenant: its uuid, else null (Wazo's destination check: `MOH was not found`).
 */
export async function missingMoh(
  tx: Tx,
  tenantUuid: string,
  destination: Destination,
): Promise<string | null> {
  const uuid = destination.type === 'user' ? destination.moh_uuid : undefined;
  if (typeof uuid !== 'string') return null;
  const found =
    isUuid(uuid) &&
    (await tx.db
      .selectFrom('moh')
      .select('uuid')
      .where('uuid', '=', uuid)
      .where('tenant_uuid', '=', tenantUuid)
      .executeTakeFirst());
  return found ? null : uuid;
}
