/**
 * Applies the search contract to a Kysely query. A resource's dao describes its columns once
 * (`SearchConfig`) and hands its base query (already scoped to tenants); this adds the filters,
 * the text search, the total, the order and the page.
 */
import { type Expression, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { inputError } from '../errors.js';
import type { SearchParams, SearchResult } from './search.js';

export interface SearchConfig {
  /** API name → SQL column reference (`userfeatures.firstname`), for filters, search and order. */
  columns: Record<string, string>;
  /** API names that `search` looks into, and that accept exact filters. */
  search: readonly string[];
  /** API name used when `order` is absent. */
  defaultSort: string;
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

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function columnRef(config: SearchConfig, name: string) {
  const column = config.columns[name];
  if (!column) throw inputError(`order: column '${name}' was not found`, { order: name });
  return sql.ref(column);
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

// biome-ignore lint/suspicious/noExplicitAny: works on any resource's query
type AnyQuery<O> = SelectQueryBuilder<any, any, O>;

function filtered<O>(query: AnyQuery<O>, config: SearchConfig, params: SearchParams): AnyQuery<O> {
  let q = query;
  for (const [name, value] of Object.entries(params.filters ?? {})) {
    if (!config.search.includes(name) || !config.columns[name]) continue;
    const ref = sql.ref(config.columns[name]!);
    q = Array.isArray(value)
      ? value.length === 0
        ? q.where(sql<SqlBool>`false`)
        : q.where(sql<SqlBool>`${ref} IN (${sql.join(value)})`)
      : q.where(sql<SqlBool>`${ref} = ${value}`);
  }
  if (params.search) q = q.where(textMatch(config, params.search));
  return q;
}

export async function runSearch<O>(
  query: AnyQuery<O>,
  config: SearchConfig,
  params: SearchParams,
): Promise<SearchResult<O>> {
  const base = filtered(query, config, params);
  const order = params.order ?? config.defaultSort;
  const ref = columnRef(config, order);
  const direction = params.direction === 'desc' ? sql`DESC` : sql`ASC`;
  const key = config.sortInsensitive?.includes(order) ? sql`lower(${ref}::text)` : ref;
  const counted = await base
    .clearSelect()
    .clearOrderBy()
    .select(sql<string>`count(*)`.as('total'))
    .executeTakeFirstOrThrow();
  let page = base.orderBy(sql`${key} ${direction} NULLS LAST`);
  if (params.limit !== undefined) page = page.limit(params.limit);
  if (params.offset) page = page.offset(params.offset);
  const items = await page.execute();
  return { total: Number((counted as { total: string }).total), items: items as O[] };
}
