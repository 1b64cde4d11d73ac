/**
 * Booleans in query strings as Wazo reads them (marshmallow's `fields.Boolean`, through webargs):
 * wazo-confd-client adds `recurse=False` to every list, wazo-auth-client sends `recurse=True`,
 * others `1`, `yes`, `on`... Ajv's coercion takes only `true`/`false`; so every boolean parameter
 * of a querystring schema gets marshmallow's spellings (in any case) turned into a boolean before
 * Ajv checks it. Driven by the route's schema, for every route of every daemon.
 */
import type { ValidateFunction } from 'ajv';

// marshmallow.fields.Boolean.truthy / falsy, compared in lower case.
const TRUTHY = new Set(['t', 'true', 'on', 'y', 'yes', '1']);
const FALSY = new Set(['f', 'false', 'off', 'n', 'no', '0']);

type JsonSchema = Record<string, unknown>;

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when a value may be a boolean under `schema` (`type: boolean`, a type list, a union). */
function acceptsBoolean(schema: JsonSchema): boolean {
  const { type } = schema;
  if (type === 'boolean' || (Array.isArray(type) && type.includes('boolean'))) return true;
  const branches = [schema.anyOf, schema.oneOf].flatMap((b) => (Array.isArray(b) ? b : []));
  return branches.some((branch) => isObject(branch) && acceptsBoolean(branch));
}

/** The names of the boolean parameters of a querystring schema (its properties, and allOf's). */
export function booleanParameters(schema: unknown): string[] {
  if (!isObject(schema)) return [];
  const names = isObject(schema.properties)
    ? Object.entries(schema.properties)
        .filter(([, property]) => isObject(property) && acceptsBoolean(property))
        .map(([name]) => name)
    : [];
  const parts = Array.isArray(schema.allOf) ? schema.allOf.flatMap(booleanParameters) : [];
  return [...new Set([...names, ...parts])];
}

/** marshmallow's reading of a query value; anything else is left for the schema to refuse. */
export function wazoBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const lower = value.toLowerCase();
  if (TRUTHY.has(lower)) return true;
  if (FALSY.has(lower)) return false;
  return value;
}

/** `validate`, preceded by the reading of the schema's boolean parameters. */
export function withWazoBooleans(schema: unknown, validate: ValidateFunction): ValidateFunction {
  const names = booleanParameters(schema);
  if (names.length === 0) return validate;
  const wrapped = ((data: unknown, context?: unknown) => {
    if (isObject(data)) for (const name of names) if (name in data) data[name] = wazoBoolean(data[name]);
    return (validate as (d: unknown, c?: unknown) => boolean)(data, context);
  }) as ValidateFunction;
  // Fastify reads the failure from the function it was given, and passes the parent data for
  // root coercions when `schemaEnv` is there.
  Object.defineProperty(wrapped, 'errors', { get: () => validate.errors });
  Object.defineProperty(wrapped, 'schemaEnv', { value: validate.schemaEnv });
  return wrapped;
}
