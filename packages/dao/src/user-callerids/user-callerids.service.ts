/**
 * The caller ids a user may present, in Wazo's order: the tenant's main phone number, the numbers
 * of incalls reaching the user (`associated`), the tenant's shared numbers, then anonymous. A
 * number already listed is not listed again. The phone numbers are the user's tenant's.
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
  /** The tenant's main number and its other shared numbers (the phone numbers' dao answers). */
  tenantNumbers(tx: Tx, tenantUuid: string): Promise<{ main: TenantNumber | null; shared: TenantNumber[] }>;
}

interface TenantNumber {
  number: string;
  caller_id_name: string | null;
}

/**
 * Whether two numbers are one phone number. Wazo asks `phonenumbers` (exact or national-number
 * match); here their digits are compared (see docs/compatibility.md).
 */
function sameNumber(a: string, b: string): boolean {
  const digits = (n: string) => n.replace(/[^0-9]/g, '');
  return digits(a) === digits(b);
}

export function createUserCallerIdsService(deps: UserCallerIdsServiceDeps) {
  const { uow, findUser } = deps;
  return {
    /** 404 as `GET /users/{id}` when the user is not among the scope's tenants. */
    outgoing(scope: TenantScope, key: UserKey): Promise<SearchResult<OutgoingCallerId>> {
      return uow.read(async (tx) => {
        const user = await findUser(tx, scope, key);
        if (!user) throw userNotFound(key);
        const { main, shared } = await deps.tenantNumbers(tx, user.tenant_uuid);
        const items: OutgoingCallerId[] = [];
        const add = (type: OutgoingCallerId['type'], number: string, name: string | null) => {
          if (items.some((item) => item.number !== undefined && sameNumber(item.number, number))) return;
          items.push({ type, number, caller_id_name: name ?? '' });
        };
        if (main) add('main', main.number, main.caller_id_name);
        for (const number of await deps.associatedNumbers(tx, user.id)) add('associated', number, null);
        for (const number of shared) add('shared', number.number, number.caller_id_name);
        items.push({ type: 'anonymous' });
        return { total: items.length, items };
      });
    },
  };
}

export type UserCallerIdsService = ReturnType<typeof createUserCallerIdsService>;
