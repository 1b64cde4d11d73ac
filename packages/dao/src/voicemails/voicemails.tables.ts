/** Tables of the voicemails resource, as Kysely types. Only the voicemail daos query them. */
import type { Generated, JSONColumnType } from 'kysely';

export interface VoicemailTable {
  id: Generated<number>;
  tenant_uuid: string;
  context_id: number;
  number: string;
  name: string;
  password: string | null;
  email: string | null;
  pager: string | null;
  language: string | null;
  timezone: string | null;
  max_messages: number | null;
  attach_audio: boolean | null;
  delete_messages: Generated<boolean>;
  ask_password: Generated<boolean>;
  enabled: Generated<boolean>;
  options: JSONColumnType<[string, string][], string, string>;
  accesstype: Generated<string>;
}

/** At most one voicemail per user: `user_uuid` is the primary key. */
export interface UserVoicemailTable {
  user_uuid: string;
  voicemail_id: number;
}

export interface VoicemailTables {
  voicemail: VoicemailTable;
  user_voicemail: UserVoicemailTable;
}
