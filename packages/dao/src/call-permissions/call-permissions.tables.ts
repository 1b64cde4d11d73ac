/** Tables of the call permissions and of their links, as Kysely types. Only their daos query them. */
import type { ColumnType, Generated } from 'kysely';

export interface CallPermissionTable {
  id: Generated<number>;
  tenant_uuid: string;
  name: string;
  password: string | null;
  mode: 'allow' | 'deny';
  /** Extension patterns, in the order given, each once. */
  extensions: ColumnType<string[], string[], string[]>;
  enabled: boolean;
  description: string | null;
}

export interface UserCallPermissionTable {
  user_uuid: string;
  call_permission_id: number;
}

export interface GroupCallPermissionTable {
  group_id: number;
  call_permission_id: number;
}

export interface CallPermissionTables {
  call_permissions: CallPermissionTable;
  user_call_permissions: UserCallPermissionTable;
  group_call_permissions: GroupCallPermissionTable;
}
