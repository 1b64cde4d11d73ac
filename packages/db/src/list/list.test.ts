/** The list core on a real PostgreSQL: scoping, escaping, counting and a stable page order. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Generated, Kysely, PostgresDialect, sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { countRows, DEEP_OFFSET, escapeLike, inTenants, isUuid, oneOf, sortedPage } from './index.js';

interface Tables {
  item: { id: Generated<number>; tenant_uuid: string; name: string | null };
}

const A = '6f1c5a4e-8d1b-4c3f-9a2e-1b2c3d4e5f60';
const B = '0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d';

describe('the list core', () => {
  let testDb: TestDatabase;
  let db: Kysely<Tables>;

  before(async () => {
    testDb = await createTestDatabase({ prefix: 'wazo_db_list' });
    db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: testDb.pool }) });
    await sql`CREATE TABLE item (id serial PRIMARY KEY, tenant_uuid uuid NOT NULL, name text)`.execute(db);
    const rows = [
      ...Array.from({ length: 5 }, () => ({ tenant_uuid: A, name: 'same' })),
      { tenant_uuid: A, name: '50%_off\\' },
      { tenant_uuid: A, name: null },
      { tenant_uuid: B, name: 'other' },
    ];
    await db.insertInto('item').values(rows).execute();
  });
  after(() => testDb.drop());

  const items = () => db.selectFrom('item').selectAll();

  it('when the scope holds no tenant, then no row matches (never every row)', async () => {
    assert.equal(await countRows(items().where(inTenants('tenant_uuid', []))), 0);
    assert.equal(await countRows(items().where(inTenants('tenant_uuid', [A]))), 7);
    assert.equal(await countRows(items().where(inTenants('tenant_uuid', [A, B]))), 8);
    assert.equal(await countRows(items().where(oneOf('id', []))), 0);
  });

  it('when a pattern holds %, _ or \\, then they match only themselves', async () => {
    const like = (text: string) => items().where(sql<boolean>`name LIKE ${`%${escapeLike(text)}%`}`);
    assert.equal(await countRows(like('50%_off\\')), 1);
    assert.equal(await countRows(like('%')), 1);
    assert.equal(await countRows(like('_')), 1);
  });

  it('when sorted on a shared value, then pages cover every row once, NULLs last, both ways', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      const ids: (number | null)[] = [];
      const names: (string | null)[] = [];
      for (let offset = 0; offset < 8; offset += 3) {
        const rows = await sortedPage(items(), {
          orderBy: sql.ref('name'),
          tieBreak: sql.ref('id'),
          direction,
          limit: 3,
          offset,
        }).execute();
        ids.push(...rows.map((r) => r.id));
        names.push(...rows.map((r) => r.name));
      }
      assert.equal(new Set(ids).size, 8, direction);
      assert.equal(names.at(-1), null, direction);
    }
  });

  it('when a page is deep, then its keys are read first and it holds the same rows in the same order', async () => {
    await sql`INSERT INTO item (tenant_uuid, name)
      SELECT ${A}, CASE WHEN i % 7 = 0 THEN NULL ELSE 'n' || (i % 40) END FROM generate_series(1, 1200) AS i`.execute(
      db,
    );
    try {
      for (const direction of ['asc', 'desc'] as const) {
        const request = { orderBy: sql`lower(name)`, tieBreak: sql.ref('item.id'), direction, limit: 50 };
        const scoped = () => items().where(inTenants('tenant_uuid', [A]));
        const deep = sortedPage(scoped(), { ...request, offset: DEEP_OFFSET + 3 });
        assert.match(deep.compile().sql, /= ANY\(ARRAY\(\(select/);
        const all = await sortedPage(scoped(), { ...request, offset: 0, limit: 10_000 }).execute();
        const rows = await deep.execute();
        assert.equal(rows.length, 50, direction);
        assert.deepEqual(rows, all.slice(DEEP_OFFSET + 3, DEEP_OFFSET + 53), direction);
      }
    } finally {
      await sql`DELETE FROM item WHERE id > 8`.execute(db);
    }
  });

  it('when checking uuids, then any case passes and anything else does not', () => {
    assert.ok(isUuid(A));
    assert.ok(isUuid(A.toUpperCase()));
    assert.ok(!isUuid(`${A}0`));
    assert.ok(!isUuid('wazo-auth'));
    assert.ok(!isUuid(42));
  });
});
