import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { scopeOf } from '../search/search.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { createExtensionsDao } from './extensions.dao.js';
import { NO_OTHER_OWNERS } from './extensions.model.js';

const dao = createExtensionsDao();
const A = randomUUID();
const B = randomUUID();

describe('extensions dao', () => {
  let testDb: MigratedTestDatabase;
  let tx: Tx;
  const ctx: Record<string, number> = {};
  const both = scopeOf(A, B);

  async function make(record: { context_id: number; exten: string; enabled: boolean }) {
    const id = await dao.create(tx, both, record);
    assert.ok(id !== null);
    return id;
  }

  async function context(name: string, tenant: string, type = 'internal') {
    const row = await testDb.db
      .insertInto('context')
      .values({ tenant_uuid: tenant, name, label: name, type })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx[name] = row.id;
  }

  before(async () => {
    testDb = await createMigratedTestDatabase();
    tx = { db: testDb.db, events: { add: () => assert.fail('a dao queues no event') } };
  });
  after(() => testDb.drop());
  beforeEach(async () => {
    await sql`TRUNCATE extension, context, tenant CASCADE`.execute(testDb.db);
    await testDb.db
      .insertInto('tenant')
      .values([{ uuid: A }, { uuid: B }])
      .execute();
    await context('default', A);
    await context('from-extern', A, 'incall');
    await context('other', B);
  });

  it('when an extension is created, then it reads with its context name and tenant', async () => {
    const id = await make({ context_id: ctx.default!, exten: '1000', enabled: true });
    assert.deepEqual(await dao.find(tx, scopeOf(A), id), {
      id,
      exten: '1000',
      enabled: true,
      commented: false,
      context: 'default',
      tenant_uuid: A,
      lines: [],
      group: null,
      outcall: null,
      conference: null,
      parking_lot: null,
      ...NO_OTHER_OWNERS,
    });
    assert.equal(await dao.findIdByExten(tx, '1000', ctx.default!), id);
    assert.equal(await dao.findIdByExten(tx, '1000', ctx['from-extern']!), null);
  });

  it('when an extension of tenant B is read with scope A or none, then it is invisible', async () => {
    const id = await make({ context_id: ctx.other!, exten: '1000', enabled: true });
    assert.equal(await dao.find(tx, scopeOf(A), id), null);
    assert.equal(await dao.find(tx, scopeOf(), id), null);
    assert.equal((await dao.search(tx, scopeOf(A), {})).total, 0);
    assert.equal((await dao.search(tx, scopeOf(B), {})).total, 1);
  });

  it('when searched, then exten, context and type filter, and exten is the default order', async () => {
    await make({ context_id: ctx.default!, exten: '1002', enabled: true });
    await make({ context_id: ctx.default!, exten: '1001', enabled: false });
    await make({ context_id: ctx['from-extern']!, exten: '5551000', enabled: true });
    const scope = scopeOf(A);
    const all = await dao.search(tx, scope, {});
    assert.deepEqual(
      all.items.map((e) => e.exten),
      ['1001', '1002', '5551000'],
    );
    assert.equal(all.items[0]?.commented, true);
    assert.deepEqual(
      (await dao.search(tx, scope, { filters: { type: 'incall' } })).items.map((e) => e.exten),
      ['5551000'],
    );
    assert.deepEqual(
      (await dao.search(tx, scope, { filters: { context: 'default', exten: '1002' } })).items.map(
        (e) => e.exten,
      ),
      ['1002'],
    );
    const page = await dao.search(tx, scope, { search: 'defau', direction: 'desc', limit: 1 });
    assert.deepEqual([page.total, page.items[0]?.exten], [2, '1002']);
  });

  it('when an extension is edited or deleted, then the row follows', async () => {
    const id = await make({ context_id: ctx.default!, exten: '1000', enabled: true });
    assert.equal(
      await dao.edit(tx, scopeOf(A), id, { context_id: ctx['from-extern']!, exten: '2000', enabled: false }),
      true,
    );
    const found = await dao.find(tx, scopeOf(A), id);
    assert.deepEqual([found?.exten, found?.context, found?.enabled], ['2000', 'from-extern', false]);
    assert.equal(await dao.delete(tx, scopeOf(A), id), true);
    assert.equal(await dao.find(tx, scopeOf(A), id), null);
  });

  it('when exten and context repeat, then the database refuses', async () => {
    await make({ context_id: ctx.default!, exten: '1000', enabled: true });
    await assert.rejects(
      make({ context_id: ctx.default!, exten: '1000', enabled: true }),
      /extension_exten_context_key/,
    );
    // An unknown context is outside every scope: the dao writes nothing; the FK still guards raw writes.
    assert.equal(await dao.create(tx, both, { context_id: 999999, exten: '1', enabled: true }), null);
    await assert.rejects(
      testDb.db.insertInto('extension').values({ context_id: 999999, exten: '1' }).execute(),
      /foreign key/,
    );
  });

  it('when an extension is created in a context outside the scope, then nothing is written', async () => {
    const record = { context_id: ctx.default!, exten: '1000', enabled: true };
    assert.equal(await dao.create(tx, scopeOf(B), record), null);
    assert.equal(await dao.create(tx, scopeOf(), record), null);
    assert.equal((await dao.search(tx, both, {})).total, 0);
  });

  it('when an extension of tenant A is edited or deleted with scope B or none, then nothing changes', async () => {
    const id = await make({ context_id: ctx.default!, exten: '1000', enabled: true });
    const before = await dao.find(tx, scopeOf(A), id);
    for (const scope of [scopeOf(B), scopeOf()]) {
      assert.equal(
        await dao.edit(tx, scope, id, { context_id: ctx.other!, exten: '9', enabled: false }),
        false,
      );
      assert.equal(await dao.delete(tx, scope, id), false);
    }
    assert.deepEqual(await dao.find(tx, scopeOf(A), id), before);
  });

  it('when an extension of tenant A is moved to a context of tenant B with scope A, then nothing changes', async () => {
    const id = await make({ context_id: ctx.default!, exten: '1000', enabled: true });
    const moved = { context_id: ctx.other!, exten: '1000', enabled: true };
    assert.equal(await dao.edit(tx, scopeOf(A), id, moved), false);
    assert.equal((await dao.find(tx, scopeOf(A), id))?.context, 'default');
  });
});
