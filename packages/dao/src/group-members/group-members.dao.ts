/**
 * SQL of group memberships: `group_member_users`, checked against `groups` and `users` so that
 * every read and write stays within the caller's tenants (an empty scope sees and changes nothing).
 */
import { inTenants } from '@wazo-ts/db';
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import type { TenantScope } from '../search/search.js';
import type { GroupMemberRow, GroupMemberUser, UserGroup } from './group-members.model.js';

export function createGroupMembersDao() {
  // Ids of the scope's groups (none for an empty scope).
  const groupsIn = (tx: Tx, scope: TenantScope) =>
    tx.db.selectFrom('groups').select('groups.id').where(inTenants('groups.tenant_uuid', scope.tenantUuids));

  /** Whether every one of these users is in the scope (tenants never change, so a check suffices). */
  async function allUsersIn(tx: Tx, scope: TenantScope, uuids: string[]): Promise<boolean> {
    const distinct = [...new Set(uuids)];
    if (distinct.length === 0) return true;
    const row = await tx.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('uuid', 'in', distinct)
      .where(inTenants('tenant_uuid', scope.tenantUuids))
      .executeTakeFirstOrThrow();
    return Number(row.n) === distinct.length;
  }

  async function allGroupsIn(tx: Tx, scope: TenantScope, ids: number[]): Promise<boolean> {
    const distinct = [...new Set(ids)];
    if (distinct.length === 0) return true;
    const rows = await groupsIn(tx, scope).where('groups.id', 'in', distinct).execute();
    return rows.length === distinct.length;
  }

  return {
    /** The user members of the group `groupId` (none when it is not in the scope), in the order given. */
    async listUsers(tx: Tx, scope: TenantScope, groupId: number): Promise<GroupMemberUser[]> {
      const rows = await tx.db
        .selectFrom('group_member_users')
        .select(['user_uuid', 'priority'])
        .where('group_id', '=', groupId)
        .where('group_id', 'in', groupsIn(tx, scope))
        .orderBy('position')
        .execute();
      return rows.map((r) => ({ uuid: r.user_uuid, priority: r.priority }));
    },

    /**
     * Replaces all the user members of the group `groupId`. False when the group or one of the
     * users is not in the scope: nothing is written.
     */
    async replaceUsers(
      tx: Tx,
      scope: TenantScope,
      groupId: number,
      members: GroupMemberRow[],
    ): Promise<boolean> {
      if (!(await allGroupsIn(tx, scope, [groupId]))) return false;
      if (
        !(await allUsersIn(
          tx,
          scope,
          members.map((m) => m.user_uuid),
        ))
      )
        return false;
      await tx.db.deleteFrom('group_member_users').where('group_id', '=', groupId).execute();
      if (members.length === 0) return true;
      await tx.db
        .insertInto('group_member_users')
        .values(members.map((m, position) => ({ group_id: groupId, ...m, position })))
        .execute();
      return true;
    },

    /** The groups in scope the user belongs to, by group id. */
    async listGroupsOfUser(tx: Tx, scope: TenantScope, userUuid: string): Promise<UserGroup[]> {
      return tx.db
        .selectFrom('group_member_users as m')
        .innerJoin('groups as g', 'g.id', 'm.group_id')
        .select(['g.id', 'g.uuid', 'g.name', 'g.label'])
        .where('m.user_uuid', '=', userUuid)
        .where(inTenants('g.tenant_uuid', scope.tenantUuids))
        .orderBy('g.id')
        .execute();
    },

    /**
     * Makes the user a member of exactly `groupIds` among the scope's groups: memberships it keeps
     * keep their priority and place; new ones come last in their group with priority 0. False when
     * the user or one of the groups is not in the scope: nothing is written.
     */
    async replaceGroupsOfUser(
      tx: Tx,
      scope: TenantScope,
      userUuid: string,
      groupIds: number[],
    ): Promise<boolean> {
      if (!(await allUsersIn(tx, scope, [userUuid])) || !(await allGroupsIn(tx, scope, groupIds)))
        return false;
      let removal = tx.db
        .deleteFrom('group_member_users')
        .where('user_uuid', '=', userUuid)
        .where('group_id', 'in', groupsIn(tx, scope));
      if (groupIds.length > 0) removal = removal.where('group_id', 'not in', groupIds);
      await removal.execute();
      for (const groupId of groupIds) {
        await sql`
          INSERT INTO group_member_users (group_id, user_uuid, priority, position)
          SELECT ${groupId}, ${userUuid}, 0, coalesce(max(position) + 1, 0)
          FROM group_member_users WHERE group_id = ${groupId}
          ON CONFLICT (group_id, user_uuid) DO NOTHING`.execute(tx.db);
      }
      return true;
    },
  };
}

export type GroupMembersDao = ReturnType<typeof createGroupMembersDao>;
