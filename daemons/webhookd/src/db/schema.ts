/**
 * wazo-webhookd's own database, as Kysely types. webhookd owns it alone; other daemons reach its
 * data through its REST API and events only.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface SubscriptionTable {
  uuid: string;
  name: string;
  service: string;
  events_user_uuid: string | null;
  events_wazo_uuid: string | null;
  owner_user_uuid: string | null;
  owner_tenant_uuid: string;
  created_at: Generated<Timestamp>;
}

export interface SubscriptionEventTable {
  subscription_uuid: string;
  event_name: string;
}

/** The service's `config` (for http: url, method, body, verify_certificate, content_type). */
export interface SubscriptionOptionTable {
  subscription_uuid: string;
  name: string;
  value: string | null;
}

export interface SubscriptionMetadatumTable {
  subscription_uuid: string;
  key: string;
  value: string | null;
}

/** One row per attempt of a hook run (`uuid` is the run's id, the same for all its attempts). */
export interface SubscriptionLogTable {
  uuid: string;
  subscription_uuid: string;
  status: 'success' | 'failure' | 'error';
  started_at: Timestamp;
  ended_at: Timestamp | null;
  attempts: number;
  max_attempts: number | null;
  event: Json<Record<string, unknown>>;
  detail: Json<Record<string, unknown>>;
}

/** A matched event waiting to be delivered (the delivery engine's queue, in publication order). */
export interface DeliveryTable {
  id: Generated<string>;
  uuid: Generated<string>;
  subscription_uuid: string;
  message_id: string;
  event: Json<Record<string, unknown>>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  created_at: Timestamp;
}

/** A binding of the delivery engine's durable queue, as declared on the broker. */
export interface DeliveryBindingTable {
  key: string;
  headers: Json<Record<string, string | boolean>>;
}

export interface WebhookdDatabase {
  webhookd_subscription: SubscriptionTable;
  webhookd_subscription_event: SubscriptionEventTable;
  webhookd_subscription_option: SubscriptionOptionTable;
  webhookd_subscription_metadatum: SubscriptionMetadatumTable;
  webhookd_subscription_log: SubscriptionLogTable;
  webhookd_delivery: DeliveryTable;
  webhookd_delivery_binding: DeliveryBindingTable;
}
