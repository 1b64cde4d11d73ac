/**
 * Test helpers for wazo-auth's database (real PostgreSQL): a throwaway database with every
 * migration, a unit of work with a test encoder, and a tenant factory. Any resource's dao or route
 * test may use them.
 */
import { randomUUID } from 'node:crypto';
import { createUnitOfWork, migrateToLatest, type UnitOfWork } from '@wazo-ts/db';
import { createTestDatabase, testEncoder } from '@wazo-ts/db/testing';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { authMigrations } from '../db/migrations/index.js';
import type { AuthDatabase } from '../db/schema.js';

export interface AuthTestDatabase {
  name: string;
  db: Kysely<AuthDatabase>;
  pool: pg.Pool;
  uow: UnitOfWork<AuthDatabase>;
  drop(): Promise<void>;
}

export async function createAuthTestDatabase(): Promise<AuthTestDatabase> {
  const testDb = await createTestDatabase({ prefix: 'wazo_auth_test' });
  const db = new Kysely<AuthDatabase>({ dialect: new PostgresDialect({ pool: testDb.pool }) });
  try {
    await migrateToLatest(db, authMigrations);
  } catch (err) {
    await testDb.drop();
    throw err;
  }
  return {
    name: testDb.name,
    db,
    pool: testDb.pool,
    uow: createUnitOfWork<AuthDatabase>({ db, encoder: testEncoder }),
    drop: () => testDb.drop(),
  };
}

/** Inserts a tenant row; without a parent it is a master tenant (its own parent). */
export async function insertTenant(
  db: Kysely<AuthDatabase>,
  fields: { uuid?: string; parentUuid?: string; slug?: string; name?: string } = {},
): Promise<string> {
  const uuid = fields.uuid ?? randomUUID();
  await db
    .insertInto('tenant')
    .values({
      uuid,
      parent_uuid: fields.parentUuid ?? uuid,
      slug: fields.slug ?? `t${uuid.replace(/-/g, '').slice(0, 9)}`,
      name: fields.name ?? null,
      phone: null,
      contact_uuid: null,
      address: null,
    })
    .execute();
  return uuid;
}
