/**
 * Membership events. Wazo sends `group_member_users_associated` (tenant-wide) when a group's
 * members are replaced, and `user_groups_associated` (for that user) when a user's groups are.
 */
import { groupMemberUsersAssociated, userGroupsAssociated } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { Group } from '../groups/groups.model.js';
import type { UserRef } from './user-ref.js';

export function createGroupMembersNotifier() {
  return {
    usersAssociated(tx: Tx, group: Pick<Group, 'id' | 'uuid' | 'tenant_uuid'>, userUuids: string[]): void {
      const data = { group_id: group.id, group_uuid: group.uuid, user_uuids: userUuids };
      tx.events.add(groupMemberUsersAssociated.build(data, { tenantUuid: group.tenant_uuid }));
    },

    groupsAssociated(tx: Tx, user: UserRef, groupIds: number[]): void {
      const data = { user_uuid: user.uuid, group_ids: groupIds };
      tx.events.add(userGroupsAssociated.build(data, { tenantUuid: user.tenant_uuid, userUuid: user.uuid }));
    },
  };
}

export type GroupMembersNotifier = ReturnType<typeof createGroupMembersNotifier>;
