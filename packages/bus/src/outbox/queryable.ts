import type pg from 'pg';

/**
 * Anything that runs a query: a `pg.Pool`, a `pg.Client` or a checked-out `pg.PoolClient`. The
 * outbox only needs this, so a unit of work passes the client of its own transaction.
 */
export interface Queryable {
  // biome-ignore lint/suspicious/noExplicitAny: mirrors pg's own default row type
  query<R extends pg.QueryResultRow = any>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}
