/**
 * A call permission linked to a user (`user_call_permission`) or a group
 * (`group_call_permission`): PUT associates and DELETE dissociates, both 204 and both a no-op when
 * already so; the user or group is named by id or uuid, both sides in the caller's tenant or its
 * sub-tenants, and in one tenant.
 */
import { linkRoutesPlugin, userOwner } from '../common/link-routes.js';
import { groupOwner } from '../groups/group-key.js';
import { callPermissionIdOf } from './call-permission-id.js';

const callPermission = {
  collection: 'callpermissions',
  param: 'callpermission_id',
  description: 'The call permission id',
  word: 'call permission',
  keyOf: callPermissionIdOf,
};

export const userCallPermissionsPlugin = linkRoutesPlugin({
  name: 'user_call_permission',
  owner: userOwner,
  resource: callPermission,
  tags: ['users', 'callpermissions'],
  service: (services) => services.userCallPermissions,
});

export const groupCallPermissionsPlugin = linkRoutesPlugin({
  name: 'group_call_permission',
  owner: groupOwner('group_uuid'),
  resource: callPermission,
  tags: ['groups', 'callpermissions'],
  service: (services) => services.groupCallPermissions,
});
