import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrateToLatest, migrationStatus, pendingMigrations } from '@wazo-ts/db';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/db/testing';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { migrations } from '../migrations/index.js';
import { serviceApiMigrations } from './migrations.js';

const allNames = Object.keys(migrations).sort();

describe('migrateToLatest', () => {
  let testDb: TestDatabase;
  let db: Kysely<unknown>;

  before(async () => {
    testDb = await createTestDatabase({ prefix: 'wazo_dao_migrate' });
    db = new Kysely({ dialect: new PostgresDialect({ pool: testDb.pool }) });
  });
  after(() => testDb.drop());

  it('when the database is empty, then status lists every migration as pending', async () => {
    const status = await migrationStatus(db, serviceApiMigrations);
    assert.deepEqual(
      status.map((m) => m.name),
      allNames,
    );
    assert.ok(status.every((m) => m.executedAt === undefined));
  });

  it('when two processes migrate at once, then each migration is applied exactly once', async () => {
    const other = new Kysely({ dialect: new PostgresDialect({ pool: testDb.pool }) });
    const [first, second] = await Promise.all([
      migrateToLatest(db, serviceApiMigrations),
      migrateToLatest(other, serviceApiMigrations),
    ]);
    assert.deepEqual([...first, ...second].sort(), allNames);
    assert.deepEqual(await pendingMigrations(db, serviceApiMigrations), []);
  });

  it('when the schema is up to date, then a new run applies nothing', async () => {
    assert.deepEqual(await migrateToLatest(db, serviceApiMigrations), []);
  });

  it('when migrated, then the outbox and processed-events tables exist', async () => {
    const { rows } = await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_name IN ('bus_outbox', 'bus_processed_events') ORDER BY 1`.execute(db);
    assert.deepEqual(
      rows.map((r) => r.name),
      ['bus_outbox', 'bus_processed_events'],
    );
  });

  it('when migrated, then unaccent() strips accents (or, without the extension, is the identity)', async () => {
    const { rows } = await sql<{ ext: boolean; out: string }>`
      SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') AS ext,
             unaccent('Hélène') AS out`.execute(db);
    assert.equal(rows[0]?.out, rows[0]?.ext ? 'Helene' : 'Hélène');
  });
});
