// Subscriptions: their REST API, their service (for the bus housekeeping), and the row mapping
// the delivery engine reads subscriptions with.
export {
  createSubscriptionChanges,
  type SubscriptionChangeListener,
  type SubscriptionChanges,
} from './changes.js';
export { type SubscriptionFilter, type SubscriptionsDao, subscriptionsDao } from './dao.js';
export { type Log, type LogsDao, logsDao } from './logs.js';
export {
  type NewSubscription,
  type Subscription,
  type SubscriptionRows,
  subscriptionOfRows,
  type UserSubscription,
} from './model.js';
export { subscriptionsPlugin } from './routes.js';
export {
  createSubscriptionsService,
  MOBILE_EVENTS,
  type SubscriptionInput,
  type SubscriptionScope,
  type SubscriptionsService,
} from './service.js';
