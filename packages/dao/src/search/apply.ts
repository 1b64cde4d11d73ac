/**
 * Applies the search contract to a Kysely query. A resource's dao describes its columns once
 * (`SearchConfig`) and hands its base query (already scoped to tenants); this adds the filters,
 * the text search, the total, the order and the page. The counting, escaping and paging are
 * @wazo-ts/db's list core, shared with wazo-auth's lists; what is confd's own is the pattern (one
 * substring, accents folded) and the count (the rows that match, before paging).
 */
import { type AnyQuery, countRows, escapeLike, oneOf, sortedPage } from '@wazo-ts/db';
import { type Expression, type SqlBool, sql } from 'kysely';
import { inputError } from '../errors.js';
import type { SearchParams, SearchResult } from './search.js';

export interface SearchConfig {
  /** API name → SQL column reference (`userfeatures.firstname`), for filters, search and order. */
  columns: Record<string, string>;
  /** API names that `search` looks into (every column accepts an exact filter, as in xivo-dao). */
  search: readonly string[];
  /** API name used when `order` is absent. */
  defaultSort: string;
  /**
   * SQL reference of a unique column (the primary key), sorted after the requested order so that
   * rows sharing the sorted value (users named alike) keep one order from page to page.
   */
  key: string;
  /** API names sorted without regard to case (names, labels). */
  sortInsensitive?: readonly string[];
  /**
   * True when a migration indexed `wazo_search_document(<search columns>::text, ...)` (trigram
   * GIN, see 0005_search_indexes): `search` then tests that document first, which the index
   * answers, and the columns only on the rows it finds. The column list and order must be the
   * index's, or PostgreSQL does not use it.
   */
  indexedDocument?: boolean;
}

function columnRef(config: SearchConfig, name: string) {
  const column = config.columns[name];
  if (!column) throw inputError(`order: column '${name}' was not found`, { order: name });
  return sql.ref(column);
}

/** What a resource adds to the generic search: rows its own lookups found for the term. */
export interface SearchExtras {
  /** Rows matching this also match `search` (e.g. users whose extension contains the term). */
  alsoMatching?: Expression<SqlBool> | undefined;
}

function textMatch(config: SearchConfig, term: string): Expression<SqlBool> {
  const pattern = `%${escapeLike(term)}%`;
  const clauses = config.search.map(
    (name) => sql<SqlBool>`unaccent(${sql.ref(config.columns[name]!)}::text) ILIKE unaccent(${pattern})`,
  );
  const anyColumn = sql<SqlBool>`(${sql.join(clauses, sql` OR `)})`;
  if (!config.indexedDocument) return anyColumn;
  // Every column's match is a match of the document, so this only narrows the rows to test.
  const columns = config.search.map((name) => sql`${sql.ref(config.columns[name]!)}::text`);
  return sql<SqlBool>`(wazo_search_document(${sql.join(columns)}) ILIKE wazo_unaccent(${pattern}) AND ${anyColumn})`;
}

function filtered<O>(
  query: AnyQuery<O>,
  config: SearchConfig,
  params: SearchParams,
  extras: SearchExtras,
): AnyQuery<O> {
  let q = query;
  for (const [name, value] of Object.entries(params.filters ?? {})) {
    // Unknown names are ignored, as Wazo ignores query parameters it does not know.
    if (!Object.hasOwn(config.columns, name)) continue;
    const column = config.columns[name]!;
    q = q.where(Array.isArray(value) ? oneOf(column, value) : sql<SqlBool>`${sql.ref(column)} = ${value}`);
  }
  if (params.search) {
    const match = textMatch(config, params.search);
    q = q.where(extras.alsoMatching ? sql<SqlBool>`(${match} OR ${extras.alsoMatching})` : match);
  }
  return q;
}

export async function runSearch<O>(
  query: AnyQuery<O>,
  config: SearchConfig,
  params: SearchParams,
  extras: SearchExtras = {},
): Promise<SearchResult<O>> {
  const base = filtered(query, config, params, extras);
  const order = params.order ?? config.defaultSort;
  const ref = columnRef(config, order);
  const orderBy = config.sortInsensitive?.includes(order) ? sql`lower(${ref}::text)` : ref;
  const page = sortedPage(base, { ...params, orderBy, tieBreak: sql.ref(config.key) });
  // Both at once: outside a transaction each takes its own connection, and the page's rows are
  // not waiting for the count's round trip.
  const [total, items] = await Promise.all([countRows(base), page.execute()]);
  return { total, items: items as O[] };
}
