/**
 * Indexes for the search contract's text search, which otherwise reads every row of the tenant
 * and runs `unaccent(col) ILIKE` on each search column (10 for users).
 *
 * - `wazo_unaccent(text)`: `unaccent` is only STABLE (it reads its dictionary by name), so an
 *   index cannot use it; this IMMUTABLE wrapper names the dictionary by schema, which makes it
 *   safe to index. Where 0000 installed the identity stand-in, the wrapper is the identity too.
 * - `wazo_search_document(VARIADIC text[])`: the search columns of a row joined by a separator no
 *   term contains, unaccented: one text per row that contains every column's text. A search
 *   tests it first (through a trigram index) and then each column, so results are unchanged.
 * - `pg_trgm` (a contrib extension, like unaccent) gives the GIN index that answers `ILIKE
 *   '%term%'`. Where it cannot be installed there is no index; searches stay correct.
 *
 * Users' `created_at` is now stored to the millisecond, as JavaScript reads it, so the dao formats
 * it in JavaScript instead of calling `to_char` on every row a page scans.
 */
import { type Kysely, sql } from 'kysely';

/** The users search columns, in the users dao's `userSearchConfig.search` order (a test checks the plan). */
export const USER_SEARCH_COLUMNS = [
  'fullname',
  'caller_id',
  'description',
  'userfield',
  'email',
  'mobile_phone_number',
  'preprocess_subroutine',
  'outgoing_caller_id',
  'username',
  'subscription_type',
] as const;

async function extensionSchema(db: Kysely<unknown>, name: string): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string }>`
    SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = ${name}`.execute(db);
  return rows[0]?.schema;
}

/** CREATE EXTENSION in a savepoint, so a refusal (not shipped, no right) leaves the migration going. */
async function tryCreateExtension(db: Kysely<unknown>, name: 'pg_trgm'): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM pg_available_extensions WHERE name = ${name}`.execute(db);
  if (rows.length === 0) return false;
  await sql`SAVEPOINT search_extension`.execute(db);
  try {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await sql`RELEASE SAVEPOINT search_extension`.execute(db);
    return true;
  } catch {
    await sql`ROLLBACK TO SAVEPOINT search_extension`.execute(db);
    return false;
  }
}

async function createFunctions(db: Kysely<unknown>): Promise<void> {
  // Bodies name their schema: an index expression is rebuilt by pg_restore with an empty search_path.
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  const own = quoteIdent(rows[0]!.schema);
  const unaccentSchema = await extensionSchema(db, 'unaccent');
  const body = unaccentSchema
    ? `SELECT ${quoteIdent(unaccentSchema)}.unaccent('${quoteIdent(unaccentSchema)}.unaccent'::regdictionary, $1)`
    : 'SELECT $1';
  await sql`CREATE FUNCTION wazo_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS ${sql.lit(body)}`.execute(db);
  await sql`CREATE FUNCTION wazo_search_document(VARIADIC text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS ${sql.lit(`SELECT ${own}.wazo_unaccent(array_to_string($1, E'\\x1f'))`)}`.execute(db);
}

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await createFunctions(db);
  await sql`ALTER TABLE users ALTER COLUMN created_at SET DEFAULT date_trunc('milliseconds', now())`.execute(
    db,
  );
  if (!(await tryCreateExtension(db, 'pg_trgm'))) return;
  const trgm = await extensionSchema(db, 'pg_trgm');
  const columns = USER_SEARCH_COLUMNS.map((c) => `${c}::text`).join(', ');
  await sql
    .raw(
      `CREATE INDEX users_search_trgm_idx ON users
       USING gin (wazo_search_document(${columns}) ${quoteIdent(trgm!)}.gin_trgm_ops)`,
    )
    .execute(db);
}
