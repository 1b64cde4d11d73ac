/**
 * The caller ids a user may present, in Wazo's order: the tenant's main phone number, the numbers
 * of incalls reaching the user, the tenant's shared numbers, then anonymous. Phone numbers and
 * incalls are not built yet, so a user found in the caller's tenants has anonymous only.
 */
import type { UnitOfWork } from '../db/unit-of-work.js';
import type { FindUser } from '../group-members/user-ref.js';
import type { SearchResult, TenantScope } from '../search/search.js';
import { userNotFound } from '../users/user-key.js';
import type { UserKey } from '../users/users.model.js';
import type { OutgoingCallerId } from './user-callerids.model.js';

export interface UserCallerIdsServiceDeps {
  uow: UnitOfWork;
  findUser: FindUser;
}

export function createUserCallerIdsService({ uow, findUser }: UserCallerIdsServiceDeps) {
  return {
    /** 404 as `GET /users/{id}` when the user is not among the scope's tenants. */
    outgoing(scope: TenantScope, key: UserKey): Promise<SearchResult<OutgoingCallerId>> {
      return uow.read(async (tx) => {
        if (!(await findUser(tx, scope, key))) throw userNotFound(key);
        // TODO(phone-numbers, incalls): main, associated and shared numbers once they exist.
        const items: OutgoingCallerId[] = [{ type: 'anonymous' }];
        return { total: items.length, items };
      });
    },
  };
}

export type UserCallerIdsService = ReturnType<typeof createUserCallerIdsService>;
