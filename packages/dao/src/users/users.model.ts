/**
 * A user as wazo-confd answers it (`GET /users/{id}`), with Wazo's field names. Relations owned by
 * other resources (lines, groups, schedules) are empty here: confd fills them by asking those
 * resources' services. Services and forwards live on the user row, so they come with it.
 */
import { userFallbacksSchema } from '../fallbacks/fallbacks.model.js';
import { incallRelationSchema } from '../incalls/incalls.model.js';
import { lineSchema } from '../lines/lines.model.js';
import { linked, nullable, type Static, Type } from '../schema.js';
import { userForwardsAnswerSchema } from '../user-forwards/user-forwards.model.js';
import { userServicesAnswerSchema } from '../user-services/user-services.model.js';
import type { UserFields } from './users.schema.js';

const text = () => nullable(Type.String());

// A user's call services and forwards come with it, shaped as their own routes show them.
export { userForwardsAnswerSchema, userServicesAnswerSchema };

/** A group in a user's `groups`. */
export const userGroupSummarySchema = linked(
  'groups',
  { id: Type.Integer(), uuid: Type.String(), name: Type.String() },
  'uuid',
);
export type UserGroupSummary = Static<typeof userGroupSummarySchema>;

/** A schedule in a user's `schedules`. */
export const userScheduleSummarySchema = linked('schedules', { id: Type.Integer(), name: text() });

/**
 * What a user shows of resources wazo-ts does not have yet, always present as Wazo has them:
 * null or empty, with the item shapes Wazo's nested schemas dump.
 */
const absentRelationFields = {
  /** The tenant's country in Wazo; tenants here have none. */
  country: nullable(Type.String()),
  /** The user's agent (user_agent): its id and number. */
  agent: nullable(linked('agents', { id: Type.Integer(), number: Type.String() })),
  incalls: Type.Array(incallRelationSchema),
  queues: Type.Array(linked('queues', { id: Type.Integer(), name: Type.String(), label: text() })),
  call_pickup_target_users: Type.Array(
    linked('users', { uuid: Type.String(), firstname: Type.String(), lastname: text() }, 'uuid'),
  ),
  switchboards: Type.Array(linked('switchboards', { uuid: Type.String(), name: Type.String() }, 'uuid')),
};

/** A call permission in a user's `call_permissions`. */
export const userCallPermissionSummarySchema = linked('callpermissions', {
  id: Type.Integer(),
  name: Type.String(),
});
/** A user's `voicemail` (Wazo adds its links). */
export const userVoicemailSummarySchema = linked('voicemails', { id: Type.Integer(), name: Type.String() });

const userFields = {
  id: Type.Integer(),
  uuid: Type.String(),
  tenant_uuid: Type.String(),
  firstname: Type.String(),
  lastname: text(),
  email: text(),
  timezone: text(),
  language: text(),
  description: text(),
  caller_id: text(),
  outgoing_caller_id: text(),
  mobile_phone_number: text(),
  mobile_fallback_enabled: Type.Boolean(),
  username: text(),
  /** Wazo stores and returns this legacy (CTI) password as given. */
  password: text(),
  music_on_hold: text(),
  preprocess_subroutine: text(),
  userfield: text(),
  call_transfer_enabled: Type.Boolean(),
  dtmf_hangup_enabled: Type.Boolean(),
  /** Deprecated (Wazo 20.01): true when the four call_record_* flags are all true. */
  call_record_enabled: Type.Boolean(),
  call_record_outgoing_external_enabled: Type.Boolean(),
  call_record_outgoing_internal_enabled: Type.Boolean(),
  call_record_incoming_external_enabled: Type.Boolean(),
  call_record_incoming_internal_enabled: Type.Boolean(),
  online_call_record_enabled: Type.Boolean(),
  supervision_enabled: Type.Boolean(),
  enabled: Type.Boolean(),
  ring_seconds: Type.Integer(),
  simultaneous_calls: Type.Integer(),
  call_permission_password: text(),
  subscription_type: Type.Integer(),
  /** UTC, as Python's `isoformat()` of a naive datetime writes it: `2024-05-01T08:30:00.123456`. */
  created_at: Type.String(),
  func_key_template_id: nullable(Type.Integer()),
  services: userServicesAnswerSchema,
  forwards: userForwardsAnswerSchema,
  ...absentRelationFields,
  /** The stored ones, as `GET /users/{id}/fallbacks` shows them. */
  fallbacks: userFallbacksSchema,
};

/**
 * `GET /users/{id}`: the user with `lines` (each as `GET /lines/{id}` shows it, main line first),
 * `groups`, `schedules` and `voicemail`; a list shows each user so too, its relations empty.
 */
export const userSchema = linked('users', {
  ...userFields,
  lines: Type.Array(lineSchema),
  groups: Type.Array(userGroupSummarySchema),
  schedules: Type.Array(userScheduleSummarySchema),
  call_permissions: Type.Array(userCallPermissionSummarySchema),
  voicemail: nullable(userVoicemailSummarySchema),
});
export type UserWithRelations = Static<typeof userSchema>;

/** A user as the users service reads it: its relations empty, for confd to fill (see above). */
export type User = UserWithRelations;

export type { UserFields };
export type UserCreate = UserFields;
/** A partial edit (PUT loads partially): absent fields keep their value. */
export type UserEdit = Partial<UserFields>;

/** The fields a user's row stores, once the service applied the rules (no deprecated field). */
export type UserValues = Omit<UserFields, 'call_record_enabled'>;

/** A user by its integer id or its uuid, as confd's `/users/{id|uuid}` routes take it. */
export type UserKey = number | string;

/** Who a user event is about: the fields of Wazo's user event payloads. */
export type UserRef = Pick<User, 'id' | 'uuid' | 'tenant_uuid'>;

export { userCreateSchema, userEditSchema } from './users.schema.js';
