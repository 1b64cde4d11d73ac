/** Tables of the users' blocklists, as Kysely types. Only the blocklists dao queries them. */
import type { Generated } from 'kysely';

export interface BlocklistTable {
  uuid: Generated<string>;
  tenant_uuid: string;
  user_uuid: string;
}

export interface BlocklistNumberTable {
  uuid: Generated<string>;
  blocklist_uuid: string;
  number: string;
  label: string | null;
}

export interface BlocklistTables {
  blocklist: BlocklistTable;
  blocklist_number: BlocklistNumberTable;
}
