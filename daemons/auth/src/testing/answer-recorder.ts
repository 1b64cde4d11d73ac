/**
 * A plugin for tests that watches every answer of the plugins loaded after it: the routes they
 * register, and for each answer the object the handler returned next to what the response
 * schema serialised. fast-json-stringify drops keys a schema does not list and coerces values to
 * its types, so any difference between the two is a response schema that loses data.
 */
import { isDeepStrictEqual } from 'node:util';
import { serializedAsDocumented } from '@wazo-ts/daemon/testing';
import type { FastifyRequest } from 'fastify';
import type { AuthPlugin } from './test-app.js';

export interface RecordedAnswer {
  /** `METHOD /0.1/path/:param`, as the route was registered. */
  route: string;
  status: number;
  /** The handler's object through JSON (what a schema-less route would send); absent for no body. */
  returned?: unknown;
  /** The body as sent, parsed; absent for no body. */
  sent?: unknown;
  /** The handler's object as fast-json-stringify writes it through the response schema. */
  documented?: unknown;
}

export interface AnswerRecorder {
  plugin: AuthPlugin;
  /** Every route registered after the recorder: `METHOD /0.1/path`. */
  routes(): string[];
  answers(): RecordedAnswer[];
  /** The 2xx answers whose serialised body differs from the handler's object. */
  lossy(): RecordedAnswer[];
}

const routeOf = (request: FastifyRequest) => `${request.method} ${request.routeOptions.url}`;

export function createAnswerRecorder(): AnswerRecorder {
  const routes: string[] = [];
  const answers: RecordedAnswer[] = [];
  const returned = new WeakMap<FastifyRequest, unknown>();
  const documented = new WeakMap<FastifyRequest, unknown>();
  const plugin: AuthPlugin = {
    name: 'answer_recorder',
    load({ api }) {
      api.addHook('onRoute', (route) => {
        for (const method of [route.method].flat()) routes.push(`${method} ${route.url}`);
      });
      api.addHook('preSerialization', async (request, reply, payload) => {
        if (reply.statusCode !== 204) {
          returned.set(request, JSON.parse(JSON.stringify(payload)));
          const responses = request.routeOptions.schema?.response as Record<string, object> | undefined;
          const schema = responses?.[String(reply.statusCode)];
          if (schema) documented.set(request, serializedAsDocumented(schema, payload));
        }
        return payload;
      });
      api.addHook('onSend', async (request, reply, payload) => {
        const answer: RecordedAnswer = { route: routeOf(request), status: reply.statusCode };
        if (returned.has(request)) answer.returned = returned.get(request);
        if (documented.has(request)) answer.documented = documented.get(request);
        // A 204 goes out with no body, whatever the serialiser made of `send(null)`.
        const json = String(reply.getHeader('content-type') ?? '').includes('json');
        if (reply.statusCode !== 204 && json && typeof payload === 'string' && payload !== '')
          answer.sent = JSON.parse(payload);
        answers.push(answer);
        return payload;
      });
    },
  };
  return {
    plugin,
    routes: () => [...routes],
    answers: () => [...answers],
    lossy: () =>
      answers.filter(
        (a) =>
          a.status >= 200 &&
          a.status < 300 &&
          (!isDeepStrictEqual(a.returned, a.sent) ||
            ('documented' in a && !isDeepStrictEqual(a.returned, a.documented))),
      ),
  };
}
