/**
 * Writes events into the outbox inside the caller's transaction, so they are committed if and only
 * if the data change commits.
 *
 * Ordering: the relay publishes rows in id order. Ids come from a sequence, which hands them out at
 * insert time, not at commit: two concurrent transactions can commit in the opposite order of their
 * ids, and a relay reading the table could publish id 11 before id 10 becomes visible. So the relay
 * publishes only up to a fence below which every id is final (see relay.ts): writers take a
 * transaction-scoped advisory lock in shared mode before they take ids, and the relay, before each
 * batch, takes the same lock in exclusive mode for one statement and reads the sequence's last
 * value. When it is granted, every writer that took an id has committed or rolled back (PostgreSQL
 * makes a commit visible before it releases its locks).
 *
 * Writers hold the lock shared, so they do not queue behind one another and their commits share
 * WAL flushes (group commit); they wait only while a relay's fence is queued or held, once per
 * batch. A unit of work records its events at the very end, as the last statement before COMMIT
 * (the notifier queues them during the work and hands them over then), so a fence waits for one
 * INSERT and a commit at most. The order published is the order in which writers recorded their
 * events: a transaction that read another's committed change records after it.
 */
import type { WireMessage } from '../transport.js';
import type { Queryable } from './queryable.js';
import { OUTBOX_CHANNEL, OUTBOX_ID_STRIDE, OUTBOX_WRITE_LOCK_SQL } from './schema.js';

// One sequence value per call, materialized so it is drawn once, and the rows of the call take
// the ids `base * OUTBOX_ID_STRIDE + position`: the events of one unit of work get consecutive ids
// even while other writers insert at the same time (a nextval per row would interleave them).
// unnest WITH ORDINALITY keeps array order, so ids follow the order of `messages`.
// pg_notify is delivered only at commit and dropped on rollback; repeated ones in a transaction
// collapse into one, so a relay is woken once per commit however many events it holds.
const INSERT_SQL = `WITH block AS MATERIALIZED (SELECT nextval('bus_outbox_id_seq') AS base),
inserted AS (
  INSERT INTO bus_outbox (id, message_id, name, routing_key, headers, content_type, body)
  SELECT block.base * ${OUTBOX_ID_STRIDE} + m.position - 1, m.message_id, m.name, m.routing_key, m.headers,
    m.content_type, m.body
  FROM block, unnest($1::text[], $2::text[], $3::text[], $4::json[], $5::text[], $6::bytea[])
    WITH ORDINALITY AS m (message_id, name, routing_key, headers, content_type, body, position)
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
  for (let start = 0; start < messages.length; start += OUTBOX_ID_STRIDE) {
    const block = messages.slice(start, start + OUTBOX_ID_STRIDE);
    await tx.query(INSERT_SQL, [
      block.map((m) => m.messageId),
      block.map(eventName),
      block.map((m) => m.routingKey),
      block.map((m) => JSON.stringify(m.headers)),
      block.map((m) => m.contentType),
      block.map((m) => m.body),
    ]);
  }
}
