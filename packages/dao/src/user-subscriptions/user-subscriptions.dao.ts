/** SQL of the subscription counts: the tenant's users grouped by `subscription_type`. */
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import type { SubscriptionCount } from './user-subscriptions.model.js';

export function createUserSubscriptionsDao() {
  return {
    /** One row per subscription type that some user of the tenant has, by type. */
    async countByType(tx: Tx, tenantUuid: string): Promise<SubscriptionCount[]> {
      const rows = await tx.db
        .selectFrom('users')
        .select(['subscription_type as id', sql<number>`count(*)::int`.as('count')])
        .where('tenant_uuid', '=', tenantUuid)
        .groupBy('subscription_type')
        .orderBy('subscription_type')
        .execute();
      return rows;
    },
  };
}

export type UserSubscriptionsDao = ReturnType<typeof createUserSubscriptionsDao>;
