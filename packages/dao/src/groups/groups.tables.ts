/** Tables of the groups resource, as Kysely types. Only the groups dao queries them. */
import type { Generated } from 'kysely';

import type { CallerIdMode, RingStrategy } from './groups.model.js';

/** A ring group. Ring strategies are stored under their API names (no Asterisk aliases). */
export interface GroupTable {
  id: Generated<number>;
  uuid: string;
  tenant_uuid: string;
  /** `grp-{tenant_slug}-{uuid}`: the Asterisk queue name, unique. */
  name: string;
  label: string;
  ring_strategy: Generated<RingStrategy>;
  timeout: number | null;
  user_timeout: number | null;
  retry_delay: number | null;
  music_on_hold: string | null;
  preprocess_subroutine: string | null;
  caller_id_mode: CallerIdMode | null;
  caller_id_name: string | null;
  dtmf_record_toggle: Generated<boolean>;
  ring_in_use: Generated<boolean>;
  mark_answered_elsewhere: Generated<boolean>;
  enabled: Generated<boolean>;
  ignore_forward: Generated<boolean>;
  max_calls: number | null;
}

export interface GroupTables {
  groups: GroupTable;
}
