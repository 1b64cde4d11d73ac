/**
 * The call pickups' events, all tenant-wide: call_pickup_created/edited/deleted {id}, and
 * call_pickup_interceptor|target_users_associated {call_pickup_id, user_uuids} and
 * call_pickup_interceptor|target_groups_associated {call_pickup_id, group_ids}.
 */
import {
  callPickupCreated,
  callPickupDeleted,
  callPickupEdited,
  callPickupInterceptorGroupsAssociated,
  callPickupInterceptorUsersAssociated,
  callPickupTargetGroupsAssociated,
  callPickupTargetUsersAssociated,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { CallPickup, CallPickupRole } from './call-pickups.model.js';

type Identity = Pick<CallPickup, 'id' | 'tenant_uuid'>;
const scoping = (pickup: Identity) => ({ tenantUuid: pickup.tenant_uuid });
const usersEvents = {
  interceptor: callPickupInterceptorUsersAssociated,
  target: callPickupTargetUsersAssociated,
};
const groupsEvents = {
  interceptor: callPickupInterceptorGroupsAssociated,
  target: callPickupTargetGroupsAssociated,
};

export function createCallPickupsNotifier() {
  return {
    created(tx: Tx, pickup: Identity): void {
      tx.events.add(callPickupCreated.build({ id: pickup.id }, scoping(pickup)));
    },
    edited(tx: Tx, pickup: Identity): void {
      tx.events.add(callPickupEdited.build({ id: pickup.id }, scoping(pickup)));
    },
    deleted(tx: Tx, pickup: Identity): void {
      tx.events.add(callPickupDeleted.build({ id: pickup.id }, scoping(pickup)));
    },
    usersAssociated(tx: Tx, pickup: Identity, role: CallPickupRole, userUuids: string[]): void {
      const data = { call_pickup_id: pickup.id, user_uuids: userUuids };
      tx.events.add(usersEvents[role].build(data, scoping(pickup)));
    },
    groupsAssociated(tx: Tx, pickup: Identity, role: CallPickupRole, groupIds: number[]): void {
      const data = { call_pickup_id: pickup.id, group_ids: groupIds };
      tx.events.add(groupsEvents[role].build(data, scoping(pickup)));
    },
  };
}

export type CallPickupsNotifier = ReturnType<typeof createCallPickupsNotifier>;
