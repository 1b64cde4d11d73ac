/**
 * The business rules that shape a user's fields before they are stored: the deprecated
 * `call_record_enabled`, nulls on fields that cannot be null, and the default caller id.
 */
import { inputError } from '../errors.js';
import type { UserEdit, UserValues } from './users.model.js';

const CALL_RECORD_FLAGS = [
  'call_record_outgoing_external_enabled',
  'call_record_outgoing_internal_enabled',
  'call_record_incoming_external_enabled',
  'call_record_incoming_internal_enabled',
] as const;

/** confd accepts null for these and then keeps the default (create) or the current value (edit). */
const NULL_MEANS_UNSET = [
  'call_transfer_enabled',
  'dtmf_hangup_enabled',
  'online_call_record_enabled',
  'supervision_enabled',
  'enabled',
  'ring_seconds',
  'simultaneous_calls',
] as const;

/** Wazo 20.01 deprecated `call_record_enabled`: it sets the four flags, and cannot be mixed with them. */
function expandCallRecord(input: UserEdit): Partial<UserValues> {
  const { call_record_enabled: deprecated, ...values } = input;
  if (deprecated === undefined || deprecated === null) return values;
  if (CALL_RECORD_FLAGS.some((flag) => values[flag] !== undefined && values[flag] !== null)) {
    throw inputError(
      `_schema: ["'call_record_enabled' is deprecated and incompatible with 'call_record_*_enabled' options"]`,
    );
  }
  return { ...values, ...Object.fromEntries(CALL_RECORD_FLAGS.map((flag) => [flag, deprecated])) };
}

/** The fields to write for an input: deprecated field expanded, "unset" nulls dropped. */
export function userValuesOf(input: UserEdit): Partial<UserValues> {
  const values: Record<string, unknown> = expandCallRecord(input);
  for (const field of NULL_MEANS_UNSET) if (values[field] === null) delete values[field];
  return values as Partial<UserValues>;
}

/** Wazo's default caller id: the full name in double quotes, `"Firstname Lastname"`. */
export function defaultCallerId(firstname: string, lastname: string | null | undefined): string {
  return lastname ? `"${firstname} ${lastname}"` : `"${firstname}"`;
}
