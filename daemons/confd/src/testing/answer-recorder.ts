/**
 * A test-only plugin, loaded before confd's own: it records every route the others declare and,
 * for each answer, the value the handler returned before Fastify serialised it through the
 * route's response schema. A test then compares what was sent with what was returned: a key the
 * schema does not declare is dropped by fast-json-stringify, a wrong type is coerced.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
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
}

export function createAnswerRecorder(): AnswerRecorder {
  const routes = new Set<string>();
  const answered = new Set<string>();
  let last: unknown;
  const plugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
    name: 'answer_recorder',
    load({ api }) {
      api.addHook('onRoute', (route) => {
        for (const method of [route.method].flat())
          if (method !== 'HEAD') routes.add(`${method} ${route.url}`);
      });
      api.addHook('onRequest', async () => {
        last = undefined;
      });
      api.addHook('preSerialization', async (_request, _reply, payload) => {
        last = JSON.parse(JSON.stringify(payload));
        return payload;
      });
      api.addHook('onResponse', async (request, reply) => {
        if (reply.statusCode < 300) answered.add(`${request.method} ${request.routeOptions.url}`);
      });
    },
  };
  return { plugin, routes, answered, lastReturned: () => last };
}
