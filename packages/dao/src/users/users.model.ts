/**
 * A user as wazo-confd answers it (`GET /users/{id}`), with Wazo's field names. Relations owned by
 * other resources (lines, groups, schedules) are empty here: confd fills them by asking those
 * resources' services. Services and forwards live on the user row, so they come with it.
 */
import type { UserForwards } from '../user-forwards/user-forwards.model.js';
import type { UserServices } from '../user-services/user-services.model.js';

export interface User {
  id: number;
  uuid: string;
  tenant_uuid: string;
  firstname: string;
  lastname: string | null;
  email: string | null;
  timezone: string | null;
  language: string | null;
  description: string | null;
  caller_id: string | null;
  outgoing_caller_id: string | null;
  mobile_phone_number: string | null;
  mobile_fallback_enabled: boolean;
  username: string | null;
  /** Wazo stores and returns this legacy (CTI) password as given. */
  password: string | null;
  music_on_hold: string | null;
  preprocess_subroutine: string | null;
  userfield: string | null;
  call_transfer_enabled: boolean;
  dtmf_hangup_enabled: boolean;
  /** Deprecated (Wazo 20.01): true when the four call_record_* flags are all true. */
  call_record_enabled: boolean;
  call_record_outgoing_external_enabled: boolean;
  call_record_outgoing_internal_enabled: boolean;
  call_record_incoming_external_enabled: boolean;
  call_record_incoming_internal_enabled: boolean;
  online_call_record_enabled: boolean;
  supervision_enabled: boolean;
  enabled: boolean;
  ring_seconds: number;
  simultaneous_calls: number;
  call_permission_password: string | null;
  subscription_type: number;
  /** UTC, as Python's `isoformat()` of a naive datetime writes it: `2024-05-01T08:30:00.123456`. */
  created_at: string;
  func_key_template_id: number | null;
  services: UserServices;
  forwards: UserForwards;
  /** Filled by confd from the lines, groups and schedules services. */
  lines: Record<string, unknown>[];
  groups: Record<string, unknown>[];
  schedules: Record<string, unknown>[];
}

/** The fields a client may write, all but firstname optional; null clears (or means default). */
export interface UserFields {
  firstname: string;
  lastname?: string | null;
  email?: string | null;
  timezone?: string | null;
  language?: string | null;
  description?: string | null;
  caller_id?: string | null;
  outgoing_caller_id?: string | null;
  mobile_phone_number?: string | null;
  mobile_fallback_enabled?: boolean;
  username?: string | null;
  password?: string | null;
  music_on_hold?: string | null;
  preprocess_subroutine?: string | null;
  userfield?: string | null;
  call_transfer_enabled?: boolean | null;
  dtmf_hangup_enabled?: boolean | null;
  /** Deprecated: sets the four call_record_* flags at once; cannot be mixed with them. */
  call_record_enabled?: boolean | null;
  call_record_outgoing_external_enabled?: boolean;
  call_record_outgoing_internal_enabled?: boolean;
  call_record_incoming_external_enabled?: boolean;
  call_record_incoming_internal_enabled?: boolean;
  online_call_record_enabled?: boolean | null;
  supervision_enabled?: boolean | null;
  enabled?: boolean | null;
  ring_seconds?: number | null;
  simultaneous_calls?: number | null;
  call_permission_password?: string | null;
  subscription_type?: number;
  func_key_template_id?: number | null;
}

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
