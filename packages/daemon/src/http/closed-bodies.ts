/**
 * Request bodies take only the fields their schema declares. Wazo's daemons (marshmallow with
 * EXCLUDE) ignore unknown and read-only keys, so a client may PUT back what it read; here such
 * keys are removed before the handler runs, so no key a schema does not declare can reach a
 * service or a SQL statement. The documented schema stays as written (open): only the copy the
 * validator compiles is closed, with Ajv's `removeAdditional` dropping the undeclared keys.
 */

type JsonSchema = Record<string, unknown>;

// A subschema under these only tests the value. When one declares fields (a destination's live
// in `allOf` branches), closing the object beside it would strip them, so it stays open and
// whatever reads it picks its fields itself; `anyOf: [{required: [a]}, {required: [b]}]` is safe.
const COMPOSITE = ['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else'];
const SHAPING = ['properties', 'patternProperties', 'additionalProperties', '$ref'];

function shapesFields(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  if (Array.isArray(schema)) return schema.some(shapesFields);
  const source = schema as JsonSchema;
  return (
    SHAPING.some((keyword) => keyword in source) || COMPOSITE.some((keyword) => shapesFields(source[keyword]))
  );
}

function isObjectSchema(schema: JsonSchema): boolean {
  const type = schema.type;
  return type === 'object' || (Array.isArray(type) && type.includes('object'));
}

function closeMap(map: unknown): unknown {
  if (typeof map !== 'object' || map === null) return map;
  return Object.fromEntries(Object.entries(map).map(([key, sub]) => [key, closeBodySchema(sub)]));
}

/**
 * A copy of `schema` where every object schema with `properties` (and no `additionalProperties`
 * of its own, no composition that declares fields) is closed: `additionalProperties: false`.
 */
export function closeBodySchema(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const source = schema as JsonSchema;
  if ('$ref' in source || COMPOSITE.some((keyword) => shapesFields(source[keyword]))) return source;
  const copy: JsonSchema = { ...source };
  if ('properties' in source) copy.properties = closeMap(source.properties);
  if ('items' in source) copy.items = closeBodySchema(source.items);
  const closable = isObjectSchema(source) && 'properties' in source;
  if (closable && source.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}
