/**
 * The outbox table. A daemon's migration runner calls `migrateOutbox` (or runs `outboxMigrations`
 * itself); both are idempotent, so running them at every start is fine.
 */
import type { Queryable } from './queryable.js';

/** Channel of the NOTIFY sent by `recordEvents` and listened to by the relay. */
export const OUTBOX_CHANNEL = 'bus_outbox';

/**
 * Advisory lock keys, derived from names so they do not collide with a daemon's own numeric keys.
 * The write lock orders the writers against the relay's fence (see record.ts): writers take it
 * shared, so they never wait on each other, and the relay takes it exclusive for one statement.
 * The migration lock keeps two processes starting at once from racing on CREATE TABLE IF NOT
 * EXISTS, which is not concurrency-safe.
 */
/**
 * Ids per sequence value: a call of `recordEvents` draws one value `v` and gives its events the ids
 * `v * OUTBOX_ID_STRIDE` and up (more events than this take further values). Rows written before
 * (one value each) keep ids below every new one, since `v * OUTBOX_ID_STRIDE >= v`.
 */
export const OUTBOX_ID_STRIDE = 1024;
const OUTBOX_WRITE_LOCK_KEY = "hashtextextended('wazo-ts:bus_outbox', 0)";
export const OUTBOX_WRITE_LOCK_SQL = `SELECT pg_advisory_xact_lock_shared(${OUTBOX_WRITE_LOCK_KEY})`;
/**
 * The relay's fence: once the exclusive lock is granted, every writer that took an outbox id has
 * committed or rolled back (writers hold the shared lock from before they take an id to the end of
 * their transaction), so every id up to the sequence's last value is final. Sent as one simple
 * query, which PostgreSQL runs as one transaction: the lock is released as soon as it returns.
 */
export const OUTBOX_FENCE_SQL = `SELECT pg_advisory_xact_lock(${OUTBOX_WRITE_LOCK_KEY});
SELECT CASE WHEN is_called THEN (last_value + 1) * ${OUTBOX_ID_STRIDE} - 1 ELSE 0 END AS fence FROM bus_outbox_id_seq`;
const MIGRATION_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtextextended('wazo-ts:bus_outbox:migrate', 0))";

/**
 * - `message_id` is text, not uuid: AMQP's message_id is any short string, and the outbox must not
 *   reject an event whose id another publisher made.
 * - `headers` is json, not jsonb, so the header order of Wazo's envelope survives the round trip.
 * - `body` is bytea: the serialized body is published byte for byte, never re-encoded.
 * - The partial index keeps finding unsent rows cheap however many sent rows await the purge.
 */
export const outboxMigrations: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS bus_outbox (
    id bigserial PRIMARY KEY,
    message_id text NOT NULL UNIQUE,
    name text NOT NULL,
    routing_key text NOT NULL,
    headers json NOT NULL,
    content_type text NOT NULL,
    body bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    sent_at timestamptz
  )`,
  'CREATE INDEX IF NOT EXISTS bus_outbox_unsent_idx ON bus_outbox (id) WHERE sent_at IS NULL',
  'CREATE INDEX IF NOT EXISTS bus_outbox_sent_at_idx ON bus_outbox (sent_at) WHERE sent_at IS NOT NULL',
];

/**
 * Creates the outbox table if needed. Sent as one multi-statement query, which PostgreSQL runs as
 * a single transaction, so the lock is held until every statement is done.
 */
export async function migrateOutbox(db: Queryable): Promise<void> {
  await db.query([MIGRATION_LOCK_SQL, ...outboxMigrations].join(';\n'));
}
