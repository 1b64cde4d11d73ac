/** Tables of the meetings, their owners and their guests' authorizations, as Kysely types. */
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, Date>;

export interface MeetingTable {
  uuid: Generated<string>;
  name: string | null;
  guest_endpoint_sip_uuid: string | null;
  tenant_uuid: string;
  created_at: CreatedAt;
  persistent: boolean;
  number: string;
  require_authorization: boolean;
}

export interface MeetingOwnerTable {
  meeting_uuid: string;
  user_uuid: string;
  /** The owner's place in `owner_uuids`. */
  position: number;
}

export interface MeetingAuthorizationTable {
  uuid: Generated<string>;
  guest_uuid: string;
  meeting_uuid: string;
  guest_name: string | null;
  status: 'accepted' | 'pending' | 'rejected';
  created_at: CreatedAt;
}

export interface MeetingTables {
  meeting: MeetingTable;
  meeting_owner: MeetingOwnerTable;
  meeting_authorization: MeetingAuthorizationTable;
}
