/** Tables of the conferences and their extension, as Kysely types. Only their daos query them. */
import type { Generated } from 'kysely';

export interface ConferenceTable {
  id: Generated<number>;
  tenant_uuid: string;
  name: string | null;
  preprocess_subroutine: string | null;
  max_users: number;
  record: boolean;
  pin: string | null;
  admin_pin: string | null;
  quiet_join_leave: boolean;
  announce_join_leave: boolean;
  announce_user_count: boolean;
  announce_only_user: boolean;
  music_on_hold: string | null;
}

export interface ConferenceExtensionTable {
  conference_id: number;
  extension_id: number;
}

export interface ConferenceTables {
  conference: ConferenceTable;
  conference_extension: ConferenceExtensionTable;
}
