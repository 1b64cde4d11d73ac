/**
 * wazo-webhookd's events: a subscription created, updated or deleted. An admin's subscription is
 * a tenant event with the whole subscription; a user's is a user event with the user's view of it
 * (wazo-bus `resources/webhookd/events.py`).
 */
import { defineEvent } from './define.js';

export interface WebhookdSubscriptionPayload {
  uuid: string;
  name: string;
  service: string;
  events: string[];
  config: Record<string, string>;
  events_user_uuid: string | null;
  events_wazo_uuid: string | null;
  owner_user_uuid: string | null;
  owner_tenant_uuid: string;
  metadata: Record<string, string>;
}

export type WebhookdUserSubscriptionPayload = Pick<
  WebhookdSubscriptionPayload,
  'uuid' | 'name' | 'service' | 'events' | 'config' | 'metadata'
>;

const tenantEvent = <const N extends string>(name: N, action: string) =>
  defineEvent<WebhookdSubscriptionPayload>()({
    name,
    routingKey: `webhookd.subscription.${action}`,
    scope: 'tenant',
    service: 'webhookd',
  });

const userEvent = <const N extends string>(name: N, action: string) =>
  defineEvent<WebhookdUserSubscriptionPayload>()({
    name,
    routingKey: `webhookd.users.{user_uuid}.subscription.${action}`,
    scope: 'user',
    service: 'webhookd',
  });

export const webhookdSubscriptionCreated = tenantEvent('webhookd_subscription_created', 'created');
export const webhookdSubscriptionUpdated = tenantEvent('webhookd_subscription_updated', 'updated');
export const webhookdSubscriptionDeleted = tenantEvent('webhookd_subscription_deleted', 'deleted');
export const webhookdUserSubscriptionCreated = userEvent('webhookd_user_subscription_created', 'created');
export const webhookdUserSubscriptionUpdated = userEvent('webhookd_user_subscription_updated', 'updated');
export const webhookdUserSubscriptionDeleted = userEvent('webhookd_user_subscription_deleted', 'deleted');
