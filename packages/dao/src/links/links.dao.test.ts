/**
 * The link dao on a real PostgreSQL, run for every declared link kind (a table of owner kinds):
 * reads of both sides, tenant scoping of both sides, one resource per owner, and the link going
 * with its resource.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { groupScheduleLink } from '../group-schedules/group-schedules.link.js';
import { scopeOf } from '../search/search.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { userScheduleLink } from '../user-schedules/user-schedules.link.js';
import { createLinkDao, type LinkDao } from './links.dao.js';
import type { LinkKey } from './links.kind.js';

const A = randomUUID();
const B = randomUUID();
const scopeA = scopeOf(A);

let testDb: MigratedTestDatabase;
let tx: Tx;

/** An owner of the tenant: its link key and what a schedule's list shows of it. */
type NewOwner = (tenant: string) => Promise<{ key: LinkKey; summary: object }>;

async function newUser(tenant: string) {
  const { rows } = await sql<{ uuid: string }>`
    INSERT INTO users (tenant_uuid, firstname) VALUES (${tenant}, 'Alice') RETURNING uuid`.execute(testDb.db);
  return { key: rows[0]!.uuid, summary: { uuid: rows[0]!.uuid } };
}

async function newGroup(tenant: string) {
  const uuid = randomUUID();
  const name = `grp-${uuid}`;
  const { rows } = await sql<{ id: number }>`
    INSERT INTO groups (uuid, tenant_uuid, name, label) VALUES (${uuid}, ${tenant}, ${name}, 'sales')
    RETURNING id`.execute(testDb.db);
  return { key: rows[0]!.id, summary: { id: rows[0]!.id, uuid, name } };
}

async function newSchedule(tenant: string) {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO schedules (tenant_uuid, name, closed_destination) VALUES (${tenant}, 's', '{"type": "none"}')
    RETURNING id`.execute(testDb.db);
  return rows[0]!.id;
}

const kinds: { label: string; dao: LinkDao<unknown, unknown>; table: string; newOwner: NewOwner }[] = [
  {
    label: 'user ↔ schedule',
    dao: createLinkDao(userScheduleLink),
    table: 'user_schedules',
    newOwner: newUser,
  },
  {
    label: 'group ↔ schedule',
    dao: createLinkDao(groupScheduleLink),
    table: 'group_schedules',
    newOwner: newGroup,
  },
];

before(async () => {
  testDb = await createMigratedTestDatabase();
  tx = { db: testDb.db, events: { add: () => assert.fail('a dao queues no event') } };
});
after(() => testDb.drop());

for (const { label, dao, table, newOwner } of kinds) {
  describe(`${label} link dao`, () => {
    let ownerA: { key: LinkKey; summary: object };
    let ownerB: { key: LinkKey; summary: object };
    let scheduleA: number;
    let scheduleB: number;
    const count = async () =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(testDb.db))
        .rows[0]!.n;

    beforeEach(async () => {
      await sql`TRUNCATE users, groups, schedules, tenant CASCADE`.execute(testDb.db);
      await testDb.db
        .insertInto('tenant')
        .values([{ uuid: A }, { uuid: B }])
        .execute();
      [ownerA, scheduleA, ownerB, scheduleB] = [
        await newOwner(A),
        await newSchedule(A),
        await newOwner(B),
        await newSchedule(B),
      ];
    });

    it('when an owner gets a schedule of its scope, then both sides read it and it can be dissociated', async () => {
      assert.equal(await dao.associate(tx, scopeA, ownerA.key, scheduleA), true);
      assert.equal(await dao.exists(tx, scopeA, ownerA.key, scheduleA), true);
      assert.deepEqual(await dao.resourceKeysOf(tx, scopeA, ownerA.key), [scheduleA]);
      assert.deepEqual(await dao.listByOwner(tx, scopeA, ownerA.key), [{ id: scheduleA, name: 's' }]);
      assert.deepEqual(await dao.listByResource(tx, scopeA, scheduleA), [ownerA.summary]);
      assert.equal(await dao.dissociate(tx, scopeA, ownerA.key, scheduleA), true);
      assert.deepEqual(await dao.resourceKeysOf(tx, scopeA, ownerA.key), []);
    });

    it('when a link of tenant A is read or written with scope B or an empty scope, then nothing is seen or changed', async () => {
      await dao.associate(tx, scopeA, ownerA.key, scheduleA);
      for (const scope of [scopeOf(B), scopeOf()]) {
        assert.equal(await dao.exists(tx, scope, ownerA.key, scheduleA), false);
        assert.deepEqual(await dao.resourceKeysOf(tx, scope, ownerA.key), []);
        assert.deepEqual(await dao.listByOwner(tx, scope, ownerA.key), []);
        assert.deepEqual(await dao.listByResource(tx, scope, scheduleA), []);
        assert.equal(await dao.dissociate(tx, scope, ownerA.key, scheduleA), false);
      }
      assert.deepEqual(await dao.resourceKeysOf(tx, scopeA, ownerA.key), [scheduleA]);
    });

    it('when a link is written across tenants or with an empty scope, then nothing is written', async () => {
      assert.equal(await dao.associate(tx, scopeA, ownerA.key, scheduleB), false);
      assert.equal(await dao.associate(tx, scopeA, ownerB.key, scheduleA), false);
      assert.equal(await dao.associate(tx, scopeOf(B), ownerA.key, scheduleA), false);
      assert.equal(await dao.associate(tx, scopeOf(), ownerA.key, scheduleA), false);
      assert.equal(await count(), 0);
    });

    it('when a second schedule is written for one owner, then the table refuses it', async () => {
      const other = await newSchedule(A);
      await dao.associate(tx, scopeA, ownerA.key, scheduleA);
      await assert.rejects(dao.associate(tx, scopeA, ownerA.key, other), /duplicate key/);
    });

    it('when the schedule is deleted, then its link goes with it', async () => {
      await dao.associate(tx, scopeA, ownerA.key, scheduleA);
      await sql`DELETE FROM schedules WHERE id = ${scheduleA}`.execute(testDb.db);
      assert.deepEqual(await dao.resourceKeysOf(tx, scopeA, ownerA.key), []);
      assert.equal(await count(), 0);
    });
  });
}
