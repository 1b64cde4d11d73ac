/** The relay's SQL on the outbox table, kept apart from its control flow. */
import type { HeaderValue, WireMessage } from '../transport.js';
import type { Queryable } from './queryable.js';
import { OUTBOX_FENCE_SQL } from './schema.js';

export interface OutboxRow {
  /** bigint, as a string, so ids past 2^53 stay exact. */
  id: string;
  message: WireMessage;
}

interface RawRow {
  id: string;
  message_id: string;
  routing_key: string;
  headers: Record<string, HeaderValue>;
  content_type: string;
  body: Buffer;
}

/**
 * Locks the oldest unsent rows up to `fence` (see `readFence`), in id order, for the caller's
 * transaction. A plain FOR UPDATE (not SKIP LOCKED): a second relay blocks on the first locked
 * row, then finds it sent and moves past it, so it can neither publish a row twice nor overtake
 * the first relay. See relay.ts.
 */
export async function claimUnsent(tx: Queryable, limit: number, fence: string): Promise<OutboxRow[]> {
  const { rows } = await tx.query<RawRow>(
    `SELECT id, message_id, routing_key, headers, content_type, body FROM bus_outbox
     WHERE sent_at IS NULL AND id <= $2::bigint ORDER BY id LIMIT $1 FOR UPDATE`,
    [limit, fence],
  );
  return rows.map((r) => ({
    id: r.id,
    message: {
      messageId: r.message_id,
      routingKey: r.routing_key,
      headers: r.headers,
      contentType: r.content_type,
      body: r.body,
    },
  }));
}

/**
 * The highest id below which every outbox row is final: committed (and visible) or rolled back.
 * Rows above it may still be joined by a lower id from a transaction in flight. See record.ts.
 */
export async function readFence(db: Queryable): Promise<string> {
  const results = (await db.query(OUTBOX_FENCE_SQL)) as unknown as Array<{ rows: Array<{ fence: string }> }>;
  return String(results[1]?.rows[0]?.fence ?? '0');
}

export async function markSent(tx: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query('UPDATE bus_outbox SET sent_at = now() WHERE id = ANY($1::bigint[])', [ids]);
}

export async function countUnsent(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    'SELECT count(*) AS n FROM bus_outbox WHERE sent_at IS NULL',
  );
  return Number(rows[0]?.n ?? 0);
}

/** Deletes rows sent more than `retentionMs` ago; returns how many. */
export async function purgeSent(db: Queryable, retentionMs: number): Promise<number> {
  const { rowCount } = await db.query(
    "DELETE FROM bus_outbox WHERE sent_at < now() - $1::double precision * interval '1 millisecond'",
    [retentionMs],
  );
  return rowCount ?? 0;
}
