/**
 * A call permission linked to a user (`user_call_permissions`) or a group
 * (`group_call_permissions`): an owner may have many, associating a linked pair again changes
 * nothing. Events: `user_call_permission_associated|dissociated {user_uuid, call_permission_id}`
 * for the user, `group_call_permission_associated|dissociated {group_id, group_uuid,
 * call_permission_id}` tenant-wide.
 */
import {
  groupCallPermissionAssociated,
  groupCallPermissionDissociated,
  userCallPermissionAssociated,
  userCallPermissionDissociated,
} from '@wazo-ts/bus';
import type { UserRef } from '../group-members/user-ref.js';
import type { Group } from '../groups/groups.model.js';
import { defineLink, type LinkSide } from '../links/index.js';
import type { CallPermission } from './call-permissions.model.js';

/** A call permission in a user's or group's `call_permissions`. */
export interface CallPermissionSummary {
  id: number;
  name: string;
}

const callPermissionSide: LinkSide<CallPermission, CallPermissionSummary> = {
  name: 'CallPermission',
  table: 'call_permissions',
  key: 'id',
  column: 'call_permission_id',
  summary: ['id', 'name'],
};

export const userCallPermissionLink = defineLink<
  UserRef,
  CallPermission,
  { uuid: string },
  CallPermissionSummary
>()({
  table: 'user_call_permissions',
  owner: { name: 'User', table: 'users', key: 'uuid', column: 'user_uuid', summary: ['uuid'] },
  resource: callPermissionSide,
  perOwner: 'many',
  whenLinked: 'ignore',
  linkedCriteria: (user, id) => ({ user_id: user.id, call_permission_id: id }),
  events: {
    associated: userCallPermissionAssociated,
    dissociated: userCallPermissionDissociated,
    payload: (user, permission) => ({ user_uuid: user.uuid, call_permission_id: permission.id }),
    scoping: (user) => ({ tenantUuid: user.tenant_uuid, userUuid: user.uuid }),
  },
});

export const groupCallPermissionLink = defineLink<
  Group,
  CallPermission,
  { id: number; uuid: string; name: string },
  CallPermissionSummary
>()({
  table: 'group_call_permissions',
  owner: { name: 'Group', table: 'groups', key: 'id', column: 'group_id', summary: ['id', 'uuid', 'name'] },
  resource: callPermissionSide,
  perOwner: 'many',
  whenLinked: 'ignore',
  linkedCriteria: (group, id) => ({ group_uuid: group.uuid, call_permission_id: id }),
  events: {
    associated: groupCallPermissionAssociated,
    dissociated: groupCallPermissionDissociated,
    payload: (group, permission) => ({
      group_id: group.id,
      group_uuid: group.uuid,
      call_permission_id: permission.id,
    }),
    scoping: (group) => ({ tenantUuid: group.tenant_uuid }),
  },
});
