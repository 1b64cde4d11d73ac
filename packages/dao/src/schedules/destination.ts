/**
 * Destinations (where a call goes: a user, a group, a hangup...), as wazo-confd accepts them in
 * a schedule's `closed_destination` and exceptional periods. One table of fields per type drives
 * both the JSON Schema for the REST layer and the check the validator runs on other callers' input.
 */

type FieldKind = 'integer' | 'number' | 'string' | 'boolean' | 'object' | 'uuid';

export interface FieldSpec {
  kind: FieldKind;
  required?: boolean;
  nullable?: boolean;
  pattern?: string;
  maxLength?: number;
  enum?: readonly string[];
  minimum?: number;
  /** A string format the value must have (marshmallow's `fields.Email`). */
  format?: 'email';
}

const CONTEXT = '^[a-zA-Z0-9_-]{1,79}$';
const ringTime: FieldSpec = { kind: 'number', nullable: true, minimum: 0 };
const id: FieldSpec = { kind: 'integer', required: true };
const pin: FieldSpec = { kind: 'string', nullable: true, pattern: '^[0-9]+$', maxLength: 40 };
const context: FieldSpec = { kind: 'string', required: true, pattern: CONTEXT };

export const DESTINATION_TYPES = [
  'application',
  'conference',
  'custom',
  'extension',
  'group',
  'hangup',
  'ivr',
  'none',
  'outcall',
  'queue',
  'sound',
  'switchboard',
  'user',
  'voicemail',
] as const;

export type DestinationType = (typeof DESTINATION_TYPES)[number];

/** Fields of each type, after `type` (and of each application / hangup cause, keyed `type:sub`). */
export const DESTINATION_FIELDS: Record<string, Record<string, FieldSpec>> = {
  application: {
    application: {
      kind: 'string',
      required: true,
      enum: ['callback_disa', 'custom', 'directory', 'disa', 'fax_to_mail', 'voicemail'],
    },
  },
  'application:callback_disa': { pin, context },
  'application:custom': { application_uuid: { kind: 'uuid', required: true } },
  'application:directory': { context },
  'application:disa': { pin, context },
  'application:fax_to_mail': { email: { kind: 'string', required: true, maxLength: 80, format: 'email' } },
  'application:voicemail': { context },
  conference: { conference_id: id },
  custom: {
    command: {
      kind: 'string',
      required: true,
      maxLength: 255,
      pattern: '^(?!(try)?system\\()[a-zA-Z]{3,}\\((.*)\\)$',
    },
  },
  extension: { exten: { kind: 'string', required: true, pattern: '^[0-9*#]{1,255}$' }, context },
  group: { group_id: id, ring_time: ringTime },
  hangup: { cause: { kind: 'string', required: true, enum: ['busy', 'congestion', 'normal'] } },
  'hangup:busy': { timeout: { kind: 'number', nullable: true, minimum: 0 } },
  'hangup:congestion': { timeout: { kind: 'number', nullable: true, minimum: 0 } },
  'hangup:normal': {},
  ivr: { ivr_id: id },
  none: {},
  outcall: { outcall_id: id, exten: { kind: 'string', required: true, pattern: '^[0-9]+$', maxLength: 255 } },
  queue: {
    queue_id: id,
    ring_time: ringTime,
    skill_rule_id: { kind: 'integer', nullable: true },
    skill_rule_variables: { kind: 'object', nullable: true },
  },
  sound: {
    filename: { kind: 'string', required: true, maxLength: 255 },
    skip: { kind: 'boolean' },
    no_answer: { kind: 'boolean' },
  },
  switchboard: { switchboard_uuid: { kind: 'uuid', required: true }, ring_time: ringTime },
  user: { user_id: id, ring_time: ringTime, moh_uuid: { kind: 'uuid', nullable: true } },
  voicemail: {
    voicemail_id: id,
    skip_instructions: { kind: 'boolean' },
    greeting: { kind: 'string', nullable: true, enum: ['busy', 'unavailable'] },
  },
};

/** A destination as the API shows it: `type` plus that type's fields. */
export type Destination = { type: DestinationType } & Record<string, unknown>;

/** The field tables that apply to a destination: its type's, then its subtype's. */
export function fieldTablesOf(destination: { type: string } & Record<string, unknown>) {
  const base = DESTINATION_FIELDS[destination.type] ?? {};
  const sub = destination.application ?? destination.cause;
  const extra = typeof sub === 'string' ? DESTINATION_FIELDS[`${destination.type}:${sub}`] : undefined;
  return { ...base, ...(extra ?? {}) };
}
