/** The subscription counts of one tenant (Wazo counts the detected tenant only, never sub-tenants). */
import type { UnitOfWork } from '../db/unit-of-work.js';
import type { SearchResult } from '../search/search.js';
import type { UserSubscriptionsDao } from './user-subscriptions.dao.js';
import type { SubscriptionCount } from './user-subscriptions.model.js';

export interface UserSubscriptionsServiceDeps {
  uow: UnitOfWork;
  dao: UserSubscriptionsDao;
}

export function createUserSubscriptionsService({ uow, dao }: UserSubscriptionsServiceDeps) {
  return {
    count(tenantUuid: string): Promise<SearchResult<SubscriptionCount>> {
      return uow.read(async (tx) => {
        const items = await dao.countByType(tx, tenantUuid);
        return { total: items.length, items };
      });
    },
  };
}

export type UserSubscriptionsService = ReturnType<typeof createUserSubscriptionsService>;
