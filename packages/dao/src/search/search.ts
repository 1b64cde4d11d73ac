/**
 * The search contract shared by every resource, as wazo-confd's lists answer it: `search` (a
 * case- and accent-insensitive substring over the resource's search columns), exact filters on
 * those columns, `order` and `direction`, `limit` and `offset`, and `{total, items}` where total
 * counts the matching rows before paging. Every search is scoped to a list of tenants.
 */
import type { SortDirection } from '@wazo-ts/db';

export type { SortDirection };

export interface SearchParams {
  search?: string | undefined;
  order?: string | undefined;
  direction?: SortDirection | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
  /** Exact matches on search columns (`?exten=1000`); an array matches any of its values. */
  filters?: Record<string, string | number | boolean | (string | number)[]> | undefined;
}

export interface SearchResult<T> {
  total: number;
  items: T[];
}

/**
 * The tenants a call may see: the scoping tenant, plus its sub-tenants when `recurse=true`. An
 * empty list sees nothing (never "everything"): that is Wazo's rule and the safe one.
 */
export interface TenantScope {
  tenantUuids: readonly string[];
}

export function scopeOf(...tenantUuids: string[]): TenantScope {
  return { tenantUuids };
}
