/**
 * The events of a subscription change, as Wazo's notifier sends them: a user's subscription (one
 * with an owner user) as a user event with the user's view, any other as a tenant event.
 */
import {
  webhookdSubscriptionCreated,
  webhookdSubscriptionDeleted,
  webhookdSubscriptionUpdated,
  webhookdUserSubscriptionCreated,
  webhookdUserSubscriptionDeleted,
  webhookdUserSubscriptionUpdated,
} from '@wazo-ts/bus';
import type { EventSink } from '@wazo-ts/db';
import { type Subscription, userSubscriptionOf } from './model.js';

const events = {
  created: [webhookdSubscriptionCreated, webhookdUserSubscriptionCreated],
  updated: [webhookdSubscriptionUpdated, webhookdUserSubscriptionUpdated],
  deleted: [webhookdSubscriptionDeleted, webhookdUserSubscriptionDeleted],
} as const;

export type SubscriptionChange = keyof typeof events;

export function notifySubscription(sink: EventSink, change: SubscriptionChange, s: Subscription): void {
  const [tenantEvent, userEvent] = events[change];
  const tenantUuid = s.owner_tenant_uuid;
  if (s.owner_user_uuid)
    sink.add(userEvent.build(userSubscriptionOf(s), { tenantUuid, userUuid: s.owner_user_uuid }));
  else sink.add(tenantEvent.build(s, { tenantUuid }));
}
