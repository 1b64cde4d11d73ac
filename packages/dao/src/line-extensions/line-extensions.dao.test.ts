import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Tx } from '../db/unit-of-work.js';
import { scopeOf } from '../search/search.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { createLineExtensionsDao } from './line-extensions.dao.js';

const dao = createLineExtensionsDao();
const A = randomUUID();
const B = randomUUID();
const scopeA = scopeOf(A);

describe('line-extensions dao', () => {
  let testDb: MigratedTestDatabase;
  let tx: Tx;
  let line: number;
  let ext: number[];
  let lineB: number;
  let extB: number;

  /** A context of the tenant with one line and the given extensions. */
  async function seed(tenant: string, code: string, extens: string[]) {
    await testDb.db.insertInto('tenant').values({ uuid: tenant }).execute();
    const ctx = await testDb.db
      .insertInto('context')
      .values({ tenant_uuid: tenant, name: `ctx-${code}`, label: 'default' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const lineRow = await testDb.db
      .insertInto('line')
      .values({ context_id: ctx.id, provisioning_code: code })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = await testDb.db
      .insertInto('extension')
      .values(extens.map((exten) => ({ context_id: ctx.id, exten })))
      .returning('id')
      .execute();
    return { line: lineRow.id, ext: rows.map((row) => row.id) };
  }

  before(async () => {
    testDb = await createMigratedTestDatabase();
    tx = { db: testDb.db, events: { add: () => assert.fail('a dao queues no event') } };
    ({ line, ext } = await seed(A, '123456', ['1000', '1001']));
    const other = await seed(B, '654321', ['2000']);
    lineB = other.line;
    extB = other.ext[0]!;
  });
  after(() => testDb.drop());

  it('when extensions are linked, then lists put the main first and a second main is refused', async () => {
    assert.equal(
      await dao.associate(tx, scopeA, { line_id: line, extension_id: ext[1]!, main_extension: false }),
      true,
    );
    assert.equal(
      await dao.associate(tx, scopeA, { line_id: line, extension_id: ext[0]!, main_extension: true }),
      true,
    );
    assert.deepEqual(
      (await dao.listByLine(tx, scopeA, line)).map((l) => l.extension_id),
      [ext[0], ext[1]],
    );
    assert.deepEqual(await dao.listByExtension(tx, scopeA, ext[1]!), [
      { line_id: line, extension_id: ext[1], main_extension: false },
    ]);
    await assert.rejects(dao.setMainExtension(tx, scopeA, line, ext[1]!), /line_extension_main_key/);
  });

  it('when links of tenant A are read with scope B or an empty scope, then none is seen', async () => {
    for (const scope of [scopeOf(B), scopeOf()]) {
      assert.equal(await dao.find(tx, scope, line, ext[0]!), null);
      assert.deepEqual(await dao.listByLine(tx, scope, line), []);
      assert.deepEqual(await dao.listByExtension(tx, scope, ext[0]!), []);
      assert.deepEqual(await dao.mainUsersOf(tx, scope, [line]), []);
    }
  });

  it('when a link is written with another tenant scope, an empty one or across tenants, then nothing changes', async () => {
    const before = await dao.listByLine(tx, scopeA, line);
    for (const scope of [scopeOf(B), scopeOf()]) {
      assert.equal(await dao.dissociate(tx, scope, line, ext[0]!), false);
      assert.equal(await dao.setMainExtension(tx, scope, line, ext[1]!), false);
      assert.equal(
        await dao.associate(tx, scope, { line_id: lineB, extension_id: ext[0]!, main_extension: false }),
        false,
      );
    }
    // The line is visible but the extension is not (and the other way round): nothing is linked.
    assert.equal(
      await dao.associate(tx, scopeA, { line_id: line, extension_id: extB, main_extension: false }),
      false,
    );
    assert.equal(
      await dao.associate(tx, scopeOf(B), { line_id: line, extension_id: extB, main_extension: false }),
      false,
    );
    assert.deepEqual(await dao.listByLine(tx, scopeA, line), before);
    assert.deepEqual(await dao.listByExtension(tx, scopeOf(A, B), extB), []);
  });

  it('when a linked extension is deleted, then the database refuses; dissociated, it may go', async () => {
    await assert.rejects(
      testDb.db.deleteFrom('extension').where('id', '=', ext[0]!).execute(),
      /foreign key/,
    );
    assert.equal(await dao.dissociate(tx, scopeA, line, ext[0]!), true);
    assert.equal(await dao.setMainExtension(tx, scopeA, line, ext[1]!), true);
    assert.equal((await dao.find(tx, scopeA, line, ext[1]!))?.main_extension, true);
    assert.equal(await dao.find(tx, scopeA, line, ext[0]!), null);
    await testDb.db.deleteFrom('extension').where('id', '=', ext[0]!).execute();
  });

  it('when the line is deleted, then its links go with it', async () => {
    await testDb.db.deleteFrom('line').where('id', '=', line).execute();
    assert.deepEqual(await dao.listByLine(tx, scopeA, line), []);
  });
});
