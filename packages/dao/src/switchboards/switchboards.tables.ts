/** Tables of the switchboards, their operators and fallbacks, as Kysely types. Only their dao queries them. */
import type { Generated, JSONColumnType } from 'kysely';
import type { Destination } from '../schedules/destination.js';

export interface SwitchboardTable {
  uuid: Generated<string>;
  tenant_uuid: string;
  name: string;
  timeout: number | null;
  queue_music_on_hold: string | null;
  waiting_room_music_on_hold: string | null;
}

export interface SwitchboardMemberUserTable {
  switchboard_uuid: string;
  user_uuid: string;
}

export interface SwitchboardFallbackTable {
  switchboard_uuid: string;
  event: string;
  destination: JSONColumnType<Destination>;
}

export interface SwitchboardTables {
  switchboard: SwitchboardTable;
  switchboard_member_user: SwitchboardMemberUserTable;
  switchboard_fallback: SwitchboardFallbackTable;
}
