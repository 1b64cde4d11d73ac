/**
 * The delivery engine's tables. `webhookd_delivery` holds every matched event not yet delivered
 * (one row per event and subscription, written in the transaction that precedes the bus ack, so a
 * crash loses none); `id` gives publication order within a subscription, `uuid` is the stable id
 * sent as the idempotency header and used as the log's hook-run uuid. `message_id` makes a message
 * redelivered by the broker (ack lost in a crash) a no-op. `webhookd_delivery_binding` records the
 * bindings of the durable queue, so bindings no subscription needs any more are removed even when
 * the subscription went away while the daemon was down.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE webhookd_delivery (
      id bigserial PRIMARY KEY,
      uuid uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
      subscription_uuid uuid NOT NULL REFERENCES webhookd_subscription(uuid) ON DELETE CASCADE,
      message_id text NOT NULL,
      event jsonb NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (subscription_uuid, message_id)
    );
    CREATE INDEX webhookd_delivery_subscription_idx ON webhookd_delivery (subscription_uuid, id);

    CREATE TABLE webhookd_delivery_binding (
      key text PRIMARY KEY,
      headers jsonb NOT NULL
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE webhookd_delivery_binding;
    DROP TABLE webhookd_delivery;
  `.execute(db);
}
