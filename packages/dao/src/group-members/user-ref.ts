/**
 * What this area needs to know of a user (its ids and tenant), and how it asks for one: the users
 * resource owns that table, so its lookup is injected (e.g. the users dao's find) rather than
 * queried here.
 */
import type { Tx } from '../db/unit-of-work.js';
import type { TenantScope } from '../search/search.js';

export interface UserRef {
  id: number;
  uuid: string;
  tenant_uuid: string;
}

/** Finds a user by id (number or digits) or uuid within the scope; null when there is none. */
export type FindUser = (tx: Tx, scope: TenantScope, key: number | string) => Promise<UserRef | null>;
