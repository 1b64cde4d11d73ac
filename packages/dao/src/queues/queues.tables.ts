/** Tables of the queues, their extension, schedule, destinations and members, as Kysely types. */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Destination } from '../schedules/destination.js';

export interface QueueTable {
  id: Generated<number>;
  tenant_uuid: string;
  name: string;
  label: string | null;
  data_quality: Generated<boolean>;
  dtmf_hangup_callee_enabled: Generated<boolean>;
  dtmf_hangup_caller_enabled: Generated<boolean>;
  dtmf_transfer_callee_enabled: Generated<boolean>;
  dtmf_transfer_caller_enabled: Generated<boolean>;
  dtmf_record_callee_enabled: Generated<boolean>;
  dtmf_record_caller_enabled: Generated<boolean>;
  dtmf_record_toggle: Generated<boolean>;
  retry_on_timeout: Generated<boolean>;
  ring_on_hold: Generated<boolean>;
  timeout: number | null;
  announce_hold_time_on_entry: Generated<boolean>;
  ignore_forward: Generated<boolean>;
  preprocess_subroutine: string | null;
  music_on_hold: string | null;
  wait_time_threshold: number | null;
  wait_ratio_threshold: number | null;
  caller_id_mode: 'prepend' | 'overwrite' | 'append' | null;
  caller_id_name: string | null;
  mark_answered_elsewhere: Generated<boolean>;
  enabled: Generated<boolean>;
  /** The Asterisk queue options, `[name, value]` pairs (a JSON text on writes). */
  options: ColumnType<[string, string][], string, string>;
}

export interface QueueExtensionTable {
  queue_id: number;
  extension_id: number;
}

export interface QueueScheduleTable {
  queue_id: number;
  schedule_id: number;
}

/** A queue's destination row: fallbacks (`queue_fallback`) or wait destinations. */
export interface QueueDestinationTable {
  queue_id: number;
  event: string;
  destination: JSONColumnType<Destination>;
}

export interface QueueMemberUserTable {
  queue_id: number;
  user_id: number;
  priority: number;
}

export interface QueueMemberAgentTable {
  queue_id: number;
  agent_id: number;
  penalty: number;
  priority: number;
}

export interface QueueTables {
  queue: QueueTable;
  queue_extension: QueueExtensionTable;
  queue_schedule: QueueScheduleTable;
  queue_fallback: QueueDestinationTable;
  queue_wait_destination: QueueDestinationTable;
  queue_member_user: QueueMemberUserTable;
  queue_member_agent: QueueMemberAgentTable;
}
