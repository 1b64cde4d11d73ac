/** Splits a validated list query string into the list parameters and the resource's filters. */
import type { ListParams } from '../db/listing.js';
import type { ListQuery } from './list-schema.js';

export type { ListQuery };

/** What a query carries beyond the common list parameters: the resource's own filters. */
export type FiltersOf<Q> = Omit<Q, keyof ListQuery>;

export interface SplitListQuery<F> {
  params: ListParams;
  recurse: boolean;
  filters: F;
}

export function splitListQuery<Q extends ListQuery>(query: Q): SplitListQuery<FiltersOf<Q>> {
  const { search, order, direction, limit, offset, recurse, ...filters } = query;
  return {
    params: { search, order, direction, limit, offset },
    recurse: recurse === true,
    filters: filters as FiltersOf<Q>,
  };
}
