/**
 * What fast-json-stringify writes for a value through a documented response schema: it drops the
 * keys the schema does not declare and coerces values to their declared types. The kit serialises
 * answers with a projection and JSON.stringify (http/serialization.ts), which drops keys the same
 * way but coerces nothing; answers tests compare a handler's value with this to find a schema and
 * a handler that disagree on a type.
 */
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

const compile = SerializerSelector()({}, {});
const compiled = new WeakMap<object, (value: unknown) => string>();

export function serializedAsDocumented(schema: object, value: unknown): unknown {
  let serialize = compiled.get(schema);
  if (!serialize) {
    serialize = compile({ method: '', url: '', httpStatus: '', schema });
    compiled.set(schema, serialize);
  }
  return JSON.parse(serialize(value));
}
