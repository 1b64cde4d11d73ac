/** Tables of the pagings and their users, as Kysely types. Only their daos query them. */
import type { Generated } from 'kysely';

export interface PagingTable {
  id: Generated<number>;
  tenant_uuid: string;
  number: string;
  name: string | null;
  announce_caller: boolean;
  announce_sound: string | null;
  caller_notification: boolean;
  duplex: boolean;
  ignore_forward: boolean;
  record: boolean;
  enabled: boolean;
}

export interface PagingUserTable {
  paging_id: number;
  user_id: number;
  /** True for a caller, false for a member (Wazo's `caller` column). */
  caller: boolean;
  /** The user's place in its list, as given. */
  position: number;
}

export interface PagingTables {
  paging: PagingTable;
  paging_user: PagingUserTable;
}
