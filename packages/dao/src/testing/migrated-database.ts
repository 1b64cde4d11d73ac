/**
 * A throwaway database with the whole schema, for dao tests: the bus library's per-file test
 * database (real PostgreSQL, see @wazo-ts/bus/testing) with every migration applied.
 */
import { type BusPublisher, encodeEvent } from '@wazo-ts/bus';
import { createTestDatabase, type TestDatabaseOptions } from '@wazo-ts/bus/testing';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createUnitOfWork, type UnitOfWork } from '../db/unit-of-work.js';

export type EventEncoder = Pick<BusPublisher, 'encode'>;

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

/** Encodes as a publisher would, with a fixed origin, without needing a transport. */
export const testEncoder: EventEncoder = {
  encode: (event, options = {}) =>
    encodeEvent(event, {
      originUuid: 'wazo-ts-test',
      ...(options.messageId ? { messageId: options.messageId } : {}),
      ...(options.headers ? { extraHeaders: options.headers } : {}),
    }),
};

export async function createMigratedTestDatabase(
  options: TestDatabaseOptions = {},
): Promise<MigratedTestDatabase> {
  const testDb = await createTestDatabase(options);
  // Kysely must not end the pool: the bus helper's drop() does, before dropping the database.
  const dialect = new PostgresDialect({ pool: testDb.pool });
  const db = new Kysely<Database>({ dialect });
  try {
    await migrateToLatest(db);
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
