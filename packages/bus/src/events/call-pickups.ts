/** wazo-confd's call pickup events (wazo-bus's `call_pickup` and `call_pickup_member` resources). */
import { defineEvent } from './define.js';

export interface CallPickupPayload {
  id: number;
}

const callPickupEvent = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<CallPickupPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const callPickupCreated = callPickupEvent('call_pickup_created', 'config.callpickup.created');
export const callPickupEdited = callPickupEvent('call_pickup_edited', 'config.callpickup.edited');
export const callPickupDeleted = callPickupEvent('call_pickup_deleted', 'config.callpickup.deleted');

export interface CallPickupUsersPayload {
  call_pickup_id: number;
  user_uuids: string[];
}

export interface CallPickupGroupsPayload {
  call_pickup_id: number;
  group_ids: number[];
}

export const callPickupInterceptorUsersAssociated = defineEvent<CallPickupUsersPayload>()({
  name: 'call_pickup_interceptor_users_associated',
  routingKey: 'config.callpickups.interceptors.users.updated',
  scope: 'tenant',
  service: 'confd',
});

export const callPickupTargetUsersAssociated = defineEvent<CallPickupUsersPayload>()({
  name: 'call_pickup_target_users_associated',
  routingKey: 'config.callpickups.targets.users.updated',
  scope: 'tenant',
  service: 'confd',
});

export const callPickupInterceptorGroupsAssociated = defineEvent<CallPickupGroupsPayload>()({
  name: 'call_pickup_interceptor_groups_associated',
  routingKey: 'config.callpickups.interceptors.groups.updated',
  scope: 'tenant',
  service: 'confd',
});

export const callPickupTargetGroupsAssociated = defineEvent<CallPickupGroupsPayload>()({
  name: 'call_pickup_target_groups_associated',
  routingKey: 'config.callpickups.targets.groups.updated',
  scope: 'tenant',
  service: 'confd',
});
