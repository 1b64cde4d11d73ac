/**
 * A PostgreSQL store: the id is inserted in the same transaction as the consumer's own writes, so
 * the effect and the record of it commit together. Two consumer processes given the same message
 * at once serialize on the primary key: the second INSERT waits for the first transaction, then
 * finds the row (skip) or, if the first rolled back, proceeds.
 */
import type pg from 'pg';
import type { Queryable } from '../outbox/queryable.js';
import type { DedupWork, ProcessedEventStore } from './store.js';

export const processedEventsMigrations: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS bus_processed_events (
    consumer text NOT NULL,
    message_id text NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
  )`,
  'CREATE INDEX IF NOT EXISTS bus_processed_events_at_idx ON bus_processed_events (processed_at)',
];

const MIGRATION_LOCK_SQL =
  "SELECT pg_advisory_xact_lock(hashtextextended('wazo-ts:bus_processed_events:migrate', 0))";

/** Creates `bus_processed_events` if needed; idempotent and safe to run from two processes. */
export async function migrateProcessedEvents(db: Queryable): Promise<void> {
  await db.query([MIGRATION_LOCK_SQL, ...processedEventsMigrations].join(';\n'));
}

/**
 * Records that `consumer` processed `messageId`, inside the caller's transaction `tx`. Resolves
 * false when it was recorded before (the caller then skips its work and may commit or roll back).
 * For consumers that run their own transaction; others use the store's `runOnce`.
 */
export async function markProcessed(tx: Queryable, consumer: string, messageId: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO bus_processed_events (consumer, message_id) VALUES ($1, $2)
     ON CONFLICT DO NOTHING`,
    [consumer, messageId],
  );
  return rowCount === 1;
}

export interface PgStoreOptions {
  pool: pg.Pool;
  /** Who processes (e.g. `wazo-webhookd.subscriptions`): each consumer sees each event once. */
  consumer: string;
}

export interface PgProcessedEventStore extends ProcessedEventStore {
  /** Forgets ids processed more than `olderThan` milliseconds ago; returns how many. */
  purge(olderThan: number): Promise<number>;
}

export function createPgProcessedEventStore(options: PgStoreOptions): PgProcessedEventStore {
  const { pool, consumer } = options;
  return {
    async runOnce(messageId: string, work: DedupWork) {
      const client = await pool.connect();
      let failure: Error | undefined;
      try {
        await client.query('BEGIN');
        const first = await markProcessed(client, consumer, messageId);
        if (first) await work(client);
        await client.query(first ? 'COMMIT' : 'ROLLBACK');
        return first;
      } catch (err) {
        // Only a connection that cannot even roll back is discarded; a failed handler is not its fault.
        const rolledBack = await client.query('ROLLBACK').then(
          () => true,
          () => false,
        );
        if (!rolledBack) failure = err as Error;
        throw err;
      } finally {
        client.release(failure);
      }
    },
    async purge(olderThan: number) {
      const { rowCount } = await pool.query(
        `DELETE FROM bus_processed_events
         WHERE consumer = $1 AND processed_at < now() - $2::double precision * interval '1 millisecond'`,
        [consumer, olderThan],
      );
      return rowCount ?? 0;
    },
  };
}
