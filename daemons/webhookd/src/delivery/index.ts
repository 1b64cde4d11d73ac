// The delivery engine: bus events to webhook and push deliveries, durable, ordered, retried.
export { type DeliveryConfig, DeliverySectionSchema } from './config.js';
export { type DeliveryPluginOptions, deliveryPlugin } from './delivery.plugin.js';
export { createDeliveryEngine, type DeliveryEngine, type DeliveryEngineOptions } from './engine.js';
export { DELIVERY_ID_HEADER, IDEMPOTENCY_HEADER } from './http-service.js';
export {
  logOnlyPushSender,
  NOTIFICATION_TYPES,
  type PushNotification,
  type PushResult,
  type PushSender,
  RESERVED_NOTIFICATION_TYPES,
} from './mobile.js';
export type { AttemptOutcome, DeliveryAttempt, DeliveryService, DeliverySubscription } from './service.js';
export { createTargetGuard, type DeniedTarget, defaultDeniedTargets, type Resolver } from './target-guard.js';
