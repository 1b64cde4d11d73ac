import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Group } from '../groups/groups.model.js';
import type { Schedule } from '../schedules/schedules.model.js';
import { scopeOf } from '../search/search.js';
import { createFakeUnitOfWork } from '../testing/index.js';
import type { GroupSchedulesDao } from './group-schedules.dao.js';
import { createGroupSchedulesNotifier } from './group-schedules.notifier.js';
import { createGroupSchedulesService } from './group-schedules.service.js';
import { createGroupSchedulesValidator } from './group-schedules.validator.js';

const T = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
const group = { id: 3, uuid: '33333333-3333-4333-8333-333333333333', tenant_uuid: T } as Group;
const schedules = [
  { id: 5, tenant_uuid: T },
  { id: 7, tenant_uuid: OTHER },
] as Schedule[];

function setup(current: number | null, overrides: Partial<GroupSchedulesDao> = {}) {
  const uow = createFakeUnitOfWork();
  const calls: unknown[] = [];
  const dao = {
    findScheduleId: async () => current,
    associate: async (_tx: unknown, _s: unknown, id: number, sid: number) =>
      calls.push(['associate', id, sid]) > 0,
    dissociate: async (_tx: unknown, _s: unknown, id: number, sid: number) =>
      calls.push(['dissociate', id, sid]) > 0,
    ...overrides,
  } as unknown as GroupSchedulesDao;
  const service = createGroupSchedulesService({
    uow,
    dao,
    groups: { find: async (_tx, _scope, key) => (key === 3 || key === group.uuid ? group : null) },
    schedules: { find: async (_tx, _scope, id) => schedules.find((s) => s.id === id) ?? null },
    validator: createGroupSchedulesValidator(),
    notifier: createGroupSchedulesNotifier(),
  });
  return { uow, calls, service };
}

describe('group schedules service', () => {
  it('when a group gets a schedule and loses it, then both events are queued tenant-wide', async () => {
    const first = setup(null);
    await first.service.associate(scopeOf(T), group.uuid, 5);
    const second = setup(5);
    await second.service.dissociate(scopeOf(T), 3, 5);
    assert.deepEqual(
      [...first.calls, ...second.calls],
      [
        ['associate', 3, 5],
        ['dissociate', 3, 5],
      ],
    );
    const data = { group_id: 3, group_uuid: group.uuid, schedule_id: 5 };
    assert.deepEqual(
      [...first.uow.events, ...second.uow.events].map((e) => [e.name, e.data, e.headers['user_uuid:*']]),
      [
        ['group_schedule_associated', data, true],
        ['group_schedule_dissociated', data, true],
      ],
    );
  });

  it('when nothing would change, then nothing happens', async () => {
    const linked = setup(5);
    await linked.service.associate(scopeOf(T), 3, 5);
    const unlinked = setup(null);
    await unlinked.service.dissociate(scopeOf(T), 3, 5);
    assert.equal(
      linked.uow.events.length + unlinked.uow.events.length + linked.calls.length + unlinked.calls.length,
      0,
    );
  });

  it('when the group has another schedule, is of another tenant, or is unknown, then it is refused', async () => {
    await assert.rejects(setup(6).service.associate(scopeOf(T), 3, 5), {
      message: `Resource Error - Group is associated with a Schedule ('group_uuid': '${group.uuid}', 'schedule_id': 6)`,
    });
    await assert.rejects(setup(null).service.associate(scopeOf(T, OTHER), 3, 7), {
      message: `Resource Error - different tenants ('group_tenant_uuid': '${T}', 'schedule_tenant_uuid': '${OTHER}')`,
    });
    await assert.rejects(setup(null).service.associate(scopeOf(T), 4, 5), {
      message: "Resource Not Found - Group was not found ('id': 4)",
    });
  });

  it('when the dao writes nothing (gone from the scope), then Group is not found and no event is queued', async () => {
    const none = async () => false;
    const linking = setup(null, { associate: none });
    await assert.rejects(linking.service.associate(scopeOf(T), 3, 5), /Group was not found/);
    const unlinking = setup(5, { dissociate: none });
    await assert.rejects(unlinking.service.dissociate(scopeOf(T), 3, 5), /Group was not found/);
    assert.deepEqual([...linking.uow.events, ...unlinking.uow.events], []);
  });
});
