/**
 * A cheaper witness than `databaseFingerprint` for tests that send thousands of refused bodies:
 * a trigger on every table of `public` counts each committed row write (insert, update, delete;
 * truncate) in one counter row. A refused request must leave the count as it was: its
 * transaction rolled back, its count with it. Stricter than the fingerprint (an update writing the
 * same values counts), and one single-row read per check instead of a digest of every table.
 */
import type { Pool } from 'pg';

export interface WriteWatch {
  /** How many row writes were committed since the watch began. */
  count(): Promise<number>;
}

/** Starts counting the writes to every table of `public` (the ones that exist now). */
export async function watchWrites(pool: Pool): Promise<WriteWatch> {
  await pool.query(`
    CREATE TABLE IF NOT EXISTS wazo_test_writes (n bigint NOT NULL);
    INSERT INTO wazo_test_writes (n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM wazo_test_writes);
    CREATE OR REPLACE FUNCTION wazo_test_count_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE wazo_test_writes SET n = n + 1;
        RETURN NULL;
      END $$;
  `);
  const { rows } = await pool.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'wazo_test_writes'`,
  );
  for (const { name } of rows) {
    await pool.query(`
      CREATE OR REPLACE TRIGGER wazo_test_writes_rows AFTER INSERT OR UPDATE OR DELETE ON "${name}"
        FOR EACH ROW EXECUTE FUNCTION wazo_test_count_write();
      CREATE OR REPLACE TRIGGER wazo_test_writes_truncate AFTER TRUNCATE ON "${name}"
        FOR EACH STATEMENT EXECUTE FUNCTION wazo_test_count_write();
    `);
  }
  return {
    async count() {
      const { rows: counted } = await pool.query<{ n: string }>('SELECT n FROM wazo_test_writes');
      return Number(counted[0]!.n);
    },
  };
}
