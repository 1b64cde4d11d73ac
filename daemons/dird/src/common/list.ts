/**
 * Wazo's list parameters (xivo's ListSchema: `search`, `order` among the resource's sort columns,
 * `direction`, `limit`, `offset`, `recurse`, and exact filters on its searchable columns) and the
 * `{total, filtered, items}` answer, once for every configuration list of dird.
 */

import { StringEnum } from '@wazo-ts/daemon/schema';
import { escapeLike, type SortDirection, sortedPage } from '@wazo-ts/db';
import { type Expression, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { type TObject, type TSchema, Type } from 'typebox';

export interface ListParams {
  search?: string;
  order?: string;
  direction?: SortDirection;
  limit?: number;
  offset?: number;
  recurse?: boolean;
  /** Exact filters, by column. */
  [filter: string]: unknown;
}

/** The querystring of a list sorted on `sortColumns` (the first by default) and filtered on `filterColumns`. */
export function listQuerySchema(sortColumns: string[], filterColumns: string[]): TObject {
  const filters: Record<string, TSchema> = {};
  for (const column of filterColumns)
    filters[column] = Type.Optional(Type.String({ description: `Only the ones whose ${column} is this.` }));
  return Type.Object({
    search: Type.Optional(Type.String({ description: 'Only the ones whose name contains this (any case).' })),
    order: StringEnum(sortColumns, {
      default: sortColumns[0],
      description: `Sort column: ${sortColumns.join(', ')}.`,
    }),
    direction: StringEnum(['asc', 'desc'], { default: 'asc' }),
    limit: Type.Optional(Type.Integer({ minimum: 0, description: 'At most this many items.' })),
    offset: Type.Integer({ minimum: 0, default: 0, description: 'Items skipped.' }),
    recurse: Type.Boolean({ default: false, description: 'Include the sub-tenants of the tenant.' }),
    ...filters,
  });
}

export const listResultSchema = (item: TSchema) =>
  Type.Object({
    total: Type.Integer({ description: 'Items in the tenants seen, before filtering.' }),
    filtered: Type.Integer({ description: 'Items matching the filters and search.' }),
    items: Type.Array(item),
  });

export interface ListResult<T> {
  total: number;
  filtered: number;
  items: T[];
}

// biome-ignore lint/suspicious/noExplicitAny: works on any configuration table
type AnySelect<O> = SelectQueryBuilder<any, any, O>;

export interface ListSpec {
  /** The SQL expression of a sort or filter column. */
  column(name: string): Expression<unknown>;
  /** The searched expression (the name). */
  searched: Expression<unknown>;
  filterColumns: string[];
  tieBreak: Expression<unknown>;
}

const count = async <O>(query: AnySelect<O>) => {
  const row = await query.clearSelect().select(sql<string>`count(*)`.as('count')).executeTakeFirstOrThrow();
  return Number((row as { count: string }).count);
};

/** The total of `scoped`, the count after filters and search, and the page asked for. */
export async function listOf<O>(
  scoped: AnySelect<O>,
  params: ListParams,
  spec: ListSpec,
): Promise<ListResult<O>> {
  const conditions: Expression<SqlBool>[] = [];
  for (const name of spec.filterColumns) {
    const value = params[name];
    if (typeof value === 'string') conditions.push(sql<SqlBool>`(${spec.column(name)})::text = ${value}`);
  }
  if (params.search)
    conditions.push(sql<SqlBool>`${spec.searched} ILIKE ${`%${escapeLike(params.search)}%`}`);
  const filtered = conditions.reduce((query, condition) => query.where(condition), scoped);
  const [total, filteredCount, items] = await Promise.all([
    count(scoped),
    conditions.length ? count(filtered) : null,
    sortedPage(filtered, {
      orderBy: spec.column(params.order ?? 'name'),
      direction: params.direction,
      tieBreak: spec.tieBreak,
      limit: params.limit,
      offset: params.offset,
    }).execute(),
  ]);
  return { total, filtered: filteredCount ?? total, items };
}
