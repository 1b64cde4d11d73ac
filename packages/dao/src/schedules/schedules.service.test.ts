import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scopeOf } from '../search/search.js';
import { createFakeUnitOfWork } from '../testing/index.js';
import type { SchedulesDao } from './schedules.dao.js';
import type { Schedule, ScheduleCreate, ScheduleRow } from './schedules.model.js';
import { createSchedulesNotifier } from './schedules.notifier.js';
import { createSchedulesService } from './schedules.service.js';
import { createSchedulesValidator } from './schedules.validator.js';

const T = '00000000-0000-4000-8000-00000000000a';
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

function setup(existing: Schedule | null = null) {
  const uow = createFakeUnitOfWork();
  const rows: ScheduleRow[] = [];
  const save = async (row: ScheduleRow) => {
    rows.push(row);
    return { id: 4, ...row };
  };
  const dao = {
    create: async (_tx: unknown, _s: unknown, row: ScheduleRow) => save(row),
    update: async (_tx: unknown, _s: unknown, _id: number, row: ScheduleRow) => save(row),
    find: async () => existing,
    delete: async () => true,
  } as unknown as SchedulesDao;
  const validator = createSchedulesValidator({
    findUser: async (_tx, scope, key) =>
      key === 1 && scope.tenantUuids.includes(T) ? { id: 1, uuid: 'u', tenant_uuid: T } : null,
  });
  const service = createSchedulesService({ uow, dao, validator, notifier: createSchedulesNotifier() });
  return { uow, rows, service };
}

describe('schedules service', () => {
  it('when a schedule is created, then periods get their defaults, destinations lose unknown fields, schedule_created is queued', async () => {
    const { uow, rows, service } = setup();
    await service.create(scopeOf(T), T, {
      closed_destination: { type: 'user', user_id: 1, extra: 'dropped' },
      open_periods: [{ hours_start: '07:15', hours_end: '08:15' }],
      exceptional_periods: [
        { hours_start: '01:00', hours_end: '02:00', months: [2], destination: { type: 'none' } },
      ],
    });
    assert.deepEqual(rows[0], {
      tenant_uuid: T,
      name: null,
      timezone: null,
      closed_destination: { type: 'user', user_id: 1 },
      enabled: true,
      open_periods: [
        {
          hours_start: '07:15',
          hours_end: '08:15',
          week_days: range(7),
          month_days: range(31),
          months: range(12),
        },
      ],
      exceptional_periods: [
        {
          hours_start: '01:00',
          hours_end: '02:00',
          week_days: range(7),
          month_days: range(31),
          months: [2],
          destination: { type: 'none' },
        },
      ],
    });
    assert.deepEqual(
      uow.events.map((e) => [e.name, e.data, e.headers.tenant_uuid]),
      [['schedule_created', { id: 4 }, T]],
    );
  });

  it('when input is wrong, then the errors are worded as confd words them and nothing is queued', async () => {
    const { uow, service } = setup();
    const cases: [ScheduleCreate, string][] = [
      [
        { closed_destination: { type: 'bogus' } as never },
        "Input Error - closed_destination: {'type': ['Must be one of:",
      ],
      [
        { closed_destination: { type: 'user' } },
        "Input Error - closed_destination: {'user_id': ['Missing data for required field.']}",
      ],
      [
        { closed_destination: { type: 'user', user_id: 2 } },
        "Input Error - field 'fallback_actionid': User was not found ('fallback_actionid': 2)",
      ],
      [
        {
          closed_destination: { type: 'none' },
          open_periods: [{ hours_start: '24:00', hours_end: '10:00' }],
        },
        "Input Error - open_periods: {0: {'hours_start': ['String does not match expected pattern.']}}",
      ],
      [
        {
          closed_destination: { type: 'none' },
          open_periods: [{ hours_start: '11:00', hours_end: '10:00' }],
        },
        "Input Error - open_periods: {0: {'_schema': ['hours_end is before hours_start']}}",
      ],
      [
        {
          closed_destination: { type: 'none' },
          open_periods: [{ hours_start: '01:00', hours_end: '02:00', week_days: [] }],
        },
        "Input Error - open_periods: {0: {'week_days': ['week_days cannot be empty']}}",
      ],
      [
        {
          closed_destination: { type: 'none' },
          exceptional_periods: [{ hours_start: '01:00', hours_end: '02:00' } as never],
        },
        "Input Error - exceptional_periods: {0: {'destination': ['Missing data for required field.']}}",
      ],
    ];
    for (const [input, message] of cases) {
      await assert.rejects(service.create(scopeOf(T), T, input), (err: Error) =>
        err.message.startsWith(message),
      );
    }
    assert.equal(uow.events.length, 0);
  });

  it('when a schedule is missing, then get, edit and delete are 404s', async () => {
    const { service } = setup();
    await assert.rejects(service.get(scopeOf(T), 9), {
      message: "Resource Not Found - Schedule was not found ('id': 9)",
    });
    await assert.rejects(service.edit(scopeOf(T), 9, {}), /Schedule was not found/);
    await assert.rejects(service.delete(scopeOf(T), 9), /Schedule was not found/);
  });

  it('when a schedule is edited, then given fields change, others stay, and edited/deleted events are queued', async () => {
    const existing: Schedule = {
      id: 4,
      tenant_uuid: T,
      name: 'old',
      timezone: 'UTC',
      closed_destination: { type: 'none' },
      open_periods: [
        { hours_start: '01:00', hours_end: '02:00', week_days: [1], month_days: [1], months: [1] },
      ],
      exceptional_periods: [],
      enabled: true,
      users: [],
      groups: [],
      incalls: [],
      queues: [],
      outcalls: [],
    };
    const { uow, rows, service } = setup(existing);
    await service.edit(scopeOf(T), 4, { name: 'new', enabled: false });
    const { id: _id, users: _u, groups: _g, incalls: _i, queues: _q, outcalls: _o, ...unchanged } = existing;
    assert.deepEqual(rows[0], { ...unchanged, name: 'new', enabled: false });
    await service.delete(scopeOf(T), 4);
    assert.deepEqual(
      uow.events.map((e) => e.name),
      ['schedule_edited', 'schedule_deleted'],
    );
  });

  it('when the tenant is outside the caller scope, then Tenant is not found before any check and nothing is written', async () => {
    const { uow, rows, service } = setup();
    await assert.rejects(
      service.create(scopeOf(), T, { closed_destination: { type: 'user', user_id: 99 } }),
      {
        message: `Resource Not Found - Tenant was not found ('uuid': '${T}')`,
      },
    );
    assert.deepEqual([rows, uow.events], [[], []]);
  });
});
