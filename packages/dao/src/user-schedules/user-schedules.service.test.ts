import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UserRef } from '../group-members/user-ref.js';
import type { Schedule } from '../schedules/schedules.model.js';
import { scopeOf } from '../search/search.js';
import { createFakeUnitOfWork } from '../testing/index.js';
import type { UserSchedulesDao } from './user-schedules.dao.js';
import { createUserSchedulesNotifier } from './user-schedules.notifier.js';
import { createUserSchedulesService } from './user-schedules.service.js';
import { createUserSchedulesValidator } from './user-schedules.validator.js';

const T = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
const user: UserRef = { id: 1, uuid: '11111111-1111-4111-8111-111111111111', tenant_uuid: T };
const schedules = [
  { id: 5, tenant_uuid: T },
  { id: 6, tenant_uuid: T },
  { id: 7, tenant_uuid: OTHER },
] as Schedule[];

function setup(current: number | null, overrides: Partial<UserSchedulesDao> = {}) {
  const uow = createFakeUnitOfWork();
  const calls: unknown[] = [];
  const dao = {
    findScheduleId: async () => current,
    associate: async (_tx: unknown, _s: unknown, uuid: string, id: number) =>
      calls.push(['associate', uuid, id]) > 0,
    dissociate: async (_tx: unknown, _s: unknown, uuid: string, id: number) =>
      calls.push(['dissociate', uuid, id]) > 0,
    ...overrides,
  } as unknown as UserSchedulesDao;
  const service = createUserSchedulesService({
    uow,
    dao,
    schedules: { find: async (_tx, _scope, id) => schedules.find((s) => s.id === id) ?? null },
    findUser: async (_tx, _scope, key) => (key === 1 || key === user.uuid ? user : null),
    validator: createUserSchedulesValidator(),
    notifier: createUserSchedulesNotifier(),
  });
  return { uow, calls, service };
}

describe('user schedules service', () => {
  it('when a user without schedule gets one, then user_schedule_associated is queued for the user', async () => {
    const { uow, calls, service } = setup(null);
    await service.associate(scopeOf(T), user.uuid, 5);
    assert.deepEqual(calls, [['associate', user.uuid, 5]]);
    assert.deepEqual(
      uow.events.map((e) => [e.name, e.data]),
      [['user_schedule_associated', { user_uuid: user.uuid, schedule_id: 5 }]],
    );
    assert.equal(uow.events[0]?.headers[`user_uuid:${user.uuid}`], true);
  });

  it('when the association already exists, or the dissociation too, then nothing happens', async () => {
    const linked = setup(5);
    await linked.service.associate(scopeOf(T), 1, 5);
    const unlinked = setup(null);
    await unlinked.service.dissociate(scopeOf(T), 1, 5);
    assert.deepEqual([...linked.calls, ...unlinked.calls], []);
    assert.equal(linked.uow.events.length + unlinked.uow.events.length, 0);
  });

  it('when the user has another schedule or the schedule is of another tenant, then it is refused', async () => {
    await assert.rejects(setup(6).service.associate(scopeOf(T), 1, 5), {
      message: "Resource Error - User is associated with a Schedule ('user_id': 1, 'schedule_id': 6)",
    });
    await assert.rejects(setup(null).service.associate(scopeOf(T, OTHER), 1, 7), {
      message: `Resource Error - different tenants ('user_tenant_uuid': '${T}', 'schedule_tenant_uuid': '${OTHER}')`,
    });
  });

  it('when the user or the schedule is unknown, then it is a 404', async () => {
    await assert.rejects(setup(null).service.associate(scopeOf(T), 2, 5), {
      message: "Resource Not Found - User was not found ('id': 2)",
    });
    await assert.rejects(setup(null).service.dissociate(scopeOf(T), 1, 99), {
      message: "Resource Not Found - Schedule was not found ('id': 99)",
    });
  });

  it('when a linked user is dissociated, then user_schedule_dissociated is queued', async () => {
    const { uow, calls, service } = setup(5);
    await service.dissociate(scopeOf(T), 1, 5);
    assert.deepEqual(calls, [['dissociate', user.uuid, 5]]);
    assert.equal(uow.events[0]?.name, 'user_schedule_dissociated');
  });

  it('when the dao writes nothing (gone from the scope), then User is not found and no event is queued', async () => {
    const none = async () => false;
    const linking = setup(null, { associate: none });
    await assert.rejects(linking.service.associate(scopeOf(T), user.uuid, 5), /User was not found/);
    const unlinking = setup(5, { dissociate: none });
    await assert.rejects(unlinking.service.dissociate(scopeOf(T), user.uuid, 5), /User was not found/);
    assert.deepEqual([...linking.uow.events, ...unlinking.uow.events], []);
  });
});
