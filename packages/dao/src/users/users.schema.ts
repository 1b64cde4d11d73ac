/**
 * The user bodies with wazo-confd's constraints (types, lengths, patterns, ranges), for the REST
 * layer to validate raw JSON before calling the service; their types are derived from them.
 * Booleans are strict (JSON true/false only), as confd's StrictBoolean. The patterns are Wazo's,
 * written for ECMAScript's unicode mode.
 */
import { nullable, type Static, Type } from '../schema.js';

const nullableString = (maxLength?: number, pattern?: string) =>
  nullable(
    Type.String({
      ...(maxLength === undefined ? {} : { maxLength }),
      ...(pattern === undefined ? {} : { pattern }),
    }),
  );

const optional = Type.Optional;
const bool = () => optional(Type.Boolean());
const nullableBool = () => optional(nullable(Type.Boolean()));
const nullableInt = (minimum: number, maximum: number) =>
  optional(nullable(Type.Integer({ minimum, maximum })));
const text = (maxLength?: number, pattern?: string) => optional(nullableString(maxLength, pattern));

export const USERNAME_PATTERN = "^[a-zA-Z0-9\\-._~!$&'()*+,;=%@]{2,254}$";
export const PASSWORD_PATTERN = "^[a-zA-Z0-9\\-._~!$&'()*+,;=%]{4,64}$";
export const CALLER_ID_PATTERN = '^"(.*)"( <\\+?\\d+>)?$';
export const MOBILE_PHONE_NUMBER_PATTERN = '^\\+?[0-9*#]+$';
export const LANGUAGE_PATTERN = '^[a-z]{2}_[A-Z]{2}$';
export const CALL_PERMISSION_PASSWORD_PATTERN = '^[0-9#*]{1,16}$';

/** The fields a client may write, all but firstname optional; null clears (or means default). */
const properties = {
  firstname: Type.String({ maxLength: 128 }),
  lastname: text(128),
  email: optional(nullable(Type.String({ format: 'email', maxLength: 254 }))),
  timezone: text(128),
  language: text(undefined, LANGUAGE_PATTERN),
  description: text(),
  caller_id: text(160, CALLER_ID_PATTERN),
  outgoing_caller_id: text(80),
  mobile_phone_number: text(80, MOBILE_PHONE_NUMBER_PATTERN),
  mobile_fallback_enabled: bool(),
  username: text(undefined, USERNAME_PATTERN),
  /** Wazo stores and returns this legacy (CTI) password as given. */
  password: text(undefined, PASSWORD_PATTERN),
  music_on_hold: text(128),
  preprocess_subroutine: text(79),
  userfield: text(128),
  call_transfer_enabled: nullableBool(),
  dtmf_hangup_enabled: nullableBool(),
  /** Deprecated: sets the four call_record_* flags at once; cannot be mixed with them. */
  call_record_enabled: nullableBool(),
  call_record_outgoing_external_enabled: bool(),
  call_record_outgoing_internal_enabled: bool(),
  call_record_incoming_external_enabled: bool(),
  call_record_incoming_internal_enabled: bool(),
  online_call_record_enabled: nullableBool(),
  supervision_enabled: nullableBool(),
  enabled: nullableBool(),
  ring_seconds: nullableInt(0, 10800),
  simultaneous_calls: nullableInt(1, 20),
  call_permission_password: text(undefined, CALL_PERMISSION_PASSWORD_PATTERN),
  subscription_type: optional(Type.Integer({ minimum: 0, maximum: 10 })),
  func_key_template_id: optional(nullable(Type.Integer())),
};

/** `POST /users` (the user's own fields; confd adds its relation fields around them). */
export const userCreateSchema = Type.Object(properties);

/** `PUT /users/{id}`: partial, but firstname cannot be null. */
export const userEditSchema = Type.Object({ ...properties, firstname: optional(properties.firstname) });

export type UserFields = Static<typeof userCreateSchema>;

/**
 * The users table's writable columns, taken from the schema: the DAO writes these and no other
 * key of what it is given (the deprecated call_record_enabled is expanded into four of them).
 */
export const USER_WRITABLE_COLUMNS = Object.keys(properties).filter(
  (field) => field !== 'call_record_enabled',
) as readonly Exclude<keyof UserFields, 'call_record_enabled'>[];
