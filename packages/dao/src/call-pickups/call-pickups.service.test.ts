import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UserRef } from '../group-members/user-ref.js';
import { scopeOf } from '../search/search.js';
import { createFakeUnitOfWork } from '../testing/index.js';
import type { CallPickupsDao } from './call-pickups.dao.js';
import type { CallPickup, CallPickupRole } from './call-pickups.model.js';
import { createCallPickupsNotifier } from './call-pickups.notifier.js';
import { createCallPickupsService, type GroupRef } from './call-pickups.service.js';
import { createCallPickupsValidator } from './call-pickups.validator.js';

const T = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
const PICKUP = { id: 7, tenant_uuid: T, name: 'p', description: null, enabled: true } as CallPickup;
const u1: UserRef = { id: 1, uuid: '11111111-1111-4111-8111-111111111111', tenant_uuid: T };
const u2: UserRef = { id: 2, uuid: '22222222-2222-4222-8222-222222222222', tenant_uuid: T };
const foreign: UserRef = { id: 9, uuid: '99999999-9999-4999-8999-999999999999', tenant_uuid: OTHER };
const groups: GroupRef[] = [
  { id: 3, tenant_uuid: T },
  { id: 4, tenant_uuid: OTHER },
];

function setup(names: Record<string, number> = {}) {
  const uow = createFakeUnitOfWork();
  const writes: [string, CallPickupRole, readonly number[]][] = [];
  const dao = {
    find: async (_tx: unknown, _scope: unknown, id: number) => (id === PICKUP.id ? PICKUP : null),
    idByName: async (_tx: unknown, _tenant: string, name: string) => names[name] ?? null,
    replaceUsers: async (_tx: unknown, _id: number, role: CallPickupRole, ids: readonly number[]) => {
      writes.push(['users', role, ids]);
    },
    replaceGroups: async (_tx: unknown, _id: number, role: CallPickupRole, ids: readonly number[]) => {
      writes.push(['groups', role, ids]);
    },
    update: async () => {
      writes.push(['update', 'target', []]);
    },
  } as unknown as CallPickupsDao;
  const service = createCallPickupsService({
    uow,
    dao,
    validator: createCallPickupsValidator({ dao }),
    notifier: createCallPickupsNotifier(),
    findUser: async (_tx, _scope, key) => [u1, u2, foreign].find((u) => u.uuid === key) ?? null,
    findGroup: async (_tx, _scope, id) => groups.find((g) => g.id === id) ?? null,
  });
  return { uow, writes, service };
}

describe('call pickups service', () => {
  it('when users and groups are given, then written in order on their side, each with its event', async () => {
    const { uow, writes, service } = setup();
    await service.associateTargetUsers(scopeOf(T), 7, [{ uuid: u2.uuid }, { uuid: u1.uuid }]);
    await service.associateInterceptorGroups(scopeOf(T), 7, [{ id: 3 }]);
    assert.deepEqual(writes, [
      ['users', 'target', [2, 1]],
      ['groups', 'interceptor', [3]],
    ]);
    assert.deepEqual(
      uow.events.map((e) => [e.name, e.data]),
      [
        ['call_pickup_target_users_associated', { call_pickup_id: 7, user_uuids: [u2.uuid, u1.uuid] }],
        ['call_pickup_interceptor_groups_associated', { call_pickup_id: 7, group_ids: [3] }],
      ],
    );
  });

  it("when a member is unknown, foreign or twice, or the pickup is missing, then Wazo's words, nothing written", async () => {
    const cases: [() => Promise<void>, string][] = [
      [
        () => setup().service.associateInterceptorUsers(scopeOf(T), 7, [{ uuid: 'abc' }]),
        "Input Error - field 'users': User was not found ('uuid': 'abc')",
      ],
      [
        () => setup().service.associateTargetGroups(scopeOf(T), 7, [{ id: 5 }]),
        "Input Error - field 'groups': Group was not found ('id': 5)",
      ],
      [
        () => setup().service.associateTargetUsers(scopeOf(T), 7, [{ uuid: foreign.uuid }]),
        `Resource Error - different tenants ('call_pickup_tenant_uuid': '${T}', 'user_tenant_uuid': '${OTHER}')`,
      ],
      [
        () => setup().service.associateInterceptorGroups(scopeOf(T), 7, [{ id: 4 }]),
        `Resource Error - different tenants ('call_pickup_tenant_uuid': '${T}', 'group_tenant_uuid': '${OTHER}')`,
      ],
      [
        () => setup().service.associateTargetGroups(scopeOf(T), 7, [{ id: 3 }, { id: 3 }]),
        'Resource Error - Operation not permitted. Cannot associate same group more than once',
      ],
      [
        () => setup().service.associateInterceptorUsers(scopeOf(T), 8, []),
        "Resource Not Found - CallPickup was not found ('id': 8)",
      ],
    ];
    for (const [attempt, message] of cases) await assert.rejects(attempt(), { message });
    const { uow, writes, service } = setup();
    await assert.rejects(
      service.associateTargetUsers(scopeOf(T), 7, [{ uuid: u1.uuid }, { uuid: u1.uuid }]),
      {
        message: 'Resource Error - Operation not permitted. Cannot associate same user more than once',
      },
    );
    assert.deepEqual([writes, uow.events, uow.runs.rolledBack], [[], [], 1]);
  });

  it('when renamed to a name of the tenant, then refused; its own name is kept', async () => {
    const { writes, service } = setup({ taken: 3, p: 7 });
    await assert.rejects(service.edit(scopeOf(T), 7, { name: 'taken' }), {
      message: "Resource Error - CallPickup already exists ('name': 'taken')",
    });
    await service.edit(scopeOf(T), 7, { name: 'p' });
    assert.deepEqual(writes, [['update', 'target', []]]);
  });
});
