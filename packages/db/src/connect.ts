/**
 * Opening the database: a pg pool behind Kysely. A lost connection must never crash a daemon: the
 * pool's idle-client errors are logged, queries fail with the driver's error, and the next query
 * opens a fresh connection once the server is back.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { type DaoLogger, errorFields, silentLogger } from './logger.js';
import { usePreparedStatements } from './prepared.js';

export interface DatabaseOptions {
  /** `postgresql://user:password@host:port/database` (or a unix-socket `?host=/path` form). */
  uri: string;
  /** Maximum connections of the pool; 10 by default. */
  poolSize?: number;
  logger?: DaoLogger;
  /** Milliseconds to wait for a connection before failing the query; 10 s by default. */
  connectTimeoutMs?: number;
}

/** `DB` is the caller's schema (the Service API's, wazo-auth's): the handle is typed, never cast. */
export interface DatabaseHandle<DB> {
  db: Kysely<DB>;
  pool: pg.Pool;
  /** Resolves when a trivial query round-trips, rejects with the driver's error otherwise. */
  ping(): Promise<void>;
  /** Ends the pool; waits for checked-out clients to be released. Idempotent. */
  close(): Promise<void>;
}

/** The URI without its password, for logs. */
export function redactUri(uri: string): string {
  try {
    const url = new URL(uri);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '<unparsable database uri>';
  }
}

export function createDatabase<DB>(options: DatabaseOptions): DatabaseHandle<DB> {
  const logger = (options.logger ?? silentLogger).child({ component: 'database' });
  const pool = new pg.Pool({
    connectionString: options.uri,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
  });
  // An idle client whose server went away emits 'error' on the pool; unhandled, it would kill
  // the process. The pool drops that client by itself; we only say it happened.
  pool.on('error', (err) =>
    logger.warn({ ...errorFields(err), uri: redactUri(options.uri) }, 'idle database connection lost'),
  );
  usePreparedStatements(pool);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  let closing: Promise<void> | undefined;
  return {
    db,
    pool,
    async ping() {
      await sql`SELECT 1`.execute(db);
    },
    close() {
      // Kysely's destroy ends the pool it was given.
      closing ??= db.destroy();
      return closing;
    },
  };
}
