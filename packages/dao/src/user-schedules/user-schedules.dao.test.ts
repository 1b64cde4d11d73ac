import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { scopeOf } from '../search/search.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { createUserSchedulesDao } from './user-schedules.dao.js';

const dao = createUserSchedulesDao();
const A = randomUUID();
const B = randomUUID();
const scopeA = scopeOf(A);

describe('user-schedules dao', () => {
  let testDb: MigratedTestDatabase;
  let tx: Tx;
  let userA: string;
  let scheduleA: number;
  let userB: string;
  let scheduleB: number;

  async function userOf(tenant: string) {
    const row = await testDb.db
      .insertInto('users')
      .values({ tenant_uuid: tenant, firstname: 'Alice' })
      .returning('uuid')
      .executeTakeFirstOrThrow();
    return row.uuid;
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
    await sql`TRUNCATE users, schedules, tenant CASCADE`.execute(testDb.db);
    await testDb.db
      .insertInto('tenant')
      .values([{ uuid: A }, { uuid: B }])
      .execute();
    userA = await userOf(A);
    scheduleA = await scheduleOf(A);
    userB = await userOf(B);
    scheduleB = await scheduleOf(B);
  });

  it('when a user gets a schedule of its scope, then it reads back and can be dissociated', async () => {
    assert.equal(await dao.associate(tx, scopeA, userA, scheduleA), true);
    assert.equal(await dao.findScheduleId(tx, scopeA, userA), scheduleA);
    assert.equal((await dao.listSchedulesOfUser(tx, scopeA, userA)).length, 1);
    assert.deepEqual(await dao.listUsersOfSchedule(tx, scopeA, scheduleA), [{ uuid: userA }]);
    assert.equal(await dao.dissociate(tx, scopeA, userA, scheduleA), true);
    assert.equal(await dao.findScheduleId(tx, scopeA, userA), null);
  });

  it('when a link of tenant A is read or written with scope B or an empty scope, then nothing is seen or changed', async () => {
    await dao.associate(tx, scopeA, userA, scheduleA);
    for (const scope of [scopeOf(B), scopeOf()]) {
      assert.equal(await dao.findScheduleId(tx, scope, userA), null);
      assert.deepEqual(await dao.listSchedulesOfUser(tx, scope, userA), []);
      assert.deepEqual(await dao.listUsersOfSchedule(tx, scope, scheduleA), []);
      assert.equal(await dao.dissociate(tx, scope, userA, scheduleA), false);
    }
    assert.equal(await dao.findScheduleId(tx, scopeA, userA), scheduleA);
  });

  it('when a link is written across tenants or with an empty scope, then nothing is written', async () => {
    assert.equal(await dao.associate(tx, scopeA, userA, scheduleB), false);
    assert.equal(await dao.associate(tx, scopeA, userB, scheduleA), false);
    assert.equal(await dao.associate(tx, scopeOf(B), userA, scheduleA), false);
    assert.equal(await dao.associate(tx, scopeOf(), userA, scheduleA), false);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM user_schedules`.execute(
      testDb.db,
    );
    assert.equal(rows[0]!.n, 0);
  });
});
