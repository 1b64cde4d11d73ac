/** Tables of the call pickups and their members, as Kysely types. Only their dao queries them. */
import type { Generated } from 'kysely';
import type { CallPickupRole } from './call-pickups.model.js';

export interface PickupTable {
  id: Generated<number>;
  tenant_uuid: string;
  name: string;
  description: string | null;
  enabled: boolean;
}

export interface PickupMemberTable {
  id: Generated<number>;
  pickup_id: number;
  role: CallPickupRole;
  /** A user member, or null for a group member. */
  user_id: number | null;
  group_id: number | null;
}

export interface CallPickupTables {
  pickup: PickupTable;
  pickup_member: PickupMemberTable;
}
