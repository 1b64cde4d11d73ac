/** Tables of the applications and a line's application, as Kysely types. */
import type { Generated } from 'kysely';

export interface ApplicationTable {
  uuid: Generated<string>;
  tenant_uuid: string;
  name: string | null;
  node_type: string | null;
  node_music_on_hold: string | null;
  node_answer: Generated<boolean>;
}

export interface LineApplicationTable {
  line_id: number;
  application_uuid: string;
}

export interface ApplicationTables {
  application: ApplicationTable;
  line_application: LineApplicationTable;
}
