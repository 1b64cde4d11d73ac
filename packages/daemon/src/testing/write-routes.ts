/**
 * Hostile request bodies for every create and update route a daemon documents: its OpenAPI
 * document lists them with their body schema, and each field gets values of the wrong type and
 * shape. A daemon's test sends them with a real token on a real database and checks that none
 * answers 5xx, and that a refused one changed nothing.
 */
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';

type JsonSchema = Record<string, unknown>;

export interface WriteRoute {
  method: 'POST' | 'PUT';
  /** The documented path, `{param}` placeholders kept. */
  path: string;
  /** The body's declared fields (empty for a body that is not an object). */
  fields: Record<string, JsonSchema>;
  /** Fields the route's answer (or the GET at the same path) shows but the body does not declare. */
  readOnly: string[];
}

type Operation = { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } } & {
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
};

function answerFields(operation: Operation | undefined): string[] {
  const answers = Object.entries(operation?.responses ?? {}).filter(([code]) => code.startsWith('2'));
  const schemas = answers.map(([, answer]) => answer.content?.['application/json']?.schema ?? {});
  return schemas.flatMap((schema) => Object.keys((schema.properties as object | undefined) ?? {}));
}

/** The POST and PUT operations with a JSON body, from a daemon's `api.yml`. */
export function writeRoutes(openApiYaml: string): WriteRoute[] {
  const paths = (parse(openApiYaml) as { paths: Record<string, Record<string, Operation>> }).paths;
  const routes: WriteRoute[] = [];
  for (const [path, operations] of Object.entries(paths)) {
    for (const method of ['post', 'put'] as const) {
      const body = operations[method]?.requestBody?.content?.['application/json']?.schema;
      if (!body) continue;
      const fields = (body.properties ?? {}) as Record<string, JsonSchema>;
      const shown = [...answerFields(operations[method]), ...answerFields(operations.get)];
      const readOnly = [...new Set(shown)].filter((name) => !(name in fields));
      routes.push({ method: method.toUpperCase() as 'POST' | 'PUT', path, fields, readOnly });
    }
  }
  return routes;
}

const DEPTH = 5000;

/** Keys no schema declares, with shapes that have crashed parsers, serialisers and drivers. */
export const UNKNOWN_KEYS: Record<string, unknown> = {
  zz_unknown: 'x',
  'zz unknown; DROP TABLE users': 1,
  zz_huge: 1e308,
  zz_object: { a: { b: [1, 'two', null] } },
  constructor: { name: 'x' },
  toString: 'x',
};

/** Raw bodies: deep nesting under an unknown key, prototype keys (refused by the JSON parser). */
export function hostileTexts(base: Record<string, unknown>): string[] {
  const text = JSON.stringify(base).slice(1, -1);
  const join = (extra: string) => `{${text}${text ? ',' : ''}${extra}}`;
  return [
    join(`"zz_deep_array":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`),
    join(`"zz_deep_object":${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`),
    join('"__proto__":{"id":1}'),
    join('"constructor":{"prototype":{"id":1}}'),
  ];
}

/** Values no field takes as they are, whatever its declared type (each exercised on every field). */
export const WRONG_VALUES: unknown[] = [
  'x'.repeat(10_000),
  1e308,
  -1e308,
  2 ** 63,
  1.5,
  true,
  {},
  [],
  [[[[{}]]]],
  { a: 'x'.repeat(100) },
  '',
  null,
];

/** The route's path with each `{param}` filled from `params`; a missing one fails the test. */
export function fillPath(route: WriteRoute, params: Record<string, string>): string {
  return route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route.method} ${route.path}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
}

/** `base` with each declared field in turn set to each of WRONG_VALUES, as JSON texts. */
export function wrongFieldBodies(route: WriteRoute, base: Record<string, unknown>): string[] {
  return Object.keys(route.fields).flatMap((field) =>
    WRONG_VALUES.map((value) => JSON.stringify({ ...base, [field]: value })),
  );
}

export interface WriteProbe {
  send(route: WriteRoute, payload: string): Promise<{ statusCode: number; body: string }>;
  /** What the database holds (any comparable value): a refused request must leave it equal. */
  fingerprint(): Promise<unknown>;
}

/** Sends each payload: a 5xx throws, and so does a refused one (4xx) after which the data changed. */
export async function assertNoHarm(probe: WriteProbe, route: WriteRoute, payloads: string[]) {
  let before = await probe.fingerprint();
  for (const payload of payloads) {
    const res = await probe.send(route, payload);
    const what = `${route.method} ${route.path} ${payload.slice(0, 120)}`;
    if (res.statusCode >= 500) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    const now = await probe.fingerprint();
    if (res.statusCode >= 400 && !isDeepStrictEqual(now, before))
      throw new Error(`${what}: refused (${res.statusCode}) but the data changed`);
    before = now;
  }
}
