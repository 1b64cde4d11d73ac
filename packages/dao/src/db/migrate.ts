/**
 * The migration runner: Kysely's Migrator over the static list in migrations/index.ts, applied in
 * name order. Daemons call `migrateToLatest` at start (when configured to) and operators run the
 * `wazo-dao-migrate` command; both are safe when several processes start at once.
 */
import { type Kysely, type MigrationInfo, type MigrationProvider, Migrator, sql } from 'kysely';
import { migrations } from '../migrations/index.js';
import { type DaoLogger, silentLogger } from './logger.js';

/** Any schema: the runner works on whatever database type the caller holds. */
// biome-ignore lint/suspicious/noExplicitAny: Kysely<Database> is not assignable to Kysely<unknown>
export type AnyKysely = Kysely<any>;

/** Kysely's bookkeeping tables, named after us so they never meet another tool's. */
const MIGRATION_TABLE = 'dao_migration';
const MIGRATION_LOCK_TABLE = 'dao_migration_lock';

/**
 * Held for the whole run, on top of Kysely's own lock: Kysely creates its bookkeeping tables before
 * it locks, and CREATE TABLE IF NOT EXISTS is not safe from two sessions at once.
 */
const RUNNER_LOCK_KEY = "hashtextextended('wazo-ts:dao:migrate', 0)";

const provider: MigrationProvider = {
  getMigrations: async () => migrations,
};

function migratorFor(db: AnyKysely): Migrator {
  return new Migrator({
    db,
    provider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
  });
}

/** Runs `work` on one connection that holds the runner's session advisory lock. */
async function withRunnerLock<T>(db: AnyKysely, work: (conn: AnyKysely) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${sql.raw(RUNNER_LOCK_KEY)})`.execute(conn);
    try {
      return await work(conn);
    } finally {
      await sql`SELECT pg_advisory_unlock(${sql.raw(RUNNER_LOCK_KEY)})`.execute(conn);
    }
  });
}

/**
 * Applies every pending migration, each in its own transaction, and resolves with the names it
 * applied (empty when the schema was up to date). Throws the first failure, after logging it;
 * migrations applied before it stay applied.
 */
export async function migrateToLatest(db: AnyKysely, logger: DaoLogger = silentLogger): Promise<string[]> {
  const { error, results } = await withRunnerLock(db, (conn) => migratorFor(conn).migrateToLatest());
  const applied: string[] = [];
  for (const result of results ?? []) {
    if (result.status === 'Success') {
      applied.push(result.migrationName);
      logger.info({ migration: result.migrationName }, 'migration applied');
    } else if (result.status === 'Error') {
      logger.error({ migration: result.migrationName }, 'migration failed');
    }
  }
  if (error) throw error instanceof Error ? error : new Error(String(error));
  if (applied.length === 0) logger.debug({}, 'database schema is up to date');
  return applied;
}

export interface MigrationState {
  name: string;
  /** When it was applied; undefined when pending. */
  executedAt: Date | undefined;
}

/** Every known migration in order, with when it was applied (undefined when pending). */
export async function migrationStatus(db: AnyKysely): Promise<MigrationState[]> {
  const infos: readonly MigrationInfo[] = await migratorFor(db).getMigrations();
  return infos.map((info) => ({ name: info.name, executedAt: info.executedAt }));
}

/** The names of the migrations that are not applied yet. */
export async function pendingMigrations(db: AnyKysely): Promise<string[]> {
  return (await migrationStatus(db)).filter((m) => m.executedAt === undefined).map((m) => m.name);
}
