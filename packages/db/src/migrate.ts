/**
 * The migration runner: Kysely's Migrator over a schema's static list of migrations (its
 * `MigrationSet`), applied in name order. Daemons call `migrateToLatest` at start (when configured
 * to) and operators run a migrate command; both are safe when several processes start at once.
 */
import { type Kysely, type Migration, type MigrationInfo, Migrator, sql } from 'kysely';
import { type DaoLogger, silentLogger } from './logger.js';

/** Any schema: the runner works on whatever database type the caller holds. */
// biome-ignore lint/suspicious/noExplicitAny: Kysely<Database> is not assignable to Kysely<unknown>
export type AnyKysely = Kysely<any>;

/**
 * A schema's migrations: the Service API's (`serviceApiMigrations` of @wazo-ts/dao), wazo-auth's,
 * each daemon with its own database its own set, all with this runner. `key` names the bookkeeping tables
 * (`<key>_migration`, so they never meet another tool's) and the runner's advisory lock.
 */
export interface MigrationSet {
  key: string;
  migrations: Record<string, Migration>;
}

function migratorFor(db: AnyKysely, set: MigrationSet): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => set.migrations },
    migrationTableName: `${set.key}_migration`,
    migrationLockTableName: `${set.key}_migration_lock`,
  });
}

/**
 * Runs `work` on one connection that holds the runner's session advisory lock, on top of Kysely's
 * own lock: Kysely creates its bookkeeping tables before it locks, and CREATE TABLE IF NOT EXISTS
 * is not safe from two sessions at once.
 */
async function withRunnerLock<T>(
  db: AnyKysely,
  set: MigrationSet,
  work: (conn: AnyKysely) => Promise<T>,
): Promise<T> {
  const key = `wazo-ts:${set.key}:migrate`;
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(hashtextextended(${key}, 0))`.execute(conn);
    try {
      return await work(conn);
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtextextended(${key}, 0))`.execute(conn);
    }
  });
}

/**
 * Applies every pending migration, each in its own transaction, and resolves with the names it
 * applied (empty when the schema was up to date). Throws the first failure, after logging it;
 * migrations applied before it stay applied.
 */
export async function migrateToLatest(
  db: AnyKysely,
  set: MigrationSet,
  logger: DaoLogger = silentLogger,
): Promise<string[]> {
  const { error, results } = await withRunnerLock(db, set, (conn) =>
    migratorFor(conn, set).migrateToLatest(),
  );
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
export async function migrationStatus(db: AnyKysely, set: MigrationSet): Promise<MigrationState[]> {
  const infos: readonly MigrationInfo[] = await migratorFor(db, set).getMigrations();
  return infos.map((info) => ({ name: info.name, executedAt: info.executedAt }));
}

/** The names of the migrations that are not applied yet. */
export async function pendingMigrations(db: AnyKysely, set: MigrationSet): Promise<string[]> {
  return (await migrationStatus(db, set)).filter((m) => m.executedAt === undefined).map((m) => m.name);
}
