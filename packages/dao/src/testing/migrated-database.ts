/**
 * A throwaway database with the whole schema, for dao tests: the toolkit's per-file test
 * database (real PostgreSQL, see @wazo-ts/db/testing) with every migration applied.
 */
import { migrateToLatest, usePreparedStatements } from '@wazo-ts/db';
import {
  createTestDatabase,
  type EventEncoder,
  type TestDatabaseOptions,
  testEncoder,
} from '@wazo-ts/db/testing';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { Database } from '../db/database.js';
import { serviceApiMigrations } from '../db/migrations.js';
import { createUnitOfWork, type UnitOfWork } from '../db/unit-of-work.js';

export interface MigratedTestDatabase {
  /** Name of the created database. */
  name: string;
  db: Kysely<Database>;
  pool: pg.Pool;
  /** A unit of work on this database; events are encoded with `encoder` or a test origin. */
  uow(encoder?: EventEncoder): UnitOfWork;
  /** Destroys the Kysely instance and drops the database. */
  drop(): Promise<void>;
}

export async function createMigratedTestDatabase(
  options: TestDatabaseOptions = {},
): Promise<MigratedTestDatabase> {
  const testDb = await createTestDatabase(options);
  // Kysely must not end the pool: the bus helper's drop() does, before dropping the database.
  // As createDatabase: the declared hot statements go by name, so tests run them as daemons do.
  usePreparedStatements(testDb.pool);
  const dialect = new PostgresDialect({ pool: testDb.pool });
  const db = new Kysely<Database>({ dialect });
  try {
    await migrateToLatest(db, serviceApiMigrations);
  } catch (err) {
    await testDb.drop();
    throw err;
  }
  return {
    name: testDb.name,
    db,
    pool: testDb.pool,
    uow: (encoder = testEncoder) => createUnitOfWork({ db, encoder }),
    drop: () => testDb.drop(),
  };
}
