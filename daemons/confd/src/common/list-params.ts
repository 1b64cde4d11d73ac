/**
 * confd's list parameters: the querystring schema routes reuse (types refused with marshmallow's
 * words by the validation hook) and the parse into the Service API's SearchParams, with xivo-dao's
 * own checks and strings (`limit=0`, a bad direction). Any other parameter is an exact filter; the
 * resource's search config decides which names filter and ignores the rest, as Wazo does.
 */

import { type Static, type TSchema, Type } from '@wazo-ts/daemon/schema';
import type { SearchParams, SortDirection } from '@wazo-ts/dao';
import { InvalidDataError } from '@wazo-ts/errors';

const LIST_KEYS = new Set(['limit', 'offset', 'order', 'direction', 'search', 'recurse']);

const listQueryFields = {
  limit: Type.Optional(Type.Integer({ minimum: 0 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
  order: Type.Optional(Type.String()),
  direction: Type.Optional(Type.String()),
  search: Type.Optional(Type.String()),
  recurse: Type.Optional(Type.Boolean({ default: false })),
};

/** The querystring of a list route; `extra` adds the resource's own parameters (e.g. `view`). */
export function listQuerySchema<T extends Record<string, TSchema> = Record<never, TSchema>>(
  extra: T = {} as T,
) {
  return Type.Object({ ...listQueryFields, ...extra });
}

const listQueryBase = Type.Object(listQueryFields);
/** The list parameters; any other name is an exact filter (not declared: the schema lets it in). */
export type ListQuery = Static<typeof listQueryBase> & Record<string, unknown>;

export interface ListParams {
  params: SearchParams;
  recurse: boolean;
}

export interface ListParseOptions {
  /** Filters that take a comma-separated list (`uuid=a,b`). */
  listFilters?: readonly string[];
  /** Query parameters that are neither list parameters nor filters (`view`). */
  ignore?: readonly string[];
}

const inputError = (message: string) =>
  new InvalidDataError(`Input Error - ${message}`, { errorId: 'invalid-data' });

/** A list's `direction`: `asc`, `desc` or absent; anything else is Wazo's 400. */
export function directionOf(value: string | undefined): SortDirection | undefined {
  if (value === undefined) return undefined;
  if (value !== 'asc' && value !== 'desc') throw inputError("direction: must be 'asc' or 'desc'");
  return value;
}

function filtersOf(query: ListQuery, options: ListParseOptions): SearchParams['filters'] {
  const filters: NonNullable<SearchParams['filters']> = {};
  for (const [name, value] of Object.entries(query)) {
    if (LIST_KEYS.has(name) || options.ignore?.includes(name) || value === undefined) continue;
    const text = Array.isArray(value) ? String(value[value.length - 1]) : String(value);
    filters[name] = options.listFilters?.includes(name) ? text.split(',') : text;
  }
  return Object.keys(filters).length > 0 ? filters : undefined;
}

/** The query (already type-checked by `listQuerySchema`) as SearchParams and the recurse flag. */
export function parseListQuery(query: ListQuery, options: ListParseOptions = {}): ListParams {
  // xivo-dao refuses an empty page: a limit must be positive, while marshmallow accepted 0.
  if (query.limit === 0) throw inputError("field 'limit': wrong type. Should be a positive number");
  const params: SearchParams = {
    limit: query.limit,
    offset: query.offset,
    order: query.order,
    direction: directionOf(query.direction),
    search: query.search,
    filters: filtersOf(query, options),
  };
  return { params, recurse: query.recurse === true };
}
