/** wazo-confd's call permission events, and those of its links to users and groups. */
import { defineEvent } from './define.js';

export interface CallPermissionPayload {
  id: number;
}

const callPermissionCrud = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<CallPermissionPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const callPermissionCreated = callPermissionCrud(
  'call_permission_created',
  'config.callpermission.created',
);
export const callPermissionEdited = callPermissionCrud(
  'call_permission_edited',
  'config.callpermission.edited',
);
export const callPermissionDeleted = callPermissionCrud(
  'call_permission_deleted',
  'config.callpermission.deleted',
);

export interface UserCallPermissionPayload {
  user_uuid: string;
  call_permission_id: number;
}

export const userCallPermissionAssociated = defineEvent<UserCallPermissionPayload>()({
  name: 'user_call_permission_associated',
  routingKey: 'config.users.{user_uuid}.callpermissions.updated',
  scope: 'user',
  service: 'confd',
});

export const userCallPermissionDissociated = defineEvent<UserCallPermissionPayload>()({
  name: 'user_call_permission_dissociated',
  routingKey: 'config.users.{user_uuid}.callpermissions.deleted',
  scope: 'user',
  service: 'confd',
});

export interface GroupCallPermissionPayload {
  group_id: number;
  group_uuid: string;
  call_permission_id: number;
}

export const groupCallPermissionAssociated = defineEvent<GroupCallPermissionPayload>()({
  name: 'group_call_permission_associated',
  routingKey: 'config.groups.{group_uuid}.callpermissions.updated',
  scope: 'tenant',
  service: 'confd',
});

export const groupCallPermissionDissociated = defineEvent<GroupCallPermissionPayload>()({
  name: 'group_call_permission_dissociated',
  routingKey: 'config.groups.{group_uuid}.callpermissions.deleted',
  scope: 'tenant',
  service: 'confd',
});
