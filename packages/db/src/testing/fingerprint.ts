/**
 * What a database holds, in one query: a digest of every table's rows (of the `public` schema),
 * for a test to show that a refused request changed nothing at all, in any table.
 */
import type { Pool } from 'pg';

async function tableNames(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((row) => row.name);
}

/** A digest per table (`{users: 'md5…'}`): equal before and after when no row changed. */
export async function databaseFingerprint(pool: Pool): Promise<Record<string, string>> {
  const names = await tableNames(pool);
  const digests = names.map(
    (name, i) =>
      `'${name}', (SELECT md5(coalesce(string_agg(t${i}::text, '|' ORDER BY t${i}::text), '')) FROM "${name}" t${i})`,
  );
  // jsonb_build_object takes at most 100 arguments (50 tables): one object per 50, merged.
  const objects: string[] = [];
  for (let i = 0; i < digests.length; i += 50) {
    objects.push(`jsonb_build_object(${digests.slice(i, i + 50).join(', ')})`);
  }
  const { rows } = await pool.query<{ digest: Record<string, string> }>(
    `SELECT ${objects.length > 0 ? objects.join(' || ') : "'{}'::jsonb"} AS digest`,
  );
  return rows[0]!.digest;
}

/** The tables (of `public`) with a row whose text contains `needle`. */
export async function tablesContaining(pool: Pool, needle: string): Promise<string[]> {
  const names = await tableNames(pool);
  const found: string[] = [];
  for (const name of names) {
    const { rows } = await pool.query(`SELECT 1 FROM "${name}" t WHERE t::text LIKE $1 LIMIT 1`, [
      `%${needle}%`,
    ]);
    if (rows.length > 0) found.push(name);
  }
  return found;
}
