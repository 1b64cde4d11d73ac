// Public surface of the users' subscription counts.
export { createUserSubscriptionsDao, type UserSubscriptionsDao } from './user-subscriptions.dao.js';
export { type SubscriptionCount, subscriptionCountSchema } from './user-subscriptions.model.js';
export {
  createUserSubscriptionsService,
  type UserSubscriptionsService,
  type UserSubscriptionsServiceDeps,
} from './user-subscriptions.service.js';
