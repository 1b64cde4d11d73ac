/** The rooms tables as Kysely types (Wazo's names); part of wazo-chatd's database. */
import type { ColumnType, Generated } from 'kysely';

export interface ChatdRoomTable {
  uuid: Generated<string>;
  name: string | null;
  tenant_uuid: string;
}

export interface ChatdRoomUserTable {
  room_uuid: string;
  uuid: string;
  tenant_uuid: string;
  wazo_uuid: string;
  /** An external participant's address (connectors); null for the platform's users. */
  identity: string | null;
}

export interface ChatdRoomMessageTable {
  uuid: Generated<string>;
  room_uuid: string;
  content: string | null;
  alias: string | null;
  user_uuid: string;
  tenant_uuid: string;
  wazo_uuid: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface RoomsTables {
  chatd_room: ChatdRoomTable;
  chatd_room_user: ChatdRoomUserTable;
  chatd_room_message: ChatdRoomMessageTable;
}
