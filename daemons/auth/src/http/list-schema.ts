/**
 * TypeBox schemas of a list: the query string (the common parameters plus the resource's own
 * filters) and the page envelope. The query's TypeScript type is `Static<typeof TheQuery>`.
 */
import { type Static, StringEnum, type TSchema, Type } from '@wazo-ts/daemon/schema';

export interface ListQuerySchemaOptions<O, F, B> {
  order: O;
  /** Exact filters, all strings as they arrive in the URL (`read_only` and `recurse` excepted). */
  filters?: F;
  booleanFilters?: B;
}

const text = () => Type.Optional(Type.String());
const flag = () => Type.Optional(Type.Boolean());

/** `{name: make()}` for each name, typed by the names themselves. */
function fields<const K extends readonly string[], S>(names: K, make: () => S): { [P in K[number]]: S } {
  return Object.fromEntries(names.map((name) => [name, make()])) as { [P in K[number]]: S };
}

export function listQuerySchema<
  const O extends readonly string[],
  const F extends readonly string[] = [],
  const B extends readonly string[] = [],
>(options: ListQuerySchemaOptions<O, F, B>) {
  return Type.Object({
    search: Type.Optional(Type.String()),
    order: Type.Optional(StringEnum(options.order)),
    direction: Type.Optional(StringEnum(['asc', 'desc'])),
    limit: Type.Optional(Type.Integer({ minimum: 0 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
    recurse: Type.Optional(Type.Boolean({ default: false })),
    ...fields(options.filters ?? ([] as unknown as F), text),
    ...fields(options.booleanFilters ?? ([] as unknown as B), flag),
  });
}

/** The common list parameters, whatever a resource's `order` columns and filters. */
export type ListQuery = Static<ReturnType<typeof listQuerySchema<readonly string[]>>>;

/** Wazo's page `{total, filtered, items}`: `total` counts what the caller may see, unfiltered. */
export function listResponseSchema<T extends TSchema>(item: T) {
  return Type.Object({ total: Type.Integer(), filtered: Type.Integer(), items: Type.Array(item) });
}
