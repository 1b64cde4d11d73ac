/**
 * Group membership's public API: replace a group's user members, replace a user's groups, and
 * read either side. Members are read as uuids and priorities; the caller adds names from users.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound, referenceNotFound } from '../errors.js';
import type { GroupKey, GroupsDao } from '../groups/groups.dao.js';
import type { Group } from '../groups/groups.model.js';
import type { TenantScope } from '../search/search.js';
import type { GroupMembersDao } from './group-members.dao.js';
import type {
  GroupMemberUser,
  GroupMemberUserInput,
  GroupRefInput,
  UserGroup,
} from './group-members.model.js';
import type { GroupMembersNotifier } from './group-members.notifier.js';
import type { GroupMembersValidator } from './group-members.validator.js';
import type { FindUser, UserRef } from './user-ref.js';

export interface GroupMembersServiceDeps {
  uow: UnitOfWork;
  dao: GroupMembersDao;
  groups: Pick<GroupsDao, 'find'>;
  findUser: FindUser;
  validator: GroupMembersValidator;
  notifier: GroupMembersNotifier;
}

const keyCriteria = (key: number | string) => (typeof key === 'number' ? { id: key } : { uuid: key });

export function createGroupMembersService(deps: GroupMembersServiceDeps) {
  const { uow, dao, groups, findUser, validator, notifier } = deps;

  async function groupOf(tx: Tx, scope: TenantScope, key: GroupKey): Promise<Group> {
    const group = await groups.find(tx, scope, key);
    if (!group) throw notFound('Group', keyCriteria(key));
    return group;
  }

  async function userOf(tx: Tx, scope: TenantScope, key: number | string): Promise<UserRef> {
    const user = await findUser(tx, scope, key);
    if (!user) throw notFound('User', keyCriteria(/^[0-9]+$/.test(String(key)) ? Number(key) : key));
    return user;
  }

  async function membersOf(tx: Tx, scope: TenantScope, input: GroupMemberUserInput[]) {
    const users: UserRef[] = [];
    for (const member of input) {
      const user = await findUser(tx, scope, member.uuid);
      if (!user) throw referenceNotFound('users', 'User', { uuid: member.uuid });
      users.push(user);
    }
    return users;
  }

  async function groupsOf(tx: Tx, scope: TenantScope, refs: GroupRefInput[]): Promise<Group[]> {
    const found: Group[] = [];
    for (const ref of refs) {
      const key = ref.id ?? (ref.uuid as string);
      const group = await groups.find(tx, scope, key);
      if (!group || (ref.uuid !== undefined && group.uuid !== ref.uuid)) {
        throw referenceNotFound(
          'groups',
          'Group',
          ref.id !== undefined ? { id: ref.id } : { uuid: ref.uuid },
        );
      }
      found.push(group);
    }
    return found;
  }

  return {
    /** The group's user members, in order. */
    listUsers(scope: TenantScope, groupKey: GroupKey): Promise<GroupMemberUser[]> {
      return uow.read(async (tx) => dao.listUsers(tx, scope, (await groupOf(tx, scope, groupKey)).id));
    },

    /** Replaces all the group's user members; a missing priority is the member's index. */
    associateUsers(scope: TenantScope, groupKey: GroupKey, members: GroupMemberUserInput[]): Promise<void> {
      return uow.run(async (tx) => {
        const group = await groupOf(tx, scope, groupKey);
        const users = await membersOf(tx, scope, members);
        await validator.validateUsers(tx, group, users);
        const rows = users.map((u, i) => ({ user_uuid: u.uuid, priority: members[i]?.priority ?? i }));
        if (!(await dao.replaceUsers(tx, scope, group.id, rows))) throw notFound('Group', { id: group.id });
        notifier.usersAssociated(
          tx,
          group,
          users.map((u) => u.uuid),
        );
      });
    },

    /** The groups the user belongs to. */
    listGroups(scope: TenantScope, userKey: number | string): Promise<UserGroup[]> {
      return uow.read(async (tx) => dao.listGroupsOfUser(tx, scope, (await userOf(tx, scope, userKey)).uuid));
    },

    /** Makes the user a member of exactly these groups (an empty list leaves them all). */
    associateGroups(scope: TenantScope, userKey: number | string, refs: GroupRefInput[]): Promise<void> {
      return uow.run(async (tx) => {
        const user = await userOf(tx, scope, userKey);
        const found = await groupsOf(tx, scope, refs);
        await validator.validateGroups(tx, user, found);
        const ids = found.map((g) => g.id);
        if (!(await dao.replaceGroupsOfUser(tx, scope, user.uuid, ids)))
          throw notFound('User', { uuid: user.uuid });
        notifier.groupsAssociated(
          tx,
          user,
          found.map((g) => g.id),
        );
      });
    },
  };
}

export type GroupMembersService = ReturnType<typeof createGroupMembersService>;
