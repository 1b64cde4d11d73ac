/**
 * The bus library's tables (the outbox the unit of work writes to, and the processed-events record
 * of idempotent consumers), plus the `unaccent()` function the search contract relies on.
 */
import { busTablesMigration } from '@wazo-ts/db';
import { type Kysely, sql } from 'kysely';

async function unaccentAvailable(db: Kysely<unknown>): Promise<boolean> {
  const { rows } = await sql<{ ok: number }>`
    SELECT 1 AS ok FROM pg_available_extensions WHERE name = 'unaccent'`.execute(db);
  return rows.length > 0;
}

/**
 * Searches call `unaccent(text)` so that "Helene" finds "Hélène". The extension ships with
 * PostgreSQL's contrib modules, which some server installs lack (a bare distribution package, a
 * minimal container image) and which a role without CREATE on the database may not install. (The
 * embedded PostgreSQL ships it.) Then a same-named SQL function that returns its
 * argument stands in: searches stay correct, only accent-insensitive matching is lost.
 * A savepoint keeps a refused CREATE EXTENSION from aborting the migration's transaction.
 */
async function ensureUnaccent(db: Kysely<unknown>): Promise<void> {
  if (await unaccentAvailable(db)) {
    await sql`SAVEPOINT unaccent_extension`.execute(db);
    try {
      await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
      await sql`RELEASE SAVEPOINT unaccent_extension`.execute(db);
      return;
    } catch {
      await sql`ROLLBACK TO SAVEPOINT unaccent_extension`.execute(db);
    }
  }
  await sql`CREATE OR REPLACE FUNCTION unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT $1'`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await busTablesMigration.up(db);
  await ensureUnaccent(db);
}
