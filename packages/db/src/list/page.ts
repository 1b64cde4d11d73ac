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
  const order = sql`${request.orderBy} ${direction} NULLS LAST, ${request.tieBreak}`;
  if ((request.offset ?? 0) >= DEEP_OFFSET) return deepPage(query, order, request);
  let page = query.orderBy(order);
  if (request.limit !== undefined) page = page.limit(request.limit);
  if (request.offset) page = page.offset(request.offset);
  return page;
}

/** From this offset on, a page reads its keys first (see deepPage). */
export const DEEP_OFFSET = 1000;

/**
 * A deep page in two steps, as one statement: the keys of the page (the same query, selecting
 * only the tie-break, sorted, offset and limited), then the rows with those keys, sorted again.
 * Skipping 5,000 rows then walks only the sort key and the key, which an index holding both (and
 * the columns of the filters) answers without reading the skipped rows themselves; the full rows
 * are read for the page only. Same rows, same order as the one-step form.
 */
function deepPage<O>(query: AnyQuery<O>, order: Expression<unknown>, request: PageRequest): AnyQuery<O> {
  let keys = query.clearSelect().select(sql`${request.tieBreak}`.as('page_key')).orderBy(order);
  if (request.limit !== undefined) keys = keys.limit(request.limit);
  keys = keys.offset(request.offset ?? 0);
  return query.where(sql<boolean>`${request.tieBreak} = ANY(ARRAY(${keys}))`).orderBy(order);
}
