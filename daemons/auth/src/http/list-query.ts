/** Splits a validated list query string into the list parameters and the resource's filters. */
import type { ListParams, SortDirection } from '../db/listing.js';

export interface ListQuery {
  search?: string;
  order?: string;
  direction?: SortDirection;
  limit?: number;
  offset?: number;
  recurse?: boolean;
}

export interface SplitListQuery<F> {
  params: ListParams;
  recurse: boolean;
  filters: F;
}

export function splitListQuery<F extends object>(query: ListQuery & F): SplitListQuery<F> {
  const { search, order, direction, limit, offset, recurse, ...filters } = query;
  return {
    params: { search, order, direction, limit, offset },
    recurse: recurse === true,
    filters: filters as F,
  };
}
