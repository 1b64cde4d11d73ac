/**
 * A test-only plugin, loaded before confd's own: it records every route the others declare and,
 * for each answer, the value the handler returned before Fastify serialised it through the
 * route's response schema (or, for an answer sent already written, the JSON it sent). A test then compares what was sent with what was returned: a key the
 * schema does not declare is dropped by fast-json-stringify, a wrong type is coerced.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { serializedAsDocumented } from '@wazo-ts/daemon/testing';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

export interface AnswerRecorder {
  plugin: DaemonPlugin<ConfdConfig, ConfdResources>;
  /** `METHOD /1.1/path/:param` of every route declared after the recorder. */
  routes: Set<string>;
  /** The routes answered with a 2xx so far. */
  answered: Set<string>;
  /** The handler's value for the last answer, as JSON would write it (undefined: none). */
  lastReturned(): unknown;
  /** The same value as fast-json-stringify writes it through the route's response schema. */
  lastDocumented(): unknown;
}

export function createAnswerRecorder(): AnswerRecorder {
  const routes = new Set<string>();
  const answered = new Set<string>();
  let last: unknown;
  let documented: unknown;
  const plugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
    name: 'answer_recorder',
    load({ api }) {
      api.addHook('onRoute', (route) => {
        for (const method of [route.method].flat())
          if (method !== 'HEAD') routes.add(`${method} ${route.url}`);
      });
      api.addHook('onRequest', async () => {
        last = undefined;
        documented = undefined;
      });
      api.addHook('preSerialization', async (request, reply, payload) => {
        last = JSON.parse(JSON.stringify(payload));
        const responses = request.routeOptions.schema?.response as Record<string, object> | undefined;
        const schema = responses?.[String(reply.statusCode)];
        documented = schema ? serializedAsDocumented(schema, payload) : last;
        return payload;
      });
      // A route may send its JSON already written (GET /users: PostgreSQL writes the users), which
      // skips the serializer and preSerialization: the answer is then the text it sent.
      api.addHook('onSend', async (request, reply, payload) => {
        const type = String(reply.getHeader('content-type') ?? '');
        if (last !== undefined || typeof payload !== 'string' || !type.startsWith('application/json'))
          return payload;
        if (reply.statusCode >= 300) return payload;
        last = JSON.parse(payload);
        const responses = request.routeOptions.schema?.response as Record<string, object> | undefined;
        const schema = responses?.[String(reply.statusCode)];
        documented = schema ? serializedAsDocumented(schema, last) : last;
        return payload;
      });
      api.addHook('onResponse', async (request, reply) => {
        if (reply.statusCode < 300) answered.add(`${request.method} ${request.routeOptions.url}`);
      });
    },
  };
  return { plugin, routes, answered, lastReturned: () => last, lastDocumented: () => documented };
}
