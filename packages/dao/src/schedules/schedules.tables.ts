/** Tables of the schedules resource, as Kysely types. Only the schedules dao queries them. */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Destination } from './destination.js';

export interface ScheduleTable {
  id: Generated<number>;
  tenant_uuid: string;
  name: string | null;
  timezone: string | null;
  /** The destination object as the API gives it (validated before it is stored). */
  closed_destination: JSONColumnType<Destination>;
  enabled: Generated<boolean>;
}

export type PeriodKind = 'open' | 'exceptional';

/** Both kinds of period; only exceptional ones have a destination (a CHECK says so). */
export interface SchedulePeriodTable {
  id: Generated<number>;
  schedule_id: number;
  kind: PeriodKind;
  /** Order within its kind, as given. */
  position: number;
  hours_start: string;
  hours_end: string;
  week_days: ColumnType<number[], number[], number[]>;
  month_days: ColumnType<number[], number[], number[]>;
  months: ColumnType<number[], number[], number[]>;
  destination: JSONColumnType<Destination | null, string | null, string | null>;
}

export interface ScheduleTables {
  schedules: ScheduleTable;
  schedule_periods: SchedulePeriodTable;
}
