/**
 * wazo-auth's list contract (reference §4): `search` is one ILIKE pattern `%w1%w2%` (the words in
 * order, anything between) over the resource's search columns, exact filters, `order` and
 * `direction`, `limit` and `offset`, and `{total, filtered, items}` where `total` counts the rows the
 * caller may see before any filter. It differs from confd's contract (`@wazo-ts/dao`'s runSearch:
 * one substring, accents folded), so wazo-auth's daos use this one. Both stand on @wazo-ts/db's
 * list core (escaping, counting, a stable page order); the pattern and the two counts are wazo-auth's.
 */
import { type AnyQuery, countRows, escapeLike, type SortDirection, sortedPage } from '@wazo-ts/db';
import { type Expression, type SqlBool, sql } from 'kysely';

export type { SortDirection };

export interface ListParams {
  search?: string | undefined;
  order?: string | undefined;
  direction?: SortDirection | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface ListPage<T> {
  total: number;
  filtered: number;
  items: T[];
}

/** Wazo's pattern: `ali bo` becomes `%ali%bo%`; `%`, `_` and `\` typed by the caller are literal. */
export function searchPattern(search: string): string {
  const words = search
    .split(' ')
    .filter((w) => w !== '')
    .map(escapeLike);
  return words.length === 0 ? '%' : `%${words.join('%')}%`;
}

/** True when any of the SQL column references matches the search pattern. */
export function searchMatch(columns: readonly Expression<unknown>[], search: string): Expression<SqlBool> {
  const pattern = searchPattern(search);
  return sql<SqlBool>`(${sql.join(
    columns.map((column) => sql`${column}::text ILIKE ${pattern}`),
    sql` OR `,
  )})`;
}

/**
 * Counts `visible` (the caller's rows), counts and pages `filtered` (the same query narrowed by
 * filters and search), sorted by `orderBy` then by `tieBreak` so pages are stable.
 */
export async function pageOf<O>(
  visible: AnyQuery<O>,
  filtered: AnyQuery<O>,
  orderBy: Expression<unknown>,
  tieBreak: Expression<unknown>,
  params: ListParams,
): Promise<ListPage<O>> {
  const page = sortedPage(filtered, { ...params, orderBy, tieBreak });
  const [total, count, items] = await Promise.all([countRows(visible), countRows(filtered), page.execute()]);
  return { total, filtered: count, items: items as O[] };
}
