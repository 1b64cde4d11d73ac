/**
 * Writes events into the outbox inside the caller's transaction, so they are committed if and only
 * if the data change commits.
 *
 * Ordering: the relay publishes rows in id order, so id order must be commit order. Ids come from
 * a sequence, which hands them out at insert time, not at commit: two concurrent transactions
 * could commit in the opposite order of their ids, and a relay could publish id 11 before id 10
 * becomes visible. Taking a transaction-scoped advisory lock before inserting serializes the
 * writers from that point until their COMMIT (PostgreSQL makes a commit visible before it releases
 * its locks), so a later id always belongs to a later commit.
 *
 * The price is that writers queue on this lock from the moment they record to their commit. A unit
 * of work therefore records its events at the very end, as the last statement before COMMIT (the
 * notifier queues them during the work and hands them over then), which keeps that window to one
 * INSERT and the commit itself.
 */
import type { WireMessage } from '../transport.js';
import type { Queryable } from './queryable.js';
import { OUTBOX_CHANNEL, OUTBOX_WRITE_LOCK_SQL } from './schema.js';

// unnest keeps array order, so ids follow the order of `messages` within one transaction.
// pg_notify is delivered only at commit and dropped on rollback; repeated ones in a transaction
// collapse into one, so a relay is woken once per commit however many events it holds.
const INSERT_SQL = `WITH inserted AS (
  INSERT INTO bus_outbox (message_id, name, routing_key, headers, content_type, body)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::json[], $5::text[], $6::bytea[])
  RETURNING 1
)
SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM (SELECT count(*) FROM inserted) AS c`;

function eventName(message: WireMessage): string {
  const name = message.headers.name;
  return typeof name === 'string' ? name : '';
}

/**
 * Records `messages` in the outbox of the transaction `tx` belongs to. `tx` must be the client of
 * an open transaction (BEGIN ... COMMIT); called outside one, each call commits on its own and the
 * guarantee is lost. Call it last, just before COMMIT.
 */
export async function recordEvents(tx: Queryable, messages: readonly WireMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await tx.query(OUTBOX_WRITE_LOCK_SQL);
  await tx.query(INSERT_SQL, [
    messages.map((m) => m.messageId),
    messages.map(eventName),
    messages.map((m) => m.routingKey),
    messages.map((m) => JSON.stringify(m.headers)),
    messages.map((m) => m.contentType),
    messages.map((m) => m.body),
  ]);
}
