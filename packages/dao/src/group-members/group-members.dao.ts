/** SQL of group memberships: `group_member_users` (joined to `groups` for tenant scoping). */
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import type { TenantScope } from '../search/search.js';
import type { GroupMemberRow, GroupMemberUser, UserGroup } from './group-members.model.js';

export function createGroupMembersDao() {
  return {
    /** The user members of the group `groupId`, in the order they were given. */
    async listUsers(tx: Tx, groupId: number): Promise<GroupMemberUser[]> {
      const rows = await tx.db
        .selectFrom('group_member_users')
        .select(['user_uuid', 'priority'])
        .where('group_id', '=', groupId)
        .orderBy('position')
        .execute();
      return rows.map((r) => ({ uuid: r.user_uuid, priority: r.priority }));
    },

    /** Replaces all the user members of the group `groupId`. */
    async replaceUsers(tx: Tx, groupId: number, members: GroupMemberRow[]): Promise<void> {
      await tx.db.deleteFrom('group_member_users').where('group_id', '=', groupId).execute();
      if (members.length === 0) return;
      await tx.db
        .insertInto('group_member_users')
        .values(members.map((m, position) => ({ group_id: groupId, ...m, position })))
        .execute();
    },

    /** The groups in scope the user belongs to, by group id. */
    async listGroupsOfUser(tx: Tx, scope: TenantScope, userUuid: string): Promise<UserGroup[]> {
      if (scope.tenantUuids.length === 0) return [];
      return tx.db
        .selectFrom('group_member_users as m')
        .innerJoin('groups as g', 'g.id', 'm.group_id')
        .select(['g.id', 'g.uuid', 'g.name', 'g.label'])
        .where('m.user_uuid', '=', userUuid)
        .where('g.tenant_uuid', 'in', [...scope.tenantUuids])
        .orderBy('g.id')
        .execute();
    },

    /**
     * Makes the user a member of exactly `groupIds`: memberships it keeps keep their priority and
     * place; new ones come last in their group with priority 0.
     */
    async replaceGroupsOfUser(tx: Tx, userUuid: string, groupIds: number[]): Promise<void> {
      let removal = tx.db.deleteFrom('group_member_users').where('user_uuid', '=', userUuid);
      if (groupIds.length > 0) removal = removal.where('group_id', 'not in', groupIds);
      await removal.execute();
      for (const groupId of groupIds) {
        await sql`
          INSERT INTO group_member_users (group_id, user_uuid, priority, position)
          SELECT ${groupId}, ${userUuid}, 0, coalesce(max(position) + 1, 0)
          FROM group_member_users WHERE group_id = ${groupId}
          ON CONFLICT (group_id, user_uuid) DO NOTHING`.execute(tx.db);
      }
    },
  };
}

export type GroupMembersDao = ReturnType<typeof createGroupMembersDao>;
