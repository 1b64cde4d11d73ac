/**
 * JSON Schemas of the user bodies with wazo-confd's constraints (types, lengths, patterns,
 * ranges), for the REST layer to validate raw JSON before calling the service. Booleans are
 * strict (JSON true/false only), as confd's StrictBoolean. The patterns are Wazo's, written
 * for ECMAScript's unicode mode.
 */
const nullableString = (maxLength?: number, pattern?: string) =>
  ({
    type: ['string', 'null'],
    ...(maxLength === undefined ? {} : { maxLength }),
    ...(pattern === undefined ? {} : { pattern }),
  }) as const;

const bool = { type: 'boolean' } as const;
const nullableBool = { type: ['boolean', 'null'] } as const;
const nullableInt = (minimum: number, maximum: number) =>
  ({ type: ['integer', 'null'], minimum, maximum }) as const;

export const USERNAME_PATTERN = "^[a-zA-Z0-9\\-._~!$&'()*+,;=%@]{2,254}$";
export const PASSWORD_PATTERN = "^[a-zA-Z0-9\\-._~!$&'()*+,;=%]{4,64}$";
export const CALLER_ID_PATTERN = '^"(.*)"( <\\+?\\d+>)?$';
export const MOBILE_PHONE_NUMBER_PATTERN = '^\\+?[0-9*#]+$';
export const LANGUAGE_PATTERN = '^[a-z]{2}_[A-Z]{2}$';
export const CALL_PERMISSION_PASSWORD_PATTERN = '^[0-9#*]{1,16}$';

const properties = {
  firstname: { type: 'string', maxLength: 128 },
  lastname: nullableString(128),
  email: { type: ['string', 'null'], format: 'email', maxLength: 254 },
  timezone: nullableString(128),
  language: nullableString(undefined, LANGUAGE_PATTERN),
  description: nullableString(),
  caller_id: nullableString(160, CALLER_ID_PATTERN),
  outgoing_caller_id: nullableString(80),
  mobile_phone_number: nullableString(80, MOBILE_PHONE_NUMBER_PATTERN),
  mobile_fallback_enabled: bool,
  username: nullableString(undefined, USERNAME_PATTERN),
  password: nullableString(undefined, PASSWORD_PATTERN),
  music_on_hold: nullableString(128),
  preprocess_subroutine: nullableString(79),
  userfield: nullableString(128),
  call_transfer_enabled: nullableBool,
  dtmf_hangup_enabled: nullableBool,
  call_record_enabled: nullableBool,
  call_record_outgoing_external_enabled: bool,
  call_record_outgoing_internal_enabled: bool,
  call_record_incoming_external_enabled: bool,
  call_record_incoming_internal_enabled: bool,
  online_call_record_enabled: nullableBool,
  supervision_enabled: nullableBool,
  enabled: nullableBool,
  ring_seconds: nullableInt(0, 10800),
  simultaneous_calls: nullableInt(1, 20),
  call_permission_password: nullableString(undefined, CALL_PERMISSION_PASSWORD_PATTERN),
  subscription_type: { type: 'integer', minimum: 0, maximum: 10 },
  func_key_template_id: { type: ['integer', 'null'] },
} as const;

/** `POST /users` (the user's own fields; confd adds its relation fields around them). */
export const userCreateSchema = {
  type: 'object',
  properties,
  required: ['firstname'],
} as const;

/** `PUT /users/{id}`: partial, but firstname cannot be null. */
export const userEditSchema = {
  type: 'object',
  properties,
} as const;
