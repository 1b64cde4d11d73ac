import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { scopeOf } from '../search/search.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { createGroupSchedulesDao } from './group-schedules.dao.js';

const dao = createGroupSchedulesDao();
const A = randomUUID();
const B = randomUUID();
const scopeA = scopeOf(A);

describe('group-schedules dao', () => {
  let testDb: MigratedTestDatabase;
  let tx: Tx;
  let groupA: number;
  let scheduleA: number;
  let groupB: number;
  let scheduleB: number;

  async function groupOf(tenant: string) {
    const uuid = randomUUID();
    const row = await testDb.db
      .insertInto('groups')
      .values({ uuid, tenant_uuid: tenant, name: `grp-${uuid}`, label: 'sales' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function scheduleOf(tenant: string) {
    const { rows } = await sql<{ id: number }>`
      INSERT INTO schedules (tenant_uuid, closed_destination) VALUES (${tenant}, '{"type": "none"}')
      RETURNING id`.execute(testDb.db);
    return rows[0]!.id;
  }

  before(async () => {
    testDb = await createMigratedTestDatabase();
    tx = { db: testDb.db, events: { add: () => assert.fail('a dao queues no event') } };
  });
  after(() => testDb.drop());
  beforeEach(async () => {
    await sql`TRUNCATE groups, schedules, tenant CASCADE`.execute(testDb.db);
    await testDb.db
      .insertInto('tenant')
      .values([{ uuid: A }, { uuid: B }])
      .execute();
    [groupA, scheduleA, groupB, scheduleB] = [
      await groupOf(A),
      await scheduleOf(A),
      await groupOf(B),
      await scheduleOf(B),
    ];
  });

  it('when a group gets a schedule of its scope, then it reads back and can be dissociated', async () => {
    assert.equal(await dao.associate(tx, scopeA, groupA, scheduleA), true);
    assert.equal(await dao.findScheduleId(tx, scopeA, groupA), scheduleA);
    assert.equal((await dao.listSchedulesOfGroup(tx, scopeA, groupA)).length, 1);
    assert.equal((await dao.listGroupsOfSchedule(tx, scopeA, scheduleA)).length, 1);
    assert.equal(await dao.dissociate(tx, scopeA, groupA, scheduleA), true);
    assert.equal(await dao.findScheduleId(tx, scopeA, groupA), null);
  });

  it('when a link of tenant A is read or written with scope B or an empty scope, then nothing is seen or changed', async () => {
    await dao.associate(tx, scopeA, groupA, scheduleA);
    for (const scope of [scopeOf(B), scopeOf()]) {
      assert.equal(await dao.findScheduleId(tx, scope, groupA), null);
      assert.deepEqual(await dao.listSchedulesOfGroup(tx, scope, groupA), []);
      assert.deepEqual(await dao.listGroupsOfSchedule(tx, scope, scheduleA), []);
      assert.equal(await dao.dissociate(tx, scope, groupA, scheduleA), false);
    }
    assert.equal(await dao.findScheduleId(tx, scopeA, groupA), scheduleA);
  });

  it('when a link is written across tenants or with an empty scope, then nothing is written', async () => {
    assert.equal(await dao.associate(tx, scopeA, groupA, scheduleB), false);
    assert.equal(await dao.associate(tx, scopeA, groupB, scheduleA), false);
    assert.equal(await dao.associate(tx, scopeOf(B), groupA, scheduleA), false);
    assert.equal(await dao.associate(tx, scopeOf(), groupA, scheduleA), false);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM group_schedules`.execute(
      testDb.db,
    );
    assert.equal(rows[0]!.n, 0);
  });
});
