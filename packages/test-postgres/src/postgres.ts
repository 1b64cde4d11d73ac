/**
 * Throwaway PostgreSQL databases for tests that need the real server: each test file creates its
 * own database, so files run in parallel without sharing tables, and drops it at the end. The
 * server is the one of the CI machine (127.0.0.1:5432, user postgres, trust auth) unless the
 * standard PG* environment variables say otherwise.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  /** Name of the created database (`wazo_test_<hex>`). */
  name: string;
  /** Connection settings for the new database, for extra clients or pools. */
  config: pg.ClientConfig;
  /** A pool on the new database, closed by `drop()`. */
  pool: pg.Pool;
  /** Closes the pool and drops the database, even while other sessions are still connected. */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Prefix of the database name; `wazo_test` by default. */
  prefix?: string;
  /** Maximum connections of the pool; 10 by default. */
  poolSize?: number;
}

/** Settings of the server holding the test databases, from PG* variables or the CI defaults. */
export function testServerConfig(database = 'postgres'): pg.ClientConfig {
  return {
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    user: process.env.PGUSER ?? 'postgres',
    password: process.env.PGPASSWORD,
    database,
  };
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client(testServerConfig());
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const name = `${options.prefix ?? 'wazo_test'}_${randomBytes(6).toString('hex')}`;
  // The name is generated here from hex digits, so interpolating it is safe.
  await adminQuery(`CREATE DATABASE ${name}`);
  const config = testServerConfig(name);
  const pool = new pg.Pool({ ...config, max: options.poolSize ?? 10 });
  // A test that kills connections on purpose must not crash the process through an idle client.
  pool.on('error', () => {});
  let dropped = false;
  return {
    name,
    config,
    pool,
    async drop() {
      if (dropped) return;
      dropped = true;
      await pool.end();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
