import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase, type WriteWatch, watchWrites } from './testing/index.js';

describe('the test write watch', () => {
  let testDb: TestDatabase;
  let watch: WriteWatch;
  before(async () => {
    testDb = await createTestDatabase({ prefix: 'wazo_db_write_watch' });
    await testDb.pool.query('CREATE TABLE thing (id serial PRIMARY KEY, name text)');
    watch = await watchWrites(testDb.pool);
  });
  after(() => testDb.drop());

  it('when rows are inserted, updated, deleted and committed, then each counts', async () => {
    const start = await watch.count();
    await testDb.pool.query("INSERT INTO thing (name) VALUES ('a'), ('b')");
    await testDb.pool.query("UPDATE thing SET name = 'c' WHERE name = 'a'");
    await testDb.pool.query("DELETE FROM thing WHERE name = 'b'");
    assert.equal(await watch.count(), start + 4);
  });

  it('when a transaction writes and rolls back, or a statement touches no row, then the count stays', async () => {
    const start = await watch.count();
    const client = await testDb.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("INSERT INTO thing (name) VALUES ('rolled back')");
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    await testDb.pool.query("UPDATE thing SET name = 'x' WHERE false");
    assert.equal(await watch.count(), start);
  });
});
