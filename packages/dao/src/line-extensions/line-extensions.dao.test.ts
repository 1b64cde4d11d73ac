import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Tx } from '../db/unit-of-work.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { createLineExtensionsDao } from './line-extensions.dao.js';

const dao = createLineExtensionsDao();

describe('line-extensions dao', () => {
  let testDb: MigratedTestDatabase;
  let tx: Tx;
  let line: number;
  let ext: number[];

  before(async () => {
    testDb = await createMigratedTestDatabase();
    tx = { db: testDb.db, events: { add: () => assert.fail('a dao queues no event') } };
    const tenant = randomUUID();
    await testDb.db.insertInto('tenant').values({ uuid: tenant }).execute();
    const ctx = await testDb.db
      .insertInto('context')
      .values({ tenant_uuid: tenant, name: 'default', label: 'default' })
      .returning('id')
      .executeTakeFirstOrThrow();
    line = (
      await testDb.db
        .insertInto('line')
        .values({ context_id: ctx.id, provisioning_code: '123456' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const rows = await testDb.db
      .insertInto('extension')
      .values(['1000', '1001'].map((exten) => ({ context_id: ctx.id, exten })))
      .returning('id')
      .execute();
    ext = rows.map((row) => row.id);
  });
  after(() => testDb.drop());

  it('when extensions are linked, then lists put the main first and a second main is refused', async () => {
    await dao.associate(tx, { line_id: line, extension_id: ext[1]!, main_extension: false });
    await dao.associate(tx, { line_id: line, extension_id: ext[0]!, main_extension: true });
    assert.deepEqual(
      (await dao.listByLine(tx, line)).map((l) => l.extension_id),
      [ext[0], ext[1]],
    );
    assert.deepEqual(await dao.listByExtension(tx, ext[1]!), [
      { line_id: line, extension_id: ext[1], main_extension: false },
    ]);
    await assert.rejects(dao.setMainExtension(tx, line, ext[1]!), /line_extension_main_key/);
  });

  it('when a linked extension is deleted, then the database refuses; dissociated, it may go', async () => {
    await assert.rejects(
      testDb.db.deleteFrom('extension').where('id', '=', ext[0]!).execute(),
      /foreign key/,
    );
    await dao.dissociate(tx, line, ext[0]!);
    await dao.setMainExtension(tx, line, ext[1]!);
    assert.equal((await dao.find(tx, line, ext[1]!))?.main_extension, true);
    assert.equal(await dao.find(tx, line, ext[0]!), null);
    await testDb.db.deleteFrom('extension').where('id', '=', ext[0]!).execute();
  });

  it('when the line is deleted, then its links go with it', async () => {
    await testDb.db.deleteFrom('line').where('id', '=', line).execute();
    assert.deepEqual(await dao.listByLine(tx, line), []);
  });
});
