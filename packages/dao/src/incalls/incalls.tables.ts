/** Tables of the incalls, their destination, extension and schedule, as Kysely types. */
import type { Generated, JSONColumnType } from 'kysely';
import type { Destination } from '../schedules/destination.js';
import type { IncallFields } from './incalls.model.js';

export interface IncallTable {
  id: Generated<number>;
  tenant_uuid: string;
  preprocess_subroutine: string | null;
  greeting_sound: string | null;
  caller_id_mode: IncallFields['caller_id_mode'];
  caller_id_name: string | null;
  description: string | null;
}

/** An incall's destination (Wazo's `answer` dialaction); none once its target is deleted. */
export interface IncallDestinationTable {
  incall_id: number;
  destination: JSONColumnType<Destination>;
}

/** An incall's extension: at most one per incall, one incall per extension. */
export interface IncallExtensionTable {
  incall_id: number;
  extension_id: number;
}

/** An incall's schedule: at most one per incall. */
export interface IncallScheduleTable {
  incall_id: number;
  schedule_id: number;
}

export interface IncallTables {
  incall: IncallTable;
  incall_destination: IncallDestinationTable;
  incall_extension: IncallExtensionTable;
  incall_schedule: IncallScheduleTable;
}
