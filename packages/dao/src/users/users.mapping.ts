/**
 * Between the users row and the model: services and forwards columns become their nested
 * objects, and the text fields Wazo reads '' as null are written as NULL, so '' never shows.
 */
import type { Selectable, Updateable } from 'kysely';
import type { UserForwards } from '../user-forwards/user-forwards.model.js';
import type { UserServices } from '../user-services/user-services.model.js';
import type { User, UserValues } from './users.model.js';
import { USER_WRITABLE_COLUMNS } from './users.schema.js';
import type { UserTable } from './users.tables.js';

export type UserRow = Selectable<UserTable>;

/** Fields Wazo stores as '' for "none" and reads back as null. */
const EMPTY_IS_NULL = new Set<string>([
  'lastname',
  'description',
  'caller_id',
  'outgoing_caller_id',
  'mobile_phone_number',
  'username',
  'password',
  'music_on_hold',
  'userfield',
  'call_permission_password',
]);

/**
 * Python's isoformat() of Wazo's naive UTC datetime: microseconds, left out when zero. Rows are
 * stored to the millisecond (0005), which a Date holds exactly.
 */
function isoFormat(date: Date): string {
  const text = date.toISOString().slice(0, -1);
  return text.endsWith('.000') ? text.slice(0, -4) : `${text}000`;
}

export function servicesFromRow(
  row: Pick<Selectable<UserTable>, 'dnd_enabled' | 'incallfilter_enabled'>,
): UserServices {
  return { dnd: { enabled: row.dnd_enabled }, incallfilter: { enabled: row.incallfilter_enabled } };
}

type ForwardColumns = Pick<
  Selectable<UserTable>,
  `forward_${'busy' | 'noanswer' | 'unconditional'}_${'enabled' | 'destination'}`
>;

export function forwardsFromRow(row: ForwardColumns): UserForwards {
  return {
    busy: { enabled: row.forward_busy_enabled, destination: row.forward_busy_destination },
    noanswer: { enabled: row.forward_noanswer_enabled, destination: row.forward_noanswer_destination },
    unconditional: {
      enabled: row.forward_unconditional_enabled,
      destination: row.forward_unconditional_destination,
    },
  };
}

/** Field by field: a page maps hundreds of rows, and a column added to the table must not leak. */
export function userFromRow(row: UserRow): User {
  return {
    id: row.id,
    uuid: row.uuid,
    tenant_uuid: row.tenant_uuid,
    firstname: row.firstname,
    lastname: row.lastname,
    email: row.email,
    timezone: row.timezone,
    language: row.language,
    description: row.description,
    caller_id: row.caller_id,
    outgoing_caller_id: row.outgoing_caller_id,
    mobile_phone_number: row.mobile_phone_number,
    mobile_fallback_enabled: row.mobile_fallback_enabled,
    username: row.username,
    password: row.password,
    music_on_hold: row.music_on_hold,
    preprocess_subroutine: row.preprocess_subroutine,
    userfield: row.userfield,
    call_transfer_enabled: row.call_transfer_enabled,
    dtmf_hangup_enabled: row.dtmf_hangup_enabled,
    call_record_enabled:
      row.call_record_outgoing_external_enabled &&
      row.call_record_outgoing_internal_enabled &&
      row.call_record_incoming_external_enabled &&
      row.call_record_incoming_internal_enabled,
    call_record_outgoing_external_enabled: row.call_record_outgoing_external_enabled,
    call_record_outgoing_internal_enabled: row.call_record_outgoing_internal_enabled,
    call_record_incoming_external_enabled: row.call_record_incoming_external_enabled,
    call_record_incoming_internal_enabled: row.call_record_incoming_internal_enabled,
    online_call_record_enabled: row.online_call_record_enabled,
    supervision_enabled: row.supervision_enabled,
    enabled: row.enabled,
    ring_seconds: row.ring_seconds,
    simultaneous_calls: row.simultaneous_calls,
    call_permission_password: row.call_permission_password,
    subscription_type: row.subscription_type,
    created_at: isoFormat(row.created_at),
    func_key_template_id: row.func_key_template_id,
    services: servicesFromRow(row),
    forwards: forwardsFromRow(row),
    ...absentUserRelations(),
    lines: [],
    groups: [],
    schedules: [],
    call_permissions: [],
    voicemail: null,
  };
}

/** The keys a user always shows, null or empty: resources wazo-ts lacks, and no fallbacks. */
export function absentUserRelations() {
  return {
    country: null,
    voicemail: null,
    agent: null,
    incalls: [],
    queues: [],
    call_permissions: [],
    call_pickup_target_users: [],
    switchboards: [],
    fallbacks: {
      noanswer_destination: null,
      busy_destination: null,
      congestion_destination: null,
      fail_destination: null,
    },
  };
}

/** The writable columns among the fields given (undefined = not given); any other key is left out. */
export function userRowValues(values: Partial<UserValues>): Updateable<UserTable> {
  const row: Record<string, unknown> = {};
  for (const key of USER_WRITABLE_COLUMNS) {
    const value = values[key];
    if (value === undefined) continue;
    row[key] = EMPTY_IS_NULL.has(key) && value === '' ? null : value;
  }
  return row as Updateable<UserTable>;
}
