/**
 * One schema source for a daemon's routes: TypeBox builds the JSON Schema that Fastify validates,
 * serialises and documents, and `Static<typeof X>` gives the TypeScript type from the same
 * object, so the two cannot drift. Daemons import TypeBox from here, not each on their own.
 *
 * The helpers keep the JSON Schema keywords daemons word their errors from: a nullable field is
 * `type: [T, 'null']` (Ajv reports `type`), not TypeBox's `anyOf` (Ajv would report `anyOf` and
 * each branch); an enum of strings is `{type: 'string', enum}` (Ajv reports `enum`), not a union
 * of `const`s.
 */
import { type Static, type TSchema, Type } from 'typebox';

export { type Static, type TSchema, Type };

type SchemaOptions = Record<string, unknown>;

/** `schema` or null, as one `type` list so validation errors keep the schema's own keywords. */
export function Nullable<T extends TSchema>(schema: T, options: SchemaOptions = {}) {
  const { type, ...rest } = schema as unknown as { type?: string | string[] };
  if (type === undefined) throw new Error('Nullable needs a schema with a `type`');
  const types = [type, 'null'].flat();
  // `enum` must list null too, or Ajv refuses null even when `type` allows it.
  const withNull = 'enum' in rest ? { enum: [...(rest as { enum: unknown[] }).enum, null] } : {};
  return Type.Unsafe<Static<T> | null>({ ...rest, ...withNull, ...options, type: types });
}

/** One of the given strings (`{type: 'string', enum}`), typed as their union. */
export function StringEnum<const T extends readonly string[]>(values: T, options: SchemaOptions = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/** Wazo's list answer: `{total, items}`, `total` counting every match (not just the page). */
export function ListOf<T extends TSchema>(item: T, options: SchemaOptions = {}) {
  return Type.Object({ total: Type.Integer(), items: Type.Array(item) }, options);
}

/** The response of a 204: no body (`reply.code(204).send(null)`; Fastify sends none for a 204). */
export const NoContent = Type.Null({ description: 'No content' });

/** A free-form object, for what is genuinely open (a status report, the effective config). */
export function OpenObject(options: SchemaOptions = {}) {
  return Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true, ...options });
}
