/**
 * Checks that a daemon's OpenAPI document is complete: every operation says what it answers, a
 * body's schema or a 204 with none. A route without a response schema is listed by
 * @fastify/swagger as a bare "200 Default Response", whatever it really sends.
 */
import { parse } from 'yaml';

type Responses = Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
type Operations = Record<string, Record<string, { responses?: Responses }>>;

const described = (status: string, answer: Responses[string]): boolean =>
  status === '204' || Object.values(answer.content ?? {}).some((media) => media.schema !== undefined);

/** `METHOD path` of each operation with no declared success answer, from the YAML document. */
export function undocumentedAnswers(yaml: string, ignore: readonly string[] = []): string[] {
  const document = parse(yaml) as { paths?: Operations };
  const missing: string[] = [];
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      const name = `${method.toUpperCase()} ${path}`;
      if (ignore.includes(name)) continue;
      const answers = Object.entries(operation.responses ?? {}).filter(([status]) => /^2/.test(status));
      const ok = answers.length > 0 && answers.every(([status, answer]) => described(status, answer));
      if (!ok) missing.push(name);
    }
  }
  return missing;
}

/** `METHOD path` of every operation the YAML document lists, paths as written there. */
export function documentedOperations(yaml: string): string[] {
  const document = parse(yaml) as { paths?: Operations };
  return Object.entries(document.paths ?? {}).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
  );
}
