import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { scopeOf } from '../search/search.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { createUserLinesDao } from './user-lines.dao.js';

const dao = createUserLinesDao();
const A = randomUUID();
const B = randomUUID();
const scopeA = scopeOf(A);

describe('user-lines dao', () => {
  let testDb: MigratedTestDatabase;
  let tx: Tx;
  let lineIds: number[];
  let alice: { id: number; uuid: string };
  let bob: { id: number; uuid: string };
  let lineB: number;

  const user = (tenant: string, firstname: string) =>
    testDb.db
      .insertInto('users')
      .values({ tenant_uuid: tenant, firstname })
      .returning(['id', 'uuid'])
      .executeTakeFirstOrThrow();

  before(async () => {
    testDb = await createMigratedTestDatabase();
    tx = { db: testDb.db, events: { add: () => assert.fail('a dao queues no event') } };
  });
  after(() => testDb.drop());
  beforeEach(async () => {
    await sql`TRUNCATE line, context, users, tenant CASCADE`.execute(testDb.db);
    await testDb.db
      .insertInto('tenant')
      .values([{ uuid: A }, { uuid: B }])
      .execute();
    const ctx = await testDb.db
      .insertInto('context')
      .values({ tenant_uuid: A, name: 'default', label: 'default' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const lines = await testDb.db
      .insertInto('line')
      .values(['100001', '100002'].map((code) => ({ context_id: ctx.id, provisioning_code: code })))
      .returning('id')
      .execute();
    lineIds = lines.map((l) => l.id);
    alice = await user(A, 'Alice');
    bob = await user(B, 'Bob');
    const ctxB = await testDb.db
      .insertInto('context')
      .values({ tenant_uuid: B, name: 'other', label: 'other' })
      .returning('id')
      .executeTakeFirstOrThrow();
    lineB = (
      await testDb.db
        .insertInto('line')
        .values({ context_id: ctxB.id, provisioning_code: '200001' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('when a user is looked up by id, digits or uuid, then only the scope tenants see it', async () => {
    assert.equal((await dao.findUser(tx, scopeOf(A), alice.id))?.uuid, alice.uuid);
    assert.equal((await dao.findUser(tx, scopeOf(A), String(alice.id)))?.uuid, alice.uuid);
    assert.equal((await dao.findUser(tx, scopeOf(A), alice.uuid))?.id, alice.id);
    assert.equal(await dao.findUser(tx, scopeOf(A), bob.uuid), null);
    assert.equal(await dao.findUser(tx, scopeOf(), alice.id), null);
    assert.equal(await dao.findUser(tx, scopeOf(A), 'nonsense'), null);
  });

  it('when lines are associated, then hasLine answers and lists put the main ones first', async () => {
    assert.equal(await dao.hasLine(tx, scopeA, alice.uuid), false);
    await dao.associate(tx, scopeA, {
      user_id: alice.id,
      line_id: lineIds[1]!,
      main_user: true,
      main_line: false,
    });
    await dao.associate(tx, scopeA, {
      user_id: alice.id,
      line_id: lineIds[0]!,
      main_user: true,
      main_line: true,
    });
    assert.equal(await dao.hasLine(tx, scopeA, alice.uuid), true);
    assert.equal(await dao.hasLine(tx, scopeA, 'not-a-uuid'), false);
    assert.deepEqual(
      (await dao.listByUser(tx, scopeA, alice.id)).map((l) => [l.line_id, l.main_line, l.user_uuid]),
      [
        [lineIds[0], true, alice.uuid],
        [lineIds[1], false, alice.uuid],
      ],
    );
    assert.equal(await dao.dissociate(tx, scopeA, alice.id, lineIds[0]!), true);
    assert.equal(await dao.setMainLine(tx, scopeA, alice.id, lineIds[1]!), true);
    assert.deepEqual(await dao.find(tx, scopeA, alice.id, lineIds[1]!), {
      user_id: alice.id,
      user_uuid: alice.uuid,
      line_id: lineIds[1],
      main_user: true,
      main_line: true,
    });
  });

  it('when two main users or two main lines are written, then the database refuses', async () => {
    const carol = await user(A, 'Carol');
    await dao.associate(tx, scopeA, {
      user_id: alice.id,
      line_id: lineIds[0]!,
      main_user: true,
      main_line: true,
    });
    await assert.rejects(
      dao.associate(tx, scopeA, {
        user_id: carol.id,
        line_id: lineIds[0]!,
        main_user: true,
        main_line: true,
      }),
      /user_line_main_user_key/,
    );
    await assert.rejects(
      dao.associate(tx, scopeA, {
        user_id: alice.id,
        line_id: lineIds[1]!,
        main_user: true,
        main_line: true,
      }),
      /user_line_main_line_key/,
    );
  });

  it('when a user is deleted, then its associations go with it', async () => {
    await dao.associate(tx, scopeA, {
      user_id: alice.id,
      line_id: lineIds[0]!,
      main_user: true,
      main_line: true,
    });
    await testDb.db.deleteFrom('users').where('id', '=', alice.id).execute();
    assert.deepEqual(await dao.listByLine(tx, scopeA, lineIds[0]!), []);
  });

  it('when lines share a main extension, then they and their main users are found', async () => {
    const ctx = await testDb.db.selectFrom('context').select('id').executeTakeFirstOrThrow();
    const ext = await testDb.db
      .insertInto('extension')
      .values({ context_id: ctx.id, exten: '1000' })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const lineId of lineIds) {
      await testDb.db
        .insertInto('line_extension')
        .values({ line_id: lineId, extension_id: ext.id, main_extension: true })
        .execute();
    }
    await dao.associate(tx, scopeA, {
      user_id: alice.id,
      line_id: lineIds[1]!,
      main_user: true,
      main_line: true,
    });
    assert.deepEqual(await dao.linesSharingMainExtension(tx, scopeA, lineIds[0]!), {
      extensionId: ext.id,
      lineIds,
    });
    assert.deepEqual(await dao.mainUsersOf(tx, scopeA, lineIds), [
      { line_id: lineIds[1], user_id: alice.id },
    ]);
  });

  it('when links of tenant A are read with scope B or an empty scope, then none is seen', async () => {
    await dao.associate(tx, scopeA, {
      user_id: alice.id,
      line_id: lineIds[0]!,
      main_user: true,
      main_line: true,
    });
    for (const scope of [scopeOf(B), scopeOf()]) {
      assert.equal(await dao.find(tx, scope, alice.id, lineIds[0]!), null);
      assert.deepEqual(await dao.listByUser(tx, scope, alice.id), []);
      assert.deepEqual(await dao.listByLine(tx, scope, lineIds[0]!), []);
      assert.equal(await dao.hasLine(tx, scope, alice.uuid), false);
      assert.deepEqual(await dao.mainUsersOf(tx, scope, lineIds), []);
      assert.deepEqual(await dao.usersByIds(tx, scope, [alice.id]), []);
    }
    assert.deepEqual(
      (await dao.usersByIds(tx, scopeA, [alice.id, bob.id])).map((u) => u.id),
      [alice.id],
    );
  });

  it('when a link is written with another tenant scope, an empty one or across tenants, then nothing changes', async () => {
    const link = { user_id: alice.id, line_id: lineIds[0]!, main_user: true, main_line: true };
    for (const scope of [scopeOf(B), scopeOf()]) assert.equal(await dao.associate(tx, scope, link), false);
    // Bob (tenant B) onto a line of A, and Alice onto a line of B, with scope A: the other side is unseen.
    assert.equal(await dao.associate(tx, scopeA, { ...link, user_id: bob.id }), false);
    assert.equal(await dao.associate(tx, scopeA, { ...link, line_id: lineB }), false);
    assert.deepEqual(await dao.listByLine(tx, scopeOf(A, B), lineIds[0]!), []);
    assert.equal(await dao.associate(tx, scopeA, link), true);
    for (const scope of [scopeOf(B), scopeOf()]) {
      assert.equal(await dao.dissociate(tx, scope, alice.id, lineIds[0]!), false);
      assert.equal(await dao.setMainLine(tx, scope, alice.id, lineIds[0]!), false);
    }
    assert.equal((await dao.find(tx, scopeA, alice.id, lineIds[0]!))?.main_line, true);
  });
});
