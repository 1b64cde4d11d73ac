/**
 * TypeBox helpers for the models' schemas: each body and answer is written once, as a JSON
 * Schema, and its TypeScript type is `Static<typeof schema>`. They build the same keywords the
 * REST layer words its errors from (confd words them as marshmallow does): a nullable field is a
 * `type` list, not an `anyOf`; an enum of strings is `{type: 'string', enum}`, not `const`s. The
 * daemon kit has the same helpers for routes; the Service API does not depend on the HTTP kit.
 */
import { type Static, type TProperties, type TSchema, Type } from 'typebox';

export { type Static, type TSchema, Type };

type SchemaOptions = Record<string, unknown>;

/** `schema` or null, as one `type` list (with null in its `enum`, if any). */
export function nullable<T extends TSchema>(schema: T, options: SchemaOptions = {}) {
  const { type, ...rest } = schema as unknown as { type?: string | string[] };
  if (type === undefined) throw new Error('nullable needs a schema with a `type`');
  const withNull = 'enum' in rest ? { enum: [...(rest as { enum: unknown[] }).enum, null] } : {};
  return Type.Unsafe<Static<T> | null>({ ...rest, ...withNull, ...options, type: [type, 'null'].flat() });
}

/** One of the given strings, typed as their union. */
export function stringEnum<const T extends readonly string[]>(values: T, options: SchemaOptions = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/** A `[key, value]` pair of strings, as a two-item array (OpenAPI 3.0 has no tuples). */
export const stringPair = Type.Unsafe<[string, string]>(
  Type.Array(Type.String(), { minItems: 2, maxItems: 2 }),
);

/** Always null: a relation Wazo shows whose resource wazo-ts does not have. */
export const alwaysNull = Type.Null();

/** The key under which an answer object's schema names the links Wazo renders for it. */
export const LINK = Symbol.for('wazo-ts.link');

/** What Wazo links an object to: `rel` (the route's name) and the field whose value the href ends with. */
export interface LinkTarget {
  rel: string;
  field: string;
}

const linkSchema = Type.Object({ rel: Type.String(), href: Type.String() });

/**
 * An answer object Wazo renders with `links: [{rel, href}]`: the REST layer fills them (the href
 * needs the request's host); here the schema only says which `rel` and which field name the object.
 */
export function linked<P extends TProperties>(rel: string, properties: P, field = 'id') {
  return linkedTo([{ rel, field }], properties);
}

/**
 * An answer object with several links, in Wazo's order (an association's item links both sides:
 * a line's device to the line and the device); a target whose field is empty is left out.
 */
export function linkedTo<P extends TProperties>(targets: readonly LinkTarget[], properties: P) {
  return Type.Object({ ...properties, links: Type.Optional(Type.Array(linkSchema)) }, {
    [LINK]: targets,
  } as SchemaOptions);
}
