import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { Tx } from '../db/unit-of-work.js';
import { scopeOf } from '../search/search.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { createUsersDao, userSearchConfig } from '../users/users.dao.js';
import { USER_SEARCH_COLUMNS } from './0005_search_indexes.js';

const A = randomUUID();
const dao = createUsersDao();

describe('0005 search indexes', () => {
  let testDb: MigratedTestDatabase;
  let tx: Tx;

  before(async () => {
    testDb = await createMigratedTestDatabase();
    tx = { db: testDb.db, events: { add: () => assert.fail('no events') } };
    await testDb.db.insertInto('tenant').values({ uuid: A }).execute();
  });
  after(() => testDb.drop());

  it("when the users dao searches, then its columns are the index's, in the same order", () => {
    assert.deepEqual([...USER_SEARCH_COLUMNS], [...userSearchConfig.search]);
    assert.equal(userSearchConfig.indexedDocument, true);
  });

  it('when pg_trgm is installed, then the users search is answered by the trigram index', async (t) => {
    const { rows } = await sql`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`.execute(testDb.db);
    if (rows.length === 0) return t.skip('pg_trgm is not installable on this server');
    await sql`INSERT INTO users (tenant_uuid, firstname, lastname, email)
      SELECT ${A}, 'Bulk' || i, 'Row' || i, 'bulk' || i || '@example.com' FROM generate_series(1, 3000) AS i`.execute(
      testDb.db,
    );
    await sql`ANALYZE users`.execute(testDb.db);
    // The count query the dao really sends, captured and explained.
    const sent: CompiledQuery[] = [];
    const logged = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: testDb.pool }),
      log: (event) => void (event.level === 'query' && sent.push(event.query)),
    });
    await dao.search({ db: logged, events: tx.events }, scopeOf(A), { search: 'smith' });
    const client = await testDb.pool.connect();
    let plan: string;
    try {
      // The users count (the dao first looks up users by main extension, a query of its own).
      const count = sent.find((q) => /count\(/i.test(q.sql) && /from "users"/i.test(q.sql))!;
      const explained = await client.query(`EXPLAIN ${count.sql}`, [...count.parameters]);
      plan = explained.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    } finally {
      client.release();
    }
    assert.match(plan, /users_search_trgm_idx/);
  });

  it('when a search term has accents or another case, then the indexed search still finds the user', async () => {
    await dao.create(tx, scopeOf(A), A, {
      firstname: 'Hélène',
      lastname: 'Dupré',
      email: 'helene@example.com',
    });
    await dao.create(tx, scopeOf(A), A, { firstname: 'Other', lastname: 'Person' });
    for (const term of ['helene dupre', 'DUPRÉ', 'HELENE@', 'lène']) {
      const result = await dao.search(tx, scopeOf(A), { search: term });
      assert.deepEqual(
        result.items.map((u) => u.firstname),
        ['Hélène'],
        term,
      );
    }
  });

  it('when a user is created, then created_at is whole milliseconds and formatted as Python does', async () => {
    const user = (await dao.create(tx, scopeOf(A), A, { firstname: 'Clock' }))!;
    assert.match(user.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3}000)?$/);
    const { rows } = await sql<{ us: number }>`
      SELECT extract(microseconds FROM created_at)::int % 1000 AS us FROM users WHERE id = ${user.id}`.execute(
      testDb.db,
    );
    assert.equal(rows[0]!.us, 0);
  });
});
