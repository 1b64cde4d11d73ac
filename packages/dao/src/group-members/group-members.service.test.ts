import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Group } from '../groups/groups.model.js';
import { scopeOf } from '../search/search.js';
import { createFakeUnitOfWork } from '../testing/index.js';
import type { GroupMembersDao } from './group-members.dao.js';
import { createGroupMembersNotifier } from './group-members.notifier.js';
import { createGroupMembersService } from './group-members.service.js';
import { createGroupMembersValidator, type GroupMembersValidatorDeps } from './group-members.validator.js';
import type { UserRef } from './user-ref.js';

const T = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
const GROUP = { id: 3, uuid: '33333333-3333-4333-8333-333333333333', tenant_uuid: T } as Group;
const u1: UserRef = { id: 1, uuid: '11111111-1111-4111-8111-111111111111', tenant_uuid: T };
const u2: UserRef = { id: 2, uuid: '22222222-2222-4222-8222-222222222222', tenant_uuid: T };
const foreign: UserRef = { id: 9, uuid: '99999999-9999-4999-8999-999999999999', tenant_uuid: OTHER };
const users = [u1, u2, foreign];

function setup(lines: Partial<GroupMembersValidatorDeps> = {}, overrides: Partial<GroupMembersDao> = {}) {
  const uow = createFakeUnitOfWork();
  const calls: unknown[] = [];
  const dao = {
    replaceUsers: async (_tx: unknown, _s: unknown, groupId: number, rows: unknown) =>
      calls.push(['users', groupId, rows]) > 0,
    replaceGroupsOfUser: async (_tx: unknown, _s: unknown, uuid: string, ids: number[]) =>
      calls.push(['groups', uuid, ids]) > 0,
    listUsers: async () => [],
    listGroupsOfUser: async () => [],
    ...overrides,
  } as GroupMembersDao;
  const service = createGroupMembersService({
    uow,
    dao,
    groups: { find: async (_tx, _scope, key) => (key === GROUP.id || key === GROUP.uuid ? GROUP : null) },
    findUser: async (_tx, _scope, key) => users.find((u) => u.uuid === key || u.id === Number(key)) ?? null,
    validator: createGroupMembersValidator({
      hasLine: async () => true,
      mainLineId: async () => null,
      ...lines,
    }),
    notifier: createGroupMembersNotifier(),
  });
  return { uow, calls, service };
}

describe('group members service', () => {
  it('when members are given, then priorities default to their index and group_member_users_associated is queued', async () => {
    const { uow, calls, service } = setup();
    await service.associateUsers(scopeOf(T), GROUP.uuid, [{ uuid: u2.uuid }, { uuid: u1.uuid, priority: 9 }]);
    assert.deepEqual(calls, [
      [
        'users',
        3,
        [
          { user_uuid: u2.uuid, priority: 0 },
          { user_uuid: u1.uuid, priority: 9 },
        ],
      ],
    ]);
    assert.equal(uow.events[0]?.name, 'group_member_users_associated');
    assert.deepEqual(uow.events[0]?.data, {
      group_id: 3,
      group_uuid: GROUP.uuid,
      user_uuids: [u2.uuid, u1.uuid],
    });
  });

  it('when a member is unknown, then the error is worded as Wazo words it', async () => {
    const { uow, service } = setup();
    const missing = '00000000-0000-4000-8000-000000000000';
    await assert.rejects(service.associateUsers(scopeOf(T), 3, [{ uuid: missing }]), {
      message: `Input Error - field 'users': User was not found ('uuid': '${missing}')`,
    });
    assert.equal(uow.events.length, 0);
  });

  it('when a member is of another tenant, twice in the list, lineless or sharing a line, then it is refused', async () => {
    await assert.rejects(setup().service.associateUsers(scopeOf(T, OTHER), 3, [{ uuid: foreign.uuid }]), {
      message: `Resource Error - different tenants ('group_tenant_uuid': '${T}', 'user_tenant_uuid': '${OTHER}')`,
    });
    await assert.rejects(
      setup().service.associateUsers(scopeOf(T), 3, [{ uuid: u1.uuid }, { uuid: u1.uuid }]),
      {
        message: 'Resource Error - Operation not permitted. Cannot associate same user more than once',
      },
    );
    const lineless = setup({ hasLine: async (_tx, user) => user.uuid !== u2.uuid });
    await assert.rejects(
      lineless.service.associateUsers(scopeOf(T), 3, [{ uuid: u1.uuid }, { uuid: u2.uuid }]),
      {
        message: `Resource Error - User must be associated with a Line ('user_uuid': '${u2.uuid}')`,
      },
    );
    const shared = setup({ mainLineId: async () => 5 });
    await assert.rejects(
      shared.service.associateUsers(scopeOf(T), 3, [{ uuid: u1.uuid }, { uuid: u2.uuid }]),
      {
        message:
          "Resource Error - Operation not permitted. Cannot associate different users with the same line ('line_id': 5)",
      },
    );
  });

  it('when the group is unknown, then it is a 404', async () => {
    await assert.rejects(setup().service.associateUsers(scopeOf(T), 4, []), {
      message: "Resource Not Found - Group was not found ('id': 4)",
    });
  });

  it("when a user's groups are replaced, then user_groups_associated is queued for that user", async () => {
    const { uow, calls, service } = setup();
    await service.associateGroups(scopeOf(T), u1.uuid, [{ id: 3 }]);
    assert.deepEqual(calls, [['groups', u1.uuid, [3]]]);
    assert.equal(uow.events[0]?.name, 'user_groups_associated');
    assert.deepEqual(uow.events[0]?.data, { user_uuid: u1.uuid, group_ids: [3] });
    assert.equal(uow.events[0]?.headers[`user_uuid:${u1.uuid}`], true);
  });

  it("when a user's groups are wrong, then the errors are Wazo's", async () => {
    await assert.rejects(setup().service.associateGroups(scopeOf(T), '1', [{ id: 8 }]), {
      message: "Input Error - field 'groups': Group was not found ('id': 8)",
    });
    await assert.rejects(setup().service.associateGroups(scopeOf(T), 1, [{ id: 3 }, { uuid: GROUP.uuid }]), {
      message: 'Resource Error - Operation not permitted. Cannot associate same group more than once',
    });
    const lineless = setup({ hasLine: async () => false });
    await assert.rejects(
      lineless.service.associateGroups(scopeOf(T), 1, [{ id: 3 }]),
      /User must be associated with a Line/,
    );
    await lineless.service.associateGroups(scopeOf(T), 1, []);
    await assert.rejects(setup().service.associateGroups(scopeOf(T), 77, []), {
      message: "Resource Not Found - User was not found ('id': 77)",
    });
  });

  it('when the dao writes nothing (gone from the scope), then Group or User is not found and no event is queued', async () => {
    const none = async () => false;
    const { uow, service } = setup({}, { replaceUsers: none, replaceGroupsOfUser: none });
    await assert.rejects(service.associateUsers(scopeOf(T), 3, [{ uuid: u1.uuid }]), {
      message: "Resource Not Found - Group was not found ('id': 3)",
    });
    await assert.rejects(service.associateGroups(scopeOf(T), u1.uuid, [{ id: 3 }]), {
      message: `Resource Not Found - User was not found ('uuid': '${u1.uuid}')`,
    });
    assert.equal(uow.events.length, 0);
  });
});
