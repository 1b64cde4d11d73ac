/**
 * A context, as wazo-confd shows it: a dialplan namespace of a tenant, with the number ranges its
 * users, groups, queues, conference rooms and incoming calls take their extensions from.
 */
import { linked, nullable, type Static, stringEnum, Type } from '../schema.js';

export const CONTEXT_TYPES = ['internal', 'incall', 'outcall', 'services', 'others'] as const;
export type ContextType = (typeof CONTEXT_TYPES)[number];

export const RANGE_KINDS = [
  'user_ranges',
  'group_ranges',
  'queue_ranges',
  'conference_room_ranges',
  'incall_ranges',
] as const;
export type RangeKind = (typeof RANGE_KINDS)[number];

const rangeAnswer = Type.Object({ start: Type.String(), end: Type.String() });
const incallRangeAnswer = Type.Object({
  start: Type.String(),
  end: Type.String(),
  did_length: Type.Integer(),
});
export type ContextRange = Static<typeof rangeAnswer>;
export type IncallRange = Static<typeof incallRangeAnswer>;

const rangeFields = {
  user_ranges: Type.Array(rangeAnswer),
  group_ranges: Type.Array(rangeAnswer),
  queue_ranges: Type.Array(rangeAnswer),
  conference_room_ranges: Type.Array(rangeAnswer),
  incall_ranges: Type.Array(incallRangeAnswer),
};
const rangesSchema = Type.Object(rangeFields);
export type ContextRanges = Static<typeof rangesSchema>;

const contextRefSchema = linked('contexts', {
  id: Type.Integer(),
  name: Type.String(),
  label: Type.String(),
});
export type ContextRef = Static<typeof contextRefSchema>;

/** `GET /contexts/{id}`. */
export const contextSchema = linked('contexts', {
  id: Type.Integer(),
  uuid: Type.String(),
  tenant_uuid: Type.String(),
  /** `ctx-{tenant_slug}-{type}-{uuid}`, computed once at creation; never given. */
  name: Type.String(),
  label: Type.String(),
  type: stringEnum(CONTEXT_TYPES),
  description: nullable(Type.String()),
  enabled: Type.Boolean(),
  ...rangeFields,
  /** The contexts this one includes, in order (read-only here; set by `PUT .../contexts`). */
  contexts: Type.Array(contextRefSchema),
});
export type Context = Static<typeof contextSchema>;

const optional = Type.Optional;
const digits16 = Type.String({ pattern: '^[0-9]+$', maxLength: 16 });
const rangeSchema = Type.Object({ start: digits16, end: optional(digits16) });
const incallRangeSchema = Type.Object({
  start: digits16,
  end: optional(digits16),
  did_length: optional(Type.Integer({ minimum: 0 })),
});
/** A range as given: `end` defaults to `start`. */
export type RangeInput = Static<typeof incallRangeSchema>;

const contextProperties = {
  label: Type.String({ minLength: 1, maxLength: 128 }),
  // Wazo's deprecated alias: confd's route copies it into `label` when no label is given (the
  // label's checks then apply); a context's own name is computed, never written from a body.
  name: optional(Type.Unknown({ description: 'Deprecated: taken as the label when `label` is absent' })),
  type: optional(stringEnum(CONTEXT_TYPES)),
  description: optional(nullable(Type.String())),
  enabled: optional(Type.Boolean()),
  user_ranges: optional(Type.Array(rangeSchema)),
  group_ranges: optional(Type.Array(rangeSchema)),
  queue_ranges: optional(Type.Array(rangeSchema)),
  conference_room_ranges: optional(Type.Array(rangeSchema)),
  incall_ranges: optional(Type.Array(incallRangeSchema)),
};

/** `POST /contexts`. */
export const contextCreateSchema = Type.Object(contextProperties);
export type ContextCreate = Static<typeof contextCreateSchema>;

/** `PUT /contexts/{id}`. */
export const contextEditSchema = Type.Object({
  ...contextProperties,
  label: optional(contextProperties.label),
});
export type ContextEdit = Static<typeof contextEditSchema>;

export interface ContextRecord extends ContextRanges {
  uuid: string;
  tenant_uuid: string;
  name: string;
  label: string;
  type: ContextType;
  description: string | null;
  enabled: boolean;
}

/** Wazo's context name format. */
export function contextName(tenantSlug: string, type: string, uuid: string): string {
  return `ctx-${tenantSlug}-${type}-${uuid}`;
}

/** Whether a non-pattern exten falls in one of the ranges, compared as Wazo does (numerically). */
export function extenInRanges(exten: string, ranges: readonly (ContextRange & { did_length?: number })[]) {
  if (!/^[0-9]+$/.test(exten)) return false;
  const value = BigInt(exten);
  return ranges.some((range) => {
    // Incall ranges compare only the last `did_length` digits of their bounds.
    const cut = (limit: string) => BigInt(range.did_length ? limit.slice(-range.did_length) : limit);
    return cut(range.start) <= value && value <= cut(range.end);
  });
}
