/**
 * A queue as wazo-confd shows it (`/queues`): its settings, Asterisk options, wait destinations,
 * extension, schedule, members (users and agents) (its fallbacks are read apart, as Wazo); the create and edit bodies; the
 * member bodies.
 */
import type { Destination } from '../schedules/destination.js';
import { destinationAnswerJsonSchema, destinationJsonSchema } from '../schedules/destination-check.js';
import { linked, nullable, type Static, stringEnum, stringPair, Type } from '../schema.js';

export const QUEUE_CALLER_ID_MODES = ['prepend', 'overwrite', 'append'] as const;

/** xivo-dao's DEFAULT_QUEUE_OPTIONS: every queue has them, the ones given replace their value. */
export const DEFAULT_QUEUE_OPTIONS: readonly [string, string][] = [
  ['timeout', '15'],
  ['queue-youarenext', 'queue-youarenext'],
  ['queue-thereare', 'queue-thereare'],
  ['queue-callswaiting', 'queue-callswaiting'],
  ['queue-holdtime', 'queue-holdtime'],
  ['queue-minutes', 'queue-minutes'],
  ['queue-seconds', 'queue-seconds'],
  ['queue-thankyou', 'queue-thankyou'],
  ['queue-reporthold', 'queue-reporthold'],
  ['periodic-announce', 'queue-periodic-announce'],
  ['announce-frequency', '0'],
  ['periodic-announce-frequency', '0'],
  ['announce-round-seconds', '0'],
  ['announce-holdtime', 'no'],
  ['retry', '5'],
  ['wrapuptime', '0'],
  ['maxlen', '0'],
  ['servicelevel', '0'],
  ['strategy', 'ringall'],
  ['memberdelay', '0'],
  ['weight', '0'],
  ['timeoutpriority', 'conf'],
  ['setqueueentryvar', '1'],
  ['setqueuevar', '1'],
];

/** The defaults with `given` merged in, as xivo-dao merges them (a later pair wins). */
export function mergeQueueOptions(given: readonly (readonly [string, string])[]): [string, string][] {
  const merged = new Map<string, string>(DEFAULT_QUEUE_OPTIONS);
  for (const [key, value] of given) merged.set(key, value);
  return [...merged.entries()];
}

const text = () => nullable(Type.String());
const destinationAnswer = Type.Unsafe<Destination>(destinationAnswerJsonSchema);
const destinationInput = Type.Unsafe<Destination>(destinationJsonSchema);

const settings = {
  label: text(),
  data_quality: Type.Boolean(),
  dtmf_hangup_callee_enabled: Type.Boolean(),
  dtmf_hangup_caller_enabled: Type.Boolean(),
  dtmf_transfer_callee_enabled: Type.Boolean(),
  dtmf_transfer_caller_enabled: Type.Boolean(),
  dtmf_record_callee_enabled: Type.Boolean(),
  dtmf_record_caller_enabled: Type.Boolean(),
  dtmf_record_toggle: Type.Boolean(),
  retry_on_timeout: Type.Boolean(),
  ring_on_hold: Type.Boolean(),
  timeout: nullable(Type.Integer()),
  announce_hold_time_on_entry: Type.Boolean(),
  ignore_forward: Type.Boolean(),
  preprocess_subroutine: text(),
  music_on_hold: text(),
  wait_time_threshold: nullable(Type.Integer()),
  wait_ratio_threshold: nullable(Type.Number()),
  caller_id_mode: nullable(stringEnum(QUEUE_CALLER_ID_MODES)),
  caller_id_name: text(),
  mark_answered_elsewhere: Type.Boolean(),
  enabled: Type.Boolean(),
};
export type QueueSettings = Static<ReturnType<typeof Type.Object<typeof settings>>>;

const queueFields = {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  name: Type.String(),
  ...settings,
  options: Type.Array(stringPair),
};
const fieldsSchema = Type.Object(queueFields);
export type QueueFields = Static<typeof fieldsSchema>;

export const queueMemberAgentSchema = linked('agents', {
  priority: Type.Integer(),
  penalty: Type.Integer(),
  id: Type.Integer(),
  number: Type.String(),
  firstname: text(),
  lastname: text(),
});
export const queueMemberUserSchema = linked(
  'users',
  { priority: Type.Integer(), uuid: Type.String(), firstname: Type.String(), lastname: text() },
  'uuid',
);

const relationFields = {
  wait_time_destination: Type.Union([destinationAnswer, Type.Null()]),
  wait_ratio_destination: Type.Union([destinationAnswer, Type.Null()]),
  extensions: Type.Array(
    linked('extensions', { id: Type.Integer(), exten: Type.String(), context: Type.String() }),
  ),
  schedules: Type.Array(linked('schedules', { id: Type.Integer(), name: text() })),
  members: Type.Object({
    agents: Type.Array(queueMemberAgentSchema),
    users: Type.Array(queueMemberUserSchema),
  }),
};
const relationsSchema = Type.Object(relationFields);
export type QueueRelations = Static<typeof relationsSchema>;

/** `GET /queues/{id}`. */
export const queueSchema = linked('queues', { ...queueFields, ...relationFields });
export type Queue = Static<typeof queueSchema>;

const optional = Type.Optional;
const bool = () => optional(Type.Boolean());
const inputProperties = {
  name: Type.String({ pattern: '^[-_.a-zA-Z0-9]+$', maxLength: 128, not: { const: 'general' } }),
  label: optional(nullable(Type.String({ maxLength: 128 }))),
  data_quality: bool(),
  dtmf_hangup_callee_enabled: bool(),
  dtmf_hangup_caller_enabled: bool(),
  dtmf_transfer_callee_enabled: bool(),
  dtmf_transfer_caller_enabled: bool(),
  dtmf_record_callee_enabled: bool(),
  dtmf_record_caller_enabled: bool(),
  dtmf_record_toggle: bool(),
  retry_on_timeout: bool(),
  ring_on_hold: bool(),
  timeout: optional(nullable(Type.Integer({ minimum: 0 }))),
  announce_hold_time_on_entry: bool(),
  ignore_forward: bool(),
  preprocess_subroutine: optional(nullable(Type.String({ maxLength: 79 }))),
  music_on_hold: optional(nullable(Type.String({ maxLength: 128 }))),
  wait_time_threshold: optional(nullable(Type.Integer({ minimum: 0 }))),
  wait_time_destination: optional(Type.Union([destinationInput, Type.Null()])),
  wait_ratio_threshold: optional(nullable(Type.Number({ minimum: 0 }))),
  wait_ratio_destination: optional(Type.Union([destinationInput, Type.Null()])),
  caller_id_mode: optional(nullable(stringEnum(QUEUE_CALLER_ID_MODES))),
  caller_id_name: optional(nullable(Type.String({ maxLength: 80 }))),
  mark_answered_elsewhere: bool(),
  enabled: bool(),
  options: optional(Type.Array(Type.Array(Type.String(), { minItems: 2, maxItems: 2 }))),
};

/** `POST /queues`: a name (not `general`), unique across tenants and groups. */
export const queueCreateSchema = Type.Object(inputProperties);
export type QueueCreate = Static<typeof queueCreateSchema>;

/** `PUT /queues/{id}`: what is given changes; the name cannot (Wazo's dump-only on PUT). */
const { name: _name, ...editProperties } = inputProperties;
export const queueEditSchema = Type.Object(editProperties);
export type QueueEdit = Static<typeof queueEditSchema>;

/** The columns a body sets (not the name, the destinations nor the options). */
export const QUEUE_SETTING_KEYS = Object.keys(settings) as (keyof QueueSettings)[];

/** `PUT /queues/{id}/members/agents/{agent_id}`. */
export const queueMemberAgentBodySchema = Type.Object({
  penalty: optional(Type.Integer({ minimum: 0 })),
  priority: optional(Type.Integer({ minimum: 0 })),
});
export type QueueMemberAgentBody = Static<typeof queueMemberAgentBodySchema>;

/** `PUT /queues/{id}/members/users/{user_id}`. */
export const queueMemberUserBodySchema = Type.Object({
  priority: optional(Type.Integer({ minimum: 0 })),
});
export type QueueMemberUserBody = Static<typeof queueMemberUserBodySchema>;
