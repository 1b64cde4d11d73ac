/**
 * A schedule as wazo-confd shows it (open hours, exceptional periods with their destination, and
 * where calls go when closed), its inputs, and the JSON Schemas of the create and edit bodies.
 */
import type { Destination } from './destination.js';
import { destinationJsonSchema } from './destination-check.js';

export type { Destination };

export interface OpenPeriod {
  hours_start: string;
  hours_end: string;
  /** 1 (Monday) .. 7. */
  week_days: number[];
  month_days: number[];
  months: number[];
}

export interface ExceptionalPeriod extends OpenPeriod {
  destination: Destination;
}

export interface ScheduleUserSummary {
  uuid: string;
  firstname: string;
  lastname: string | null;
}

export interface ScheduleGroupSummary {
  id: number;
  uuid: string;
  name: string;
}

/** What a schedule shows of other resources, read-only; incalls, queues and outcalls wait for theirs. */
export interface ScheduleRelations {
  users: ScheduleUserSummary[];
  groups: ScheduleGroupSummary[];
  incalls: { id: number }[];
  queues: { id: number; name: string; label: string }[];
  outcalls: { id: number; name: string }[];
}

/** A schedule's own fields and periods. */
export interface ScheduleFields {
  id: number;
  tenant_uuid: string;
  name: string | null;
  timezone: string | null;
  closed_destination: Destination;
  open_periods: OpenPeriod[];
  exceptional_periods: ExceptionalPeriod[];
  enabled: boolean;
}

export type Schedule = ScheduleFields & ScheduleRelations;

/** A period as given: the day lists default to "every day/month". */
export type OpenPeriodInput = Pick<OpenPeriod, 'hours_start' | 'hours_end'> &
  Partial<Pick<OpenPeriod, 'week_days' | 'month_days' | 'months'>>;
export type ExceptionalPeriodInput = OpenPeriodInput & { destination: Destination };

export interface ScheduleCreate {
  name?: string | null;
  timezone?: string | null;
  closed_destination: Destination;
  open_periods?: OpenPeriodInput[];
  exceptional_periods?: ExceptionalPeriodInput[];
  enabled?: boolean;
}

export type ScheduleEdit = Partial<ScheduleCreate>;

/** What the dao stores: periods with their defaults filled in. */
export interface ScheduleRow {
  tenant_uuid: string;
  name: string | null;
  timezone: string | null;
  closed_destination: Destination;
  open_periods: OpenPeriod[];
  exceptional_periods: ExceptionalPeriod[];
  enabled: boolean;
}

export const HOURS_PATTERN = '^([0,1][0-9]|2[0-3]):[0-5][0-9]$';

const dayList = (max: number) =>
  ({ type: 'array', minItems: 1, items: { type: 'integer', minimum: 1, maximum: max } }) as const;

const openPeriodSchema = {
  type: 'object',
  required: ['hours_start', 'hours_end'],
  properties: {
    hours_start: { type: 'string', pattern: HOURS_PATTERN },
    hours_end: { type: 'string', pattern: HOURS_PATTERN },
    week_days: dayList(7),
    month_days: dayList(31),
    months: dayList(12),
  },
} as const;

const exceptionalPeriodSchema = {
  ...openPeriodSchema,
  required: [...openPeriodSchema.required, 'destination'],
  properties: { ...openPeriodSchema.properties, destination: destinationJsonSchema },
} as const;

const scheduleProperties = {
  name: { type: ['string', 'null'], maxLength: 128 },
  timezone: { type: ['string', 'null'], maxLength: 128 },
  closed_destination: destinationJsonSchema,
  open_periods: { type: 'array', items: openPeriodSchema },
  exceptional_periods: { type: 'array', items: exceptionalPeriodSchema },
  enabled: { type: 'boolean' },
} as const;

/** POST /schedules body (hours_start <= hours_end is checked by the validator). */
export const scheduleCreateSchema = {
  type: 'object',
  required: ['closed_destination'],
  properties: scheduleProperties,
} as const;

/** PUT /schedules/{id} body. */
export const scheduleEditSchema = { type: 'object', properties: scheduleProperties } as const;
