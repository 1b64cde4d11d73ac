/** How many users of a tenant have each subscription type (`GET /users/subscriptions`). */
import { type Static, Type } from '../schema.js';

/** `id` is the subscription type. */
export const subscriptionCountSchema = Type.Object({ id: Type.Integer(), count: Type.Integer() });
export type SubscriptionCount = Static<typeof subscriptionCountSchema>;
