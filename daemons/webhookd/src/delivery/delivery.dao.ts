/**
 * The delivery engine's queries: matching an event to subscriptions into delivery rows (Wazo's
 * filter, in SQL, in one statement), reading a subscription's next delivery, and recording an
 * attempt's log row with the delivery's next state in one transaction.
 */
import { type Kysely, sql } from 'kysely';
import type { WebhookdDatabase } from '../db/schema.js';
import type { DeliverySubscription } from './service.js';

/** Wazo's one event whose user filter is `user_uuid:*` (every user's voicemail box). */
export const GLOBAL_VOICEMAIL_EVENT = 'global_voicemail_message_created';

export interface IncomingEvent {
  name: string;
  /** Dedup key of the message (its AMQP message id, or a digest of its body). */
  messageId: string;
  headers: Record<string, unknown>;
  body: Record<string, unknown>;
}

export interface PendingDelivery {
  id: string;
  uuid: string;
  attempts: number;
  nextAttemptAt: Date;
  createdAt: Date;
  event: Record<string, unknown>;
  subscription: DeliverySubscription;
}

interface HeadRow {
  id: string;
  uuid: string;
  attempts: number;
  next_attempt_at: Date;
  created_at: Date;
  event: Record<string, unknown>;
  name: string;
  service: string;
  owner_tenant_uuid: string;
  owner_user_uuid: string | null;
  events_user_uuid: string | null;
  events_wazo_uuid: string | null;
  config: Record<string, string>;
}

export interface AttemptRecord {
  status: 'success' | 'failure' | 'error';
  startedAt: Date;
  endedAt: Date;
  attempts: number;
  maxAttempts: number;
  detail: Record<string, unknown>;
}

/** The users an event is for: `user_uuid:<uuid>` headers set to true. */
function eventUsers(headers: Record<string, unknown>): string[] {
  return Object.entries(headers)
    .filter(([key, value]) => key.startsWith('user_uuid:') && value === true)
    .map(([key]) => key.slice('user_uuid:'.length));
}

export interface DeliveryDao {
  /**
   * Adds a delivery for every subscription (of a served service) the event matches: event name,
   * tenant (a master-tenant owner sees every tenant), `user_uuid:<events_user_uuid>` header and
   * `origin_uuid` = events_wazo_uuid. A message seen before adds nothing. Returns the subscriptions
   * that got one.
   */
  intake(event: IncomingEvent, masterTenant: string, services: string[]): Promise<string[]>;
  /** Subscriptions with deliveries waiting. */
  pendingSubscriptions(): Promise<string[]>;
  /** The subscription's oldest delivery, with the subscription as it is now. */
  head(subscriptionUuid: string): Promise<PendingDelivery | undefined>;
  /**
   * Logs an attempt and moves the delivery on (deleted when done, rescheduled otherwise). False
   * when the delivery is gone (its subscription was deleted meanwhile): then nothing is logged.
   */
  record(delivery: PendingDelivery, log: AttemptRecord, retryAt: Date | null): Promise<boolean>;
}

export function createDeliveryDao(db: Kysely<WebhookdDatabase>): DeliveryDao {
  return {
    // One statement, so atomic by itself and one round trip per bus message.
    async intake(event, masterTenant, services) {
      const users = event.name === GLOBAL_VOICEMAIL_EVENT ? [] : eventUsers(event.headers);
      const everyUser = event.name === GLOBAL_VOICEMAIL_EVENT && event.headers['user_uuid:*'] === true;
      const tenant = typeof event.headers.tenant_uuid === 'string' ? event.headers.tenant_uuid : null;
      const origin = typeof event.headers.origin_uuid === 'string' ? event.headers.origin_uuid : null;
      const { rows } = await sql<{ subscription_uuid: string }>`
        INSERT INTO webhookd_delivery (subscription_uuid, message_id, event)
        SELECT s.uuid, ${event.messageId}, ${JSON.stringify(event.body)}::jsonb
        FROM webhookd_subscription s
        JOIN webhookd_subscription_event e ON e.subscription_uuid = s.uuid AND e.event_name = ${event.name}
        WHERE s.service = ANY(${services}::text[])
          AND (s.owner_tenant_uuid::text = ${masterTenant} OR s.owner_tenant_uuid::text = ${tenant})
          AND (s.events_user_uuid IS NULL OR s.events_user_uuid = ANY(${users}::text[]) OR ${everyUser})
          AND (s.events_wazo_uuid IS NULL OR s.events_wazo_uuid = ${origin})
        ORDER BY s.uuid
        ON CONFLICT (subscription_uuid, message_id) DO NOTHING
        RETURNING subscription_uuid`.execute(db);
      return rows.map((r) => r.subscription_uuid);
    },

    async pendingSubscriptions() {
      const rows = await db.selectFrom('webhookd_delivery').select('subscription_uuid').distinct().execute();
      return rows.map((r) => r.subscription_uuid);
    },

    async head(subscriptionUuid) {
      // The delivery, its subscription and the subscription's config in one round trip.
      const { rows } = await sql<HeadRow>`
        SELECT d.id, d.uuid, d.attempts, d.next_attempt_at, d.created_at, d.event,
          s.name, s.service, s.owner_tenant_uuid, s.owner_user_uuid, s.events_user_uuid, s.events_wazo_uuid,
          (SELECT coalesce(jsonb_object_agg(o.name, o.value) FILTER (WHERE o.value IS NOT NULL), '{}')
             FROM webhookd_subscription_option o WHERE o.subscription_uuid = s.uuid) AS config
        FROM webhookd_delivery d JOIN webhookd_subscription s ON s.uuid = d.subscription_uuid
        WHERE d.subscription_uuid = ${subscriptionUuid}
        ORDER BY d.id LIMIT 1`.execute(db);
      const row = rows[0];
      if (!row) return undefined;
      return {
        id: row.id,
        uuid: row.uuid,
        attempts: row.attempts,
        nextAttemptAt: new Date(row.next_attempt_at),
        createdAt: new Date(row.created_at),
        event: row.event,
        subscription: {
          uuid: subscriptionUuid,
          name: row.name,
          service: row.service,
          owner_tenant_uuid: row.owner_tenant_uuid,
          owner_user_uuid: row.owner_user_uuid,
          events_user_uuid: row.events_user_uuid,
          events_wazo_uuid: row.events_wazo_uuid,
          config: row.config,
        },
      };
    },

    async record(delivery, log, retryAt) {
      // One statement: the subscription locked first (as its deletion locks it first, so no
      // deadlock with the cascade), the delivery moved on, the log row written only if it was.
      // Its commit does not wait for the disk: lost in a crash, the attempt is only made again,
      // with the same delivery id (at least once), while the intake's commits stay synchronous.
      const moved = retryAt
        ? sql`UPDATE webhookd_delivery SET attempts = ${log.attempts}, next_attempt_at = ${retryAt}
              WHERE id = ${delivery.id} AND EXISTS (SELECT 1 FROM sub) RETURNING id`
        : sql`DELETE FROM webhookd_delivery WHERE id = ${delivery.id} AND EXISTS (SELECT 1 FROM sub) RETURNING id`;
      const { rows } = await sql<{ uuid: string }>`
        WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true)),
        sub AS (
          SELECT uuid FROM webhookd_subscription
          WHERE uuid = ${delivery.subscription.uuid} AND EXISTS (SELECT 1 FROM async_commit)
          FOR KEY SHARE
        ), moved AS (${moved})
        INSERT INTO webhookd_subscription_log
          (uuid, subscription_uuid, status, started_at, ended_at, attempts, max_attempts, event, detail)
        SELECT ${delivery.uuid}, ${delivery.subscription.uuid}, ${log.status}, ${log.startedAt}, ${log.endedAt},
          ${log.attempts}, ${log.maxAttempts}, ${JSON.stringify(delivery.event)}::jsonb,
          ${JSON.stringify(log.detail)}::jsonb
        FROM moved
        RETURNING uuid`.execute(db);
      return rows.length > 0;
    },
  };
}
