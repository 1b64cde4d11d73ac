import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDatabase } from './connect.js';
import { preparedStatement } from './prepared.js';
import { createTestDatabase, type TestDatabase } from './testing/index.js';

const statement = preparedStatement('wazo_test_prepared_sum', 'SELECT $1::int + $2::int AS n');
const PREPARED_SQL = 'SELECT name FROM pg_prepared_statements';

describe('prepared statements', () => {
  let testDb: TestDatabase;
  before(async () => {
    testDb = await createTestDatabase({ prefix: 'wazo_db_prepared' });
  });
  after(() => testDb.drop());

  it('when a declared statement runs through Kysely, then the connection prepares it once under its name', async () => {
    const { host, port, user, database } = testDb.config;
    const handle = createDatabase({ uri: `postgresql://${user}@${host}:${port}/${database}`, poolSize: 1 });
    try {
      for (const n of [1, 2, 3]) {
        const { rows } = await handle.db.executeQuery<{ n: number }>(statement.compile([n, 40]));
        assert.equal(rows[0]?.n, n + 40);
      }
      // One pooled connection: the same session that ran the statement answers.
      const { rows } = await handle.pool.query<{ name: string }>(PREPARED_SQL);
      assert.deepEqual(
        rows.map((r) => r.name),
        ['wazo_test_prepared_sum'],
      );
    } finally {
      await handle.close();
    }
  });

  it('when a name or a text is declared twice for different statements, then the declaration throws', () => {
    assert.throws(() => preparedStatement('wazo_test_prepared_sum', 'SELECT 1'), /taken/);
    assert.throws(() => preparedStatement('other', 'SELECT $1::int + $2::int AS n'), /repeats/);
    assert.equal(preparedStatement(statement.name, statement.sql).name, statement.name);
  });
});
