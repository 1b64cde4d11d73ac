/** JSON Schema of a list's query string: the common parameters plus the resource's own. */
export interface ListQuerySchemaOptions {
  order: readonly string[];
  /** Exact filters, all strings as they arrive in the URL (`read_only` and `recurse` excepted). */
  filters?: readonly string[];
  booleanFilters?: readonly string[];
}

export function listQuerySchema(options: ListQuerySchemaOptions) {
  const properties: Record<string, unknown> = {
    search: { type: 'string' },
    order: { type: 'string', enum: [...options.order] },
    direction: { type: 'string', enum: ['asc', 'desc'] },
    limit: { type: 'integer', minimum: 0 },
    offset: { type: 'integer', minimum: 0 },
    recurse: { type: 'boolean', default: false },
  };
  for (const name of options.filters ?? []) properties[name] = { type: 'string' };
  for (const name of options.booleanFilters ?? []) properties[name] = { type: 'boolean' };
  return { type: 'object', properties } as const;
}

/** The page envelope `{total, filtered, items}` for a response schema. */
export function listResponseSchema(item: unknown) {
  return {
    type: 'object',
    properties: {
      total: { type: 'integer' },
      filtered: { type: 'integer' },
      items: { type: 'array', items: item },
    },
  } as const;
}
