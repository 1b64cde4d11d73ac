/**
 * A schedule as wazo-confd shows it (open hours, exceptional periods with their destination, and
 * where calls go when closed), its inputs, and the schemas of the create and edit bodies and of
 * the answer, each type derived from its schema.
 */
import { linked, nullable, type Static, Type } from '../schema.js';
import type { Destination } from './destination.js';
import { destinationAnswerJsonSchema, destinationJsonSchema } from './destination-check.js';

export type { Destination };

export const HOURS_PATTERN = '^([0,1][0-9]|2[0-3]):[0-5][0-9]$';

const destinationInput = Type.Unsafe<Destination>(destinationJsonSchema);
const destinationAnswer = Type.Unsafe<Destination>(destinationAnswerJsonSchema);

const days = () => Type.Array(Type.Integer());
const openPeriodFields = {
  hours_start: Type.String(),
  hours_end: Type.String(),
  /** 1 (Monday) .. 7. */
  week_days: days(),
  month_days: days(),
  months: days(),
};
const openPeriodSchema = Type.Object(openPeriodFields);
const exceptionalPeriodSchema = Type.Object({ ...openPeriodFields, destination: destinationAnswer });
export type OpenPeriod = Static<typeof openPeriodSchema>;
export type ExceptionalPeriod = Static<typeof exceptionalPeriodSchema>;

const summary = {
  /** Linked by uuid: Wazo's href ends with the user's id, which this summary does not carry. */
  user: linked(
    'users',
    { uuid: Type.String(), firstname: Type.String(), lastname: nullable(Type.String()) },
    'uuid',
  ),
  group: linked('groups', { id: Type.Integer(), uuid: Type.String(), name: Type.String() }, 'uuid'),
};
export type ScheduleUserSummary = Static<typeof summary.user>;
export type ScheduleGroupSummary = Static<typeof summary.group>;

/** What a schedule shows of other resources, read-only; outcalls wait for theirs. */
const relationFields = {
  users: Type.Array(summary.user),
  groups: Type.Array(summary.group),
  incalls: Type.Array(linked('incalls', { id: Type.Integer() })),
  queues: Type.Array(
    linked('queues', { id: Type.Integer(), name: Type.String(), label: nullable(Type.String()) }),
  ),
  outcalls: Type.Array(linked('outcalls', { id: Type.Integer(), name: Type.String() })),
};
const relationsSchema = Type.Object(relationFields);
export type ScheduleRelations = Static<typeof relationsSchema>;

/** A schedule's own fields and periods. */
const scheduleFields = {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  name: nullable(Type.String()),
  timezone: nullable(Type.String()),
  closed_destination: destinationAnswer,
  open_periods: Type.Array(openPeriodSchema),
  exceptional_periods: Type.Array(exceptionalPeriodSchema),
  enabled: Type.Boolean(),
};
const fieldsSchema = Type.Object(scheduleFields);
export type ScheduleFields = Static<typeof fieldsSchema>;

/** `GET /schedules/{id}`. */
export const scheduleSchema = linked('schedules', { ...scheduleFields, ...relationFields });
export type Schedule = Static<typeof scheduleSchema>;

const optional = Type.Optional;
const dayList = (max: number) =>
  optional(Type.Array(Type.Integer({ minimum: 1, maximum: max }), { minItems: 1 }));

/** A period as given: the day lists default to "every day/month". */
const openPeriodInputFields = {
  hours_start: Type.String({ pattern: HOURS_PATTERN }),
  hours_end: Type.String({ pattern: HOURS_PATTERN }),
  week_days: dayList(7),
  month_days: dayList(31),
  months: dayList(12),
};
const openPeriodInputSchema = Type.Object(openPeriodInputFields);
const exceptionalPeriodInputSchema = Type.Object({ ...openPeriodInputFields, destination: destinationInput });
export type OpenPeriodInput = Static<typeof openPeriodInputSchema>;
export type ExceptionalPeriodInput = Static<typeof exceptionalPeriodInputSchema>;

const scheduleProperties = {
  name: optional(nullable(Type.String({ maxLength: 128 }))),
  timezone: optional(nullable(Type.String({ maxLength: 128 }))),
  closed_destination: destinationInput,
  open_periods: optional(Type.Array(openPeriodInputSchema)),
  exceptional_periods: optional(Type.Array(exceptionalPeriodInputSchema)),
  enabled: optional(Type.Boolean()),
};

/** POST /schedules body (hours_start <= hours_end is checked by the validator). */
export const scheduleCreateSchema = Type.Object(scheduleProperties);
export type ScheduleCreate = Static<typeof scheduleCreateSchema>;

/** PUT /schedules/{id} body. */
export const scheduleEditSchema = Type.Object({
  ...scheduleProperties,
  closed_destination: optional(destinationInput),
});
export type ScheduleEdit = Static<typeof scheduleEditSchema>;

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
