/**
 * The caller ids a user may present, in Wazo's order: the tenant's main phone number, the numbers
 * of incalls reaching the user (`associated`), the tenant's shared numbers, then anonymous. A
 * number already listed is not listed again. Phone numbers are not built yet, so the list holds
 * the associated numbers and anonymous.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import type { FindUser } from '../group-members/user-ref.js';
import type { SearchResult, TenantScope } from '../search/search.js';
import { userNotFound } from '../users/user-key.js';
import type { UserKey } from '../users/users.model.js';
import type { OutgoingCallerId } from './user-callerids.model.js';

export interface UserCallerIdsServiceDeps {
  uow: UnitOfWork;
  findUser: FindUser;
  /** The numbers of the incalls whose destination is the user (the incalls' relations answer). */
  associatedNumbers(tx: Tx, userId: number): Promise<string[]>;
}

/**
 * Whether two numbers are one phone number. Wazo asks `phonenumbers` (exact or national-number
 * match); here their digits are compared (see docs/compatibility.md).
 */
function sameNumber(a: string, b: string): boolean {
  const digits = (n: string) => n.replace(/[^0-9]/g, '');
  return digits(a) === digits(b);
}

export function createUserCallerIdsService({ uow, findUser, associatedNumbers }: UserCallerIdsServiceDeps) {
  return {
    /** 404 as `GET /users/{id}` when the user is not among the scope's tenants. */
    outgoing(scope: TenantScope, key: UserKey): Promise<SearchResult<OutgoingCallerId>> {
      return uow.read(async (tx) => {
        const user = await findUser(tx, scope, key);
        if (!user) throw userNotFound(key);
        // TODO(phone-numbers): the tenant's main number first and its shared numbers after these.
        const items: OutgoingCallerId[] = [];
        for (const number of await associatedNumbers(tx, user.id)) {
          if (items.some((item) => item.number !== undefined && sameNumber(item.number, number))) continue;
          items.push({ type: 'associated', number, caller_id_name: '' });
        }
        items.push({ type: 'anonymous' });
        return { total: items.length, items };
      });
    },
  };
}

export type UserCallerIdsService = ReturnType<typeof createUserCallerIdsService>;
