/**
 * A group (ring group) as wazo-confd shows it, its create and edit inputs, and the JSON Schemas of
 * the create and edit bodies for the REST layer.
 */

import { groupFallbacksSchema } from '../fallbacks/fallbacks.model.js';
import { incallRelationSchema } from '../incalls/incalls.model.js';
import { linked, nullable, type Static, stringEnum, Type } from '../schema.js';

export const RING_STRATEGIES = [
  'all',
  'random',
  'least_recent',
  'linear',
  'fewest_calls',
  'memorized_round_robin',
  'weight_random',
] as const;
export type RingStrategy = (typeof RING_STRATEGIES)[number];

export const CALLER_ID_MODES = ['prepend', 'overwrite', 'append'] as const;
export type CallerIdMode = (typeof CALLER_ID_MODES)[number];

/** A member user as the service reads and writes it. */
export interface GroupMemberUser {
  uuid: string;
  priority: number;
}

const text = () => nullable(Type.String());
/** Linked by uuid: Wazo's href ends with the user's id, which this summary does not carry. */
const memberSummarySchema = linked(
  'users',
  { uuid: Type.String(), firstname: Type.String(), lastname: text(), priority: Type.Integer() },
  'uuid',
);
export type GroupMemberSummary = Static<typeof memberSummarySchema>;

const scheduleSummarySchema = linked('schedules', { id: Type.Integer(), name: text() });
export type GroupScheduleSummary = Static<typeof scheduleSummarySchema>;

/** What a group shows of other resources (its incalls: those whose destination is the group). */
const relationFields = {
  members: Type.Object({
    users: Type.Array(memberSummarySchema),
    extensions: Type.Array(
      Type.Object({ exten: Type.String(), context: Type.String(), priority: Type.Integer() }),
    ),
  }),
  extensions: Type.Array(
    linked('extensions', { id: Type.Integer(), exten: Type.String(), context: Type.String() }),
  ),
  schedules: Type.Array(scheduleSummarySchema),
  incalls: Type.Array(incallRelationSchema),
  call_permissions: Type.Array(linked('callpermissions', { id: Type.Integer(), name: Type.String() })),
  fallbacks: groupFallbacksSchema,
};
const relationsSchema = Type.Object(relationFields);
export type GroupRelations = Static<typeof relationsSchema>;

const groupFields = {
  id: Type.Integer(),
  uuid: Type.String(),
  tenant_uuid: Type.String(),
  /** `grp-{tenant_slug}-{uuid}`, set at creation. */
  name: Type.String(),
  label: Type.String(),
  ring_strategy: stringEnum(RING_STRATEGIES),
  timeout: nullable(Type.Integer()),
  user_timeout: nullable(Type.Integer()),
  retry_delay: nullable(Type.Integer()),
  music_on_hold: text(),
  preprocess_subroutine: text(),
  caller_id_mode: nullable(stringEnum(CALLER_ID_MODES)),
  caller_id_name: text(),
  dtmf_record_toggle: Type.Boolean(),
  ring_in_use: Type.Boolean(),
  mark_answered_elsewhere: Type.Boolean(),
  enabled: Type.Boolean(),
  ignore_forward: Type.Boolean(),
  max_calls: nullable(Type.Integer()),
};
const fieldsSchema = Type.Object(groupFields);
export type GroupFields = Static<typeof fieldsSchema>;

/** `GET /groups/{id}`. */
export const groupSchema = linked('groups', { ...groupFields, ...relationFields }, 'uuid');
export type Group = Static<typeof groupSchema>;

export type GroupCreate = Partial<Omit<GroupFields, 'id' | 'uuid' | 'tenant_uuid' | 'name'>> & {
  label: string;
};

/** A partial edit. Quirk kept by the REST layer, not here: Wazo's PUT resets an absent ignore_forward. */
export type GroupEdit = Partial<GroupCreate>;

/** What the dao stores at creation: the input plus the identity the service chose. */
export interface GroupRow extends GroupCreate {
  uuid: string;
  tenant_uuid: string;
  name: string;
}

/**
 * The settable fields of a body; the deprecated `name` (Wazo 21.04) becomes the label when no
 * label is given, on create and edit alike.
 */
export function groupInputOf<T extends GroupEdit>(body: T & { name?: unknown }): T {
  const picked: Record<string, unknown> = {};
  for (const key of EDITABLE) if (body[key] !== undefined) picked[key] = body[key];
  if (picked.label === undefined && typeof body.name === 'string') picked.label = body.name;
  return picked as T;
}

const optional = Type.Optional;
const nullableInt = () => optional(nullable(Type.Integer({ minimum: 0 })));

const groupProperties = {
  label: optional(Type.String({ maxLength: 128, pattern: '^[-_.a-zA-Z0-9 ]+$' })),
  ring_strategy: optional(stringEnum(RING_STRATEGIES)),
  timeout: nullableInt(),
  user_timeout: nullableInt(),
  retry_delay: nullableInt(),
  music_on_hold: optional(nullable(Type.String({ maxLength: 128 }))),
  preprocess_subroutine: optional(nullable(Type.String({ maxLength: 79 }))),
  caller_id_mode: optional(nullable(stringEnum(CALLER_ID_MODES))),
  caller_id_name: optional(nullable(Type.String({ maxLength: 80 }))),
  dtmf_record_toggle: optional(Type.Boolean()),
  ring_in_use: optional(Type.Boolean()),
  mark_answered_elsewhere: optional(Type.Boolean()),
  enabled: optional(Type.Boolean()),
  ignore_forward: optional(Type.Boolean()),
  max_calls: nullableInt(),
  /** Deprecated since Wazo 21.04: copied to `label` when `label` is absent (REST layer). */
  name: optional(Type.String()),
};

/**
 * The fields a caller sets, taken from the schema (the deprecated `name` only stands for the
 * label): anything else in a body, read-only or unknown, is dropped, as marshmallow does.
 */
const EDITABLE = Object.keys(groupProperties).filter((key) => key !== 'name') as readonly Exclude<
  keyof typeof groupProperties,
  'name'
>[];

const groupCreateObject = Type.Object(groupProperties, {
  anyOf: [{ required: ['label'] }, { required: ['name'] }],
});
/** The schema's type, with its `anyOf` kept: a label, or the deprecated name standing for it. */
export type GroupCreateBody = Static<typeof groupCreateObject> & ({ label: string } | { name: string });

/** `POST /groups`: a label, or the deprecated name. */
export const groupCreateSchema = Type.Unsafe<GroupCreateBody>(groupCreateObject);

/** `PUT /groups/{id}`. */
export const groupEditSchema = Type.Object(groupProperties);
