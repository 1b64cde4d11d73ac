/**
 * The delivery engine's queries: matching an event to subscriptions into delivery rows (Wazo's
 * filter, in SQL, in one statement), reading a subscription's next delivery, and recording an
 * attempt's log row with the delivery's next state in one transaction.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
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
  intake(
    tx: Transaction<WebhookdDatabase>,
    event: IncomingEvent,
    masterTenant: string,
    services: string[],
  ): Promise<string[]>;
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
    async intake(tx, event, masterTenant, services) {
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
        RETURNING subscription_uuid`.execute(tx);
      return rows.map((r) => r.subscription_uuid);
    },

    async pendingSubscriptions() {
      const rows = await db.selectFrom('webhookd_delivery').select('subscription_uuid').distinct().execute();
      return rows.map((r) => r.subscription_uuid);
    },

    async head(subscriptionUuid) {
      const row = await db
        .selectFrom('webhookd_delivery as d')
        .innerJoin('webhookd_subscription as s', 's.uuid', 'd.subscription_uuid')
        .where('d.subscription_uuid', '=', subscriptionUuid)
        .orderBy('d.id')
        .limit(1)
        .select([
          'd.id',
          'd.uuid',
          'd.attempts',
          'd.next_attempt_at',
          'd.created_at',
          'd.event',
          's.name',
          's.service',
          's.owner_tenant_uuid',
          's.owner_user_uuid',
          's.events_user_uuid',
          's.events_wazo_uuid',
        ])
        .executeTakeFirst();
      if (!row) return undefined;
      const options = await db
        .selectFrom('webhookd_subscription_option')
        .select(['name', 'value'])
        .where('subscription_uuid', '=', subscriptionUuid)
        .execute();
      const config = Object.fromEntries(
        options.filter((o) => o.value !== null).map((o) => [o.name, o.value!]),
      );
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
          config,
        },
      };
    },

    async record(delivery, log, retryAt) {
      return db.transaction().execute(async (tx) => {
        // The subscription first, as its deletion locks it first: no deadlock with a cascade.
        const subscription = await tx
          .selectFrom('webhookd_subscription')
          .select('uuid')
          .where('uuid', '=', delivery.subscription.uuid)
          .forKeyShare()
          .executeTakeFirst();
        if (!subscription) return false;
        const moved = retryAt
          ? await tx
              .updateTable('webhookd_delivery')
              .set({ attempts: log.attempts, next_attempt_at: retryAt })
              .where('id', '=', delivery.id)
              .executeTakeFirst()
          : await tx.deleteFrom('webhookd_delivery').where('id', '=', delivery.id).executeTakeFirst();
        const count = 'numUpdatedRows' in moved ? moved.numUpdatedRows : moved.numDeletedRows;
        if (count === 0n) return false;
        await tx
          .insertInto('webhookd_subscription_log')
          .values({
            uuid: delivery.uuid,
            subscription_uuid: delivery.subscription.uuid,
            status: log.status,
            started_at: log.startedAt,
            ended_at: log.endedAt,
            attempts: log.attempts,
            max_attempts: log.maxAttempts,
            event: JSON.stringify(delivery.event),
            detail: JSON.stringify(log.detail),
          })
          .execute();
        return true;
      });
    },
  };
}
