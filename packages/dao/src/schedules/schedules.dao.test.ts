import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { scopeOf } from '../search/search.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { createSchedulesDao } from './schedules.dao.js';
import type { ScheduleRow } from './schedules.model.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const dao = createSchedulesDao();
let test: MigratedTestDatabase;
let tx: Tx;
const UNKNOWN = '00000000-0000-4000-8000-0000000000ff';
// Every tenant the tests write to, the unknown one too (so that its foreign key is what refuses it).
const ALL = scopeOf(A, B, UNKNOWN);

async function create(scheduleRow: ScheduleRow) {
  const schedule = await dao.create(tx, ALL, scheduleRow);
  assert.ok(schedule);
  return schedule;
}

const period = (start: string, end: string) => ({
  hours_start: start,
  hours_end: end,
  week_days: [1, 2, 3],
  month_days: [1, 31],
  months: [12],
});

const row = (tenant: string, name: string | null, extra: Partial<ScheduleRow> = {}): ScheduleRow => ({
  tenant_uuid: tenant,
  name,
  timezone: null,
  closed_destination: { type: 'none' },
  open_periods: [],
  exceptional_periods: [],
  enabled: true,
  ...extra,
});

before(async () => {
  test = await createMigratedTestDatabase();
  tx = { db: test.db, events: { add: () => {} } };
  await sql`INSERT INTO tenant (uuid, slug) VALUES (${A}, 'alpha'), (${B}, 'beta')`.execute(test.db);
});
after(() => test.drop());
beforeEach(() => sql`DELETE FROM schedules`.execute(test.db));

describe('schedules dao', () => {
  it('when a schedule is created with periods, then it reads back the same, periods in order', async () => {
    const input = row(A, 'office', {
      timezone: 'America/Toronto',
      closed_destination: { type: 'hangup', cause: 'busy', timeout: 25 },
      open_periods: [period('09:00', '12:00'), period('13:00', '17:00')],
      exceptional_periods: [{ ...period('07:25', '07:35'), destination: { type: 'user', user_id: 3 } }],
      enabled: false,
    });
    const created = await create(input);
    const { id, ...rest } = created;
    assert.ok(id > 0);
    const noRelations = { users: [], groups: [], incalls: [], queues: [], outcalls: [] };
    // A user destination is answered with the user's names (null: user 3 does not exist here).
    const named = { type: 'user', user_id: 3, user_firstname: null, user_lastname: null };
    const exceptional = input.exceptional_periods.map((p) => ({ ...p, destination: named }));
    assert.deepEqual(rest, { ...input, exceptional_periods: exceptional, ...noRelations });
    assert.deepEqual(await dao.find(tx, scopeOf(A), id), created);
  });

  it('when a schedule of tenant B is read with scope A, then it is invisible', async () => {
    const other = await create(row(B, 'other'));
    assert.equal(await dao.find(tx, scopeOf(A), other.id), null);
    assert.equal(await dao.find(tx, scopeOf(), other.id), null);
    assert.equal(await dao.update(tx, scopeOf(A), other.id, row(B, 'x')), null);
    assert.equal(await dao.delete(tx, scopeOf(A), other.id), false);
    assert.equal((await dao.search(tx, scopeOf(A), {})).total, 0);
  });

  it('when schedules are searched, then search, filters, order, direction, limit, offset and total apply', async () => {
    await create(row(A, 'beta', { timezone: 'Europe/Paris' }));
    await create(row(A, 'alpha', { open_periods: [period('01:00', '02:00')] }));
    await create(row(A, 'gamma'));
    const all = await dao.search(tx, scopeOf(A), {});
    assert.deepEqual(
      all.items.map((s) => s.name),
      ['alpha', 'beta', 'gamma'],
    );
    assert.equal(all.items[0]?.open_periods.length, 1);
    const desc = await dao.search(tx, scopeOf(A), { direction: 'desc', limit: 2, offset: 1 });
    assert.equal(desc.total, 3);
    assert.deepEqual(
      desc.items.map((s) => s.name),
      ['beta', 'alpha'],
    );
    const found = await dao.search(tx, scopeOf(A), { search: 'paris' });
    assert.deepEqual(
      found.items.map((s) => s.name),
      ['beta'],
    );
    const filtered = await dao.search(tx, scopeOf(A), { filters: { name: 'gamma' } });
    assert.deepEqual(
      filtered.items.map((s) => s.name),
      ['gamma'],
    );
  });

  it('when a schedule is updated, then its fields and periods are replaced', async () => {
    const created = await create(row(A, 'a', { open_periods: [period('01:00', '02:00')] }));
    const updated = await dao.update(tx, scopeOf(A), created.id, row(A, 'b', { enabled: false }));
    assert.equal(updated?.name, 'b');
    assert.equal(updated?.enabled, false);
    assert.deepEqual(updated?.open_periods, []);
    assert.equal(await dao.delete(tx, scopeOf(A), created.id), true);
    assert.equal(await dao.find(tx, scopeOf(A), created.id), null);
  });

  it('when periods break the constraints, then PostgreSQL refuses them', async () => {
    const bad = (p: object) =>
      create(row(A, 'bad', { open_periods: [{ ...period('01:00', '02:00'), ...p }] }));
    await assert.rejects(bad({ hours_start: '24:00' }), /check/);
    await assert.rejects(bad({ hours_start: '03:00' }), /check/);
    await assert.rejects(bad({ week_days: [8] }), /check/);
    await assert.rejects(bad({ month_days: [] }), /check/);
    await assert.rejects(bad({ months: [0] }), /check/);
    await assert.rejects(create(row(UNKNOWN, 'x')), /foreign key/);
  });

  it('when a schedule is created in a tenant outside the scope, then nothing is written', async () => {
    assert.equal(await dao.create(tx, scopeOf(B), row(A, 'elsewhere')), null);
    assert.equal(await dao.create(tx, scopeOf(), row(A, 'nowhere')), null);
    assert.equal((await dao.search(tx, scopeOf(A, B), {})).total, 0);
  });
});
