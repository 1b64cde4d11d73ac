// Public surface of @wazo-ts/webhookd (for the platform command and tests).
export { type WebhookdConfig, webhookdDaemon } from './definition.js';
export {
  createDeliveryEngine,
  DELIVERY_ID_HEADER,
  type DeliveryEngine,
  type DeliveryPluginOptions,
  type DeliveryService,
  deliveryPlugin,
  IDEMPOTENCY_HEADER,
  type PushNotification,
  type PushResult,
  type PushSender,
} from './delivery/index.js';
export { createMasterTenant, type MasterTenant } from './master-tenant/index.js';
export type { WebhookdResources } from './resources.js';
export {
  MOBILE_EVENTS,
  type Subscription,
  type SubscriptionChangeListener,
  type SubscriptionChanges,
  type SubscriptionRows,
  subscriptionOfRows,
} from './subscriptions/index.js';
