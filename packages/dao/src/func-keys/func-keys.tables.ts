/** Tables of the function keys resource, as Kysely types. Only the func-keys dao queries them. */
import type { Generated, JSONColumnType } from 'kysely';
import type { FuncKeyDestinationInput } from './func-key-destinations.js';

export interface FuncKeyTemplateTable {
  id: Generated<number>;
  tenant_uuid: string;
  name: string | null;
  /** Set on a user's private template (its own keys); null on a public one. */
  private_user_id: number | null;
}

export interface FuncKeyMappingTable {
  id: Generated<number>;
  template_id: number;
  position: number;
  label: string | null;
  blf: Generated<boolean>;
  destination: JSONColumnType<FuncKeyDestinationInput>;
  /** A user destination's user, so the key goes with it. */
  user_id: number | null;
  /** A group or group member destination's group, so the key goes with it. */
  group_id: number | null;
  /** A bsfilter destination's call filter member, so the key goes with it. */
  filter_member_id: number | null;
  /** An agent destination's agent, so the key goes with it. */
  agent_id: number | null;
  /** A queue destination's queue, so the key goes with it. */
  queue_id: number | null;
}

export interface FuncKeyTables {
  func_key_template: FuncKeyTemplateTable;
  func_key_mapping: FuncKeyMappingTable;
}
