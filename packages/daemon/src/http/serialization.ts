/**
 * Response serialisation without unions. fast-json-stringify writes an `anyOf` by running Ajv's
 * validator of each branch against the value until one matches: a list of users in one of three
 * views validated every user against the whole user schema before writing it, and each nullable
 * destination (a union of fourteen shapes or null) was validated four times per user. That was
 * the largest single cost of a confd list.
 *
 * The route schemas stay as they are (they are the documentation, and the links hook reads them);
 * the serializer compiles a copy where each union of plain schemas is one schema accepting every
 * branch: its types together (`["object", "null"]`), the properties of all object branches (a key
 * declared differently by two branches merged the same way, or written as JSON when they cannot be
 * merged), no `required` (a branch's required key may be absent from another's value). A value
 * therefore serialises as the branch it matches would: the same keys when present, no key that no
 * branch declares. Unions that cannot be merged (`$ref`, `allOf`, ...) are left alone.
 *
 * Even without unions, fast-json-stringify wrote a page of 100 users in twice the time V8's
 * `JSON.stringify` takes for the same objects (it tests and writes each of a user's fifty keys in
 * JavaScript). So a schema without unions left is compiled into a check and a projection instead:
 * a value with no undeclared key (what the models build) is written by `JSON.stringify` as it is;
 * another is first copied with only its declared keys, at every depth. Keys are then in the
 * value's own order rather than the schema's. What reaches
 * the client is the same: undeclared keys dropped, integers and numbers read from numeric strings
 * (PostgreSQL's `count(*)`), dates as ISO strings. What is not done is fast-json-stringify's
 * coercion of other mistyped values (a number where a string is declared); the answers tests
 * compare every route's answer with fast-json-stringify's output to catch those.
 */
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyInstance } from 'fastify';

type Schema = Record<string, unknown>;

const isObject = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keywords a union's branch may carry and still be merged. */
const MERGEABLE = new Set([
  'type',
  'properties',
  'additionalProperties',
  'required',
  'items',
  'format',
  'const',
  'enum',
  'nullable',
  'description',
  'title',
  'default',
  'examples',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'uniqueItems',
]);

/** Keywords that only describe: they may sit beside a union that is merged. */
const ANNOTATIONS = new Set(['description', 'title', 'default', 'examples', 'deprecated', 'readOnly']);

const typesOf = (schema: Schema): string[] | null => {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type as string[];
  if (Array.isArray(schema.enum) || 'const' in schema) {
    const values = (Array.isArray(schema.enum) ? schema.enum : [schema.const]) as unknown[];
    return [...new Set(values.map((v) => (v === null ? 'null' : typeof v)))].filter((t) =>
      ['string', 'number', 'boolean', 'null'].includes(t),
    );
  }
  return null;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** One schema accepting what any branch accepts, or null when a branch cannot be merged. */
function mergeBranches(branches: Schema[]): Schema | null {
  if (branches.some((b) => Object.keys(b).some((key) => !MERGEABLE.has(key)))) return null;
  if (branches.some((b) => typesOf(b) === null)) return {}; // a branch taking anything
  const types = [...new Set(branches.flatMap((b) => typesOf(b) as string[]))];
  const merged: Schema = { type: types.length === 1 ? types[0] : types };
  const objects = branches.filter((b) => (typesOf(b) as string[]).includes('object'));
  if (objects.length > 0) {
    const declared = new Map<string, Schema[]>();
    for (const branch of objects)
      for (const [key, property] of Object.entries((branch.properties as Schema | undefined) ?? {}))
        declared.set(key, [...(declared.get(key) ?? []), property as Schema]);
    const properties: Schema = {};
    for (const [key, schemas] of declared) {
      const first = schemas[0] as Schema;
      properties[key] = schemas.every((s) => same(s, first)) ? first : (mergeBranches(schemas) ?? {});
    }
    merged.properties = properties;
    const open = objects.map((b) => b.additionalProperties).filter((a) => a !== undefined && a !== false);
    if (open.length > 0) merged.additionalProperties = open.every((a) => same(a, open[0])) ? open[0] : true;
  }
  const arrays = branches.filter((b) => (typesOf(b) as string[]).includes('array'));
  if (arrays.length > 0) {
    const items = arrays.map((b) => b.items);
    if (items.some((i) => !isObject(i))) merged.items = {};
    else
      merged.items = items.every((i) => same(i, items[0]))
        ? items[0]
        : (mergeBranches(items as Schema[]) ?? {});
  }
  const strings = branches.filter((b) => (typesOf(b) as string[]).includes('string'));
  const formats = new Set(strings.map((b) => b.format));
  if (formats.size === 1 && typeof strings[0]?.format === 'string') merged.format = strings[0].format;
  return merged;
}

function simplify(schema: unknown, seen: Map<object, unknown>): unknown {
  if (!isObject(schema)) return schema;
  const done = seen.get(schema);
  if (done) return done;
  const out: Schema = { ...schema };
  seen.set(schema, out);
  if (isObject(out.properties)) {
    const properties: Schema = {};
    for (const [key, value] of Object.entries(out.properties)) properties[key] = simplify(value, seen);
    out.properties = properties;
  }
  if (isObject(out.items)) out.items = simplify(out.items, seen);
  if (isObject(out.additionalProperties)) out.additionalProperties = simplify(out.additionalProperties, seen);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
    if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map((b) => simplify(b, seen));
  if (Array.isArray(out.anyOf) && Object.keys(out).every((key) => key === 'anyOf' || ANNOTATIONS.has(key))) {
    const merged = mergeBranches((out.anyOf as unknown[]).filter(isObject));
    if (merged && (out.anyOf as unknown[]).every(isObject)) {
      const { anyOf: _, ...annotations } = out;
      const result = { ...annotations, ...merged };
      seen.set(schema, result);
      return result;
    }
  }
  return out;
}

/** The schema the serializer compiles for a documented response schema. */
export function serializationSchema(schema: unknown): unknown {
  return simplify(schema, new Map());
}

type Projection = (value: unknown) => unknown;

const UNPROJECTABLE = ['anyOf', 'oneOf', 'allOf', '$ref', 'if', 'not', 'patternProperties'];

/** Whether a schema can be projected: no union or reference left anywhere in it. */
function projectable(schema: unknown, seen = new Set<object>()): boolean {
  if (!isObject(schema) || seen.has(schema)) return true;
  seen.add(schema);
  if (UNPROJECTABLE.some((key) => key in schema)) return false;
  if (Array.isArray(schema.items)) return false;
  const children = [
    ...Object.values(isObject(schema.properties) ? schema.properties : {}),
    schema.items,
    schema.additionalProperties,
  ];
  return children.every((child) => projectable(child, seen));
}

const identity: Projection = (value) => value;

/** Numeric strings (int8 and numeric columns) written as numbers, as fast-json-stringify does. */
const toNumber: Projection = (value) =>
  typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;

function compileProjection(schema: unknown): Projection {
  if (!isObject(schema)) return identity;
  const types = typesOf(schema) ?? [];
  if (types.includes('array') && isObject(schema.items)) {
    const item = compileProjection(schema.items);
    if (item === identity) return identity;
    return (value) => (Array.isArray(value) ? value.map(item) : value);
  }
  if (types.includes('object') && isObject(schema.properties)) {
    const keys = Object.keys(schema.properties);
    const projections = keys.map((key) => compileProjection((schema.properties as Schema)[key]));
    const extra = schema.additionalProperties;
    const rest =
      extra === undefined || extra === false ? null : compileProjection(extra === true ? {} : extra);
    // An object literal of the declared keys: one shape, built in one step.
    const body = keys
      .map(
        (key, i) =>
          `${JSON.stringify(key)}: p[${i}] === id ? v[${JSON.stringify(key)}] : p[${i}](v[${JSON.stringify(key)}])`,
      )
      .join(',\n');
    const declared = new Set(keys);
    const literal = new Function('p', 'id', `return (v) => ({${body}});`)(projections, identity) as (
      v: Schema,
    ) => Schema;
    return (value) => {
      if (!isObject(value) || value instanceof Date) return value;
      const out = literal(value);
      if (rest) for (const key of Object.keys(value)) if (!declared.has(key)) out[key] = rest(value[key]);
      return out;
    };
  }
  if (types.includes('integer') || types.includes('number')) return toNumber;
  return identity;
}

type Check = (value: unknown) => boolean;

const always: Check = () => true;

/**
 * Whether a value is already what its projection would make of it: no undeclared key at any
 * depth, no numeric string where a number is declared. Most answers are (the models build exactly
 * the declared keys), and checking a key allocates nothing where copying the object would.
 */
function compileCheck(schema: unknown): Check {
  if (!isObject(schema)) return always;
  const types = typesOf(schema) ?? [];
  if (types.includes('array') && isObject(schema.items)) {
    const item = compileCheck(schema.items);
    if (item === always) return always;
    return (value) => !Array.isArray(value) || value.every(item);
  }
  if (types.includes('object') && isObject(schema.properties)) {
    const properties = schema.properties as Schema;
    const checks = new Map(Object.keys(properties).map((key) => [key, compileCheck(properties[key])]));
    const extra = schema.additionalProperties;
    const rest = extra === undefined || extra === false ? null : compileCheck(extra === true ? {} : extra);
    /** The check of a key, or null when the key is not declared (and no additional ones are). */
    const checkOf = (key: string): Check | null => checks.get(key) ?? rest;
    // The keys of the last object that passed, in its order, with their checks: the objects of one
    // answer (a page of users) come from one model and have the same keys in the same order, so a
    // key is most often compared with the one at its place (one comparison) instead of looked up.
    let lastKeys: string[] = [];
    let lastChecks: Check[] = [];
    return (value) => {
      if (!isObject(value) || value instanceof Date) return true;
      let i = 0;
      let same = true;
      for (const key in value) {
        let check: Check | null;
        if (same && lastKeys[i] === key) check = lastChecks[i] as Check;
        else {
          same = false;
          check = checkOf(key);
          if (!check) return false;
        }
        if (check !== always && !check(value[key])) return false;
        i += 1;
      }
      if (!same || i !== lastKeys.length) {
        lastKeys = Object.keys(value);
        lastChecks = lastKeys.map((key) => checkOf(key) as Check);
      }
      return true;
    };
  }
  if (types.includes('integer') || types.includes('number')) return (value) => typeof value !== 'string';
  return always;
}

const fastJsonStringify = SerializerSelector()({}, {});

/** The serializer of one response schema: a projection and `JSON.stringify`, or fast-json-stringify. */
export function serializerFor(documented: unknown): (value: unknown) => string {
  const schema = serializationSchema(documented);
  if (!projectable(schema)) return fastJsonStringify({ method: '', url: '', httpStatus: '', schema });
  const project = compileProjection(schema);
  const check = compileCheck(schema);
  return (value) => JSON.stringify(check(value) ? value : project(value));
}

/** Each route's response schemas serialised by serializerFor. */
export function installSerialization(app: FastifyInstance): void {
  app.setSerializerCompiler((route) => serializerFor(route.schema));
}
