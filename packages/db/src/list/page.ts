/**
 * The mechanics every list shares: LIKE escaping, the count of a query, and one page of it in a
 * stable order. A page is sorted on the requested column and then on a unique tie-break (the
 * primary key): sorted on a repeated value alone (fifty users named Martin), PostgreSQL may order
 * the ties differently from one query to the next, and pages then overlap or skip rows.
 */
import { type Expression, type SelectQueryBuilder, sql } from 'kysely';

export type SortDirection = 'asc' | 'desc';

// biome-ignore lint/suspicious/noExplicitAny: works on any resource's query
export type AnyQuery<O> = SelectQueryBuilder<any, any, O>;

/** `%`, `_` and `\` typed by a caller match themselves in a LIKE pattern. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** How many rows the query answers (its select list and order are dropped). */
export async function countRows<O>(query: AnyQuery<O>): Promise<number> {
  const row = await query
    .clearSelect()
    .clearOrderBy()
    .select(sql<string>`count(*)`.as('count'))
    .executeTakeFirstOrThrow();
  return Number((row as { count: string }).count);
}

export interface PageRequest {
  /** The sort key, as a column or an expression (`lower(name)`). */
  orderBy: Expression<unknown>;
  direction?: SortDirection | undefined;
  /** A unique column (the primary key), sorted after `orderBy` so the order is total. */
  tieBreak: Expression<unknown>;
  limit?: number | undefined;
  offset?: number | undefined;
}

/**
 * The query sorted by `orderBy` (NULLs last) then by `tieBreak` (ascending, whatever the
 * direction: any total order will do, and this one is wazo-auth's), so walking the pages in
 * either direction visits every row exactly once; then limited and offset.
 */
export function sortedPage<O>(query: AnyQuery<O>, request: PageRequest): AnyQuery<O> {
  const direction = request.direction === 'desc' ? sql`DESC` : sql`ASC`;
  let page = query.orderBy(sql`${request.orderBy} ${direction} NULLS LAST, ${request.tieBreak}`);
  if (request.limit !== undefined) page = page.limit(request.limit);
  if (request.offset) page = page.offset(request.offset);
  return page;
}
