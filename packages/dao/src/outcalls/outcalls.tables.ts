/** Tables of the outcalls, their trunks and extensions, as Kysely types. Only their daos query them. */
import type { Generated } from 'kysely';

export interface OutcallTable {
  id: Generated<number>;
  tenant_uuid: string;
  name: string;
  internal_caller_id: boolean;
  preprocess_subroutine: string | null;
  /** Null: no limit (Wazo stores 0 and shows it as null). */
  ring_time: number | null;
  description: string | null;
  enabled: boolean;
}

export interface OutcallTrunkTable {
  outcall_id: number;
  trunk_id: number;
  /** The trunk's place in the outcall's list, 0 first. */
  priority: number;
}

/** An outcall's extension: Wazo's dial pattern. */
export interface OutcallExtensionTable {
  extension_id: number;
  outcall_id: number;
  caller_id: string | null;
  external_prefix: string | null;
  prefix: string | null;
  strip_digits: number | null;
}

export interface OutcallScheduleTable {
  outcall_id: number;
  schedule_id: number;
}

export interface OutcallCallPermissionTable {
  outcall_id: number;
  call_permission_id: number;
}

export interface OutcallTables {
  outcall: OutcallTable;
  outcall_trunk: OutcallTrunkTable;
  outcall_extension: OutcallExtensionTable;
  outcall_schedules: OutcallScheduleTable;
  outcall_call_permissions: OutcallCallPermissionTable;
}
