import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createDatabase, redactUri } from './connect.js';
import { createTestDatabase, type TestDatabase } from './testing/index.js';

function uriOf(testDb: TestDatabase): string {
  const { host, port, user, database } = testDb.config;
  return `postgresql://${user}@${host}:${port}/${database}`;
}

describe('createDatabase', () => {
  let testDb: TestDatabase;
  before(async () => {
    testDb = await createTestDatabase({ prefix: 'wazo_db_connect' });
  });
  after(() => testDb.drop());

  it('when the server is up, then ping resolves and queries run', async () => {
    const handle = createDatabase({ uri: uriOf(testDb) });
    await handle.ping();
    const { rows } = await sql<{ n: number }>`SELECT 41 + 1 AS n`.execute(handle.db);
    assert.equal(rows[0]?.n, 42);
    await handle.close();
    await handle.close();
  });

  it('when an idle connection is killed by the server, then the error is logged and the next query works', async () => {
    const warnings: object[] = [];
    const logger = {
      debug() {},
      info() {},
      warn: (obj: object) => void warnings.push(obj),
      error() {},
      child: () => logger,
    };
    const handle = createDatabase({ uri: uriOf(testDb), logger });
    const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(handle.db);
    await testDb.pool.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]);
    // Give the idle client time to notice the closed socket.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await handle.ping();
    assert.equal(warnings.length, 1);
    await handle.close();
  });

  it('when the server is unreachable, then ping rejects instead of crashing', async () => {
    const handle = createDatabase({ uri: 'postgresql://postgres@127.0.0.1:1/none', connectTimeoutMs: 2000 });
    await assert.rejects(handle.ping());
    await handle.close();
  });

  it('when the uri has a password, then redactUri hides it', () => {
    assert.equal(redactUri('postgresql://u:secret@h:5432/d'), 'postgresql://u:***@h:5432/d');
  });
});
