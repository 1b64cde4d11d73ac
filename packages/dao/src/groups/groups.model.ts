/**
 * A group (ring group) as wazo-confd shows it, its create and edit inputs, and the JSON Schemas of
 * the create and edit bodies for the REST layer.
 */

export type RingStrategy =
  | 'all'
  | 'random'
  | 'least_recent'
  | 'linear'
  | 'fewest_calls'
  | 'memorized_round_robin'
  | 'weight_random';

export type CallerIdMode = 'prepend' | 'overwrite' | 'append';

export const RING_STRATEGIES: readonly RingStrategy[] = [
  'all',
  'random',
  'least_recent',
  'linear',
  'fewest_calls',
  'memorized_round_robin',
  'weight_random',
];

/** A user member as the group reads it; firstname/lastname are the users resource's to add. */
export interface GroupMemberUser {
  uuid: string;
  priority: number;
}

/** A user member as a group shows it (`members.users`). */
export interface GroupMemberSummary {
  uuid: string;
  firstname: string;
  lastname: string | null;
  priority: number;
}

export interface GroupScheduleSummary {
  id: number;
  name: string | null;
}

/**
 * What a group shows of other resources, read-only, with Wazo's names. Extension members,
 * extensions, incalls, call permissions and fallbacks wait for their resources: always empty.
 */
export interface GroupRelations {
  members: {
    users: GroupMemberSummary[];
    extensions: { exten: string; context: string; priority: number }[];
  };
  extensions: { id: number; exten: string; context: string }[];
  schedules: GroupScheduleSummary[];
  incalls: { id: number }[];
  call_permissions: { id: number; name: string }[];
  fallbacks: { noanswer_destination: null; congestion_destination: null };
}

/** A group's own fields, as stored. */
export interface GroupFields {
  id: number;
  uuid: string;
  tenant_uuid: string;
  /** `grp-{tenant_slug}-{uuid}`, set at creation. */
  name: string;
  label: string;
  ring_strategy: RingStrategy;
  timeout: number | null;
  user_timeout: number | null;
  retry_delay: number | null;
  music_on_hold: string | null;
  preprocess_subroutine: string | null;
  caller_id_mode: CallerIdMode | null;
  caller_id_name: string | null;
  dtmf_record_toggle: boolean;
  ring_in_use: boolean;
  mark_answered_elsewhere: boolean;
  enabled: boolean;
  ignore_forward: boolean;
  max_calls: number | null;
}

export type Group = GroupFields & GroupRelations;

/** What a caller may set; everything but `label` has Wazo's default. */
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

/** The fields a caller sets; anything else in a body (read-only or unknown) is dropped, as marshmallow does. */
const EDITABLE = [
  'label',
  'ring_strategy',
  'timeout',
  'user_timeout',
  'retry_delay',
  'music_on_hold',
  'preprocess_subroutine',
  'caller_id_mode',
  'caller_id_name',
  'dtmf_record_toggle',
  'ring_in_use',
  'mark_answered_elsewhere',
  'enabled',
  'ignore_forward',
  'max_calls',
] as const;

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

const nullableInt = { type: ['integer', 'null'], minimum: 0 } as const;

const groupProperties = {
  label: { type: 'string', maxLength: 128, pattern: '^[-_.a-zA-Z0-9 ]+$' },
  ring_strategy: { type: 'string', enum: RING_STRATEGIES },
  timeout: nullableInt,
  user_timeout: nullableInt,
  retry_delay: nullableInt,
  music_on_hold: { type: ['string', 'null'], maxLength: 128 },
  preprocess_subroutine: { type: ['string', 'null'], maxLength: 79 },
  caller_id_mode: { type: ['string', 'null'], enum: ['prepend', 'overwrite', 'append', null] },
  caller_id_name: { type: ['string', 'null'], maxLength: 80 },
  dtmf_record_toggle: { type: 'boolean' },
  ring_in_use: { type: 'boolean' },
  mark_answered_elsewhere: { type: 'boolean' },
  enabled: { type: 'boolean' },
  ignore_forward: { type: 'boolean' },
  max_calls: nullableInt,
  /** Deprecated since Wazo 21.04: copied to `label` when `label` is absent (REST layer). */
  name: { type: 'string' },
} as const;

/** POST /groups body: `label` required (or the deprecated `name`); unknown fields dropped. */
export const groupCreateSchema = {
  type: 'object',
  properties: groupProperties,
  anyOf: [{ required: ['label'] }, { required: ['name'] }],
} as const;

/** PUT /groups/{id} body: any subset of the fields. */
export const groupEditSchema = { type: 'object', properties: groupProperties } as const;
