/**
 * Between the users row and the model: services and forwards columns become their nested
 * objects, and the text fields Wazo reads '' as null are written as NULL, so '' never shows.
 */
import type { Selectable, Updateable } from 'kysely';
import type { UserForwards } from '../user-forwards/user-forwards.model.js';
import type { UserServices } from '../user-services/user-services.model.js';
import type { User, UserValues } from './users.model.js';
import type { UserTable } from './users.tables.js';

export type UserRow = Selectable<UserTable> & { created_at_text: string };

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

/** Python's isoformat() leaves out a zero fraction of a second. */
const isoFormat = (text: string): string => text.replace(/\.0{6}$/, '');

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

export function userFromRow(row: UserRow): User {
  const {
    created_at: _createdAt,
    created_at_text,
    fullname: _fullname,
    dnd_enabled: _dnd,
    incallfilter_enabled: _incallfilter,
    ...own
  } = row;
  const fields = Object.fromEntries(Object.entries(own).filter(([key]) => !key.startsWith('forward_')));
  const user = fields as Omit<
    User,
    'created_at' | 'call_record_enabled' | 'services' | 'forwards' | 'lines' | 'groups' | 'schedules'
  >;
  return {
    ...user,
    call_record_enabled:
      row.call_record_outgoing_external_enabled &&
      row.call_record_outgoing_internal_enabled &&
      row.call_record_incoming_external_enabled &&
      row.call_record_incoming_internal_enabled,
    created_at: isoFormat(created_at_text),
    services: servicesFromRow(row),
    forwards: forwardsFromRow(row),
    lines: [],
    groups: [],
    schedules: [],
  };
}

/** The columns to write for the fields given (undefined = not given). */
export function userRowValues(values: Partial<UserValues>): Updateable<UserTable> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    row[key] = EMPTY_IS_NULL.has(key) && value === '' ? null : value;
  }
  return row as Updateable<UserTable>;
}
