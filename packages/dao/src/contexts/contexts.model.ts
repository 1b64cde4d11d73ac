/**
 * A context, as wazo-confd shows it: a dialplan namespace of a tenant, with the number ranges its
 * users, groups, queues, conference rooms and incoming calls take their extensions from.
 */
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

export interface ContextRange {
  start: string;
  end: string;
}

export interface IncallRange extends ContextRange {
  did_length: number;
}

export interface ContextRanges {
  user_ranges: ContextRange[];
  group_ranges: ContextRange[];
  queue_ranges: ContextRange[];
  conference_room_ranges: ContextRange[];
  incall_ranges: IncallRange[];
}

/** An included context, as a context's `contexts` shows it. */
export interface ContextRef {
  id: number;
  name: string;
  label: string;
}

export interface Context extends ContextRanges {
  id: number;
  uuid: string;
  tenant_uuid: string;
  /** `ctx-{tenant_slug}-{type}-{uuid}`, computed once at creation; never given. */
  name: string;
  label: string;
  type: ContextType;
  description: string | null;
  enabled: boolean;
  /** The contexts this one includes, in order (read-only here; set by `PUT .../contexts`). */
  contexts: ContextRef[];
}

/** A range as given: `end` defaults to `start`, `did_length` (incall) to 0. */
export interface RangeInput {
  start: string;
  end?: string | null | undefined;
  did_length?: number | undefined;
}

export interface ContextCreate {
  label: string;
  type?: ContextType | undefined;
  description?: string | null | undefined;
  enabled?: boolean | undefined;
  user_ranges?: RangeInput[] | undefined;
  group_ranges?: RangeInput[] | undefined;
  queue_ranges?: RangeInput[] | undefined;
  conference_room_ranges?: RangeInput[] | undefined;
  incall_ranges?: RangeInput[] | undefined;
}

/** A partial edit: absent fields keep their value; a given range list replaces the old one. */
export type ContextEdit = Partial<ContextCreate>;

/** The row the dao writes: every field resolved. */
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

const digits16 = { type: 'string', pattern: '^[0-9]+$', maxLength: 16 } as const;
const rangeSchema = {
  type: 'object',
  required: ['start'],
  properties: { start: digits16, end: digits16 },
} as const;
const incallRangeSchema = {
  type: 'object',
  required: ['start'],
  properties: { ...rangeSchema.properties, did_length: { type: 'integer', minimum: 0 } },
} as const;

const contextProperties = {
  label: { type: 'string', minLength: 1, maxLength: 128 },
  type: { type: 'string', enum: CONTEXT_TYPES },
  description: { type: ['string', 'null'] },
  enabled: { type: 'boolean' },
  user_ranges: { type: 'array', items: rangeSchema },
  group_ranges: { type: 'array', items: rangeSchema },
  queue_ranges: { type: 'array', items: rangeSchema },
  conference_room_ranges: { type: 'array', items: rangeSchema },
  incall_ranges: { type: 'array', items: incallRangeSchema },
} as const;

/** POST /contexts body (Wazo also copies a deprecated `name` into a missing `label`: the route's job). */
export const contextCreateSchema = {
  type: 'object',
  required: ['label'],
  properties: contextProperties,
} as const;

export const contextEditSchema = { type: 'object', properties: contextProperties } as const;
