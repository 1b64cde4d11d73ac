/**
 * The example daemon's one feature, written as any daemon plugin is: routes with a schema and an
 * ACL, state behind a small store, a status entry. It shows the plugin contract end to end.
 */
import { NotFoundError } from '@wazo-ts/errors';
import type { DaemonPlugin } from '../plugins/types.js';

const Greeting = {
  type: 'object',
  properties: { id: { type: 'integer' }, name: { type: 'string' }, message: { type: 'string' } },
  required: ['id', 'name', 'message'],
} as const;

const GreetingBody = {
  type: 'object',
  properties: { name: { type: 'string', minLength: 1, maxLength: 128 } },
  required: ['name'],
  additionalProperties: false,
} as const;

interface StoredGreeting {
  id: number;
  name: string;
  message: string;
}

export const greetingsPlugin: DaemonPlugin = {
  name: 'greetings',
  load({ api, status, logger }) {
    const greetings = new Map<number, StoredGreeting>();
    let nextId = 1;
    status.add('greetings', () => ({ status: 'ok', count: greetings.size }));

    api.get(
      '/greetings',
      {
        config: { acl: 'hello.greetings.read' },
        schema: {
          summary: 'List greetings',
          response: {
            200: {
              type: 'object',
              properties: { total: { type: 'integer' }, items: { type: 'array', items: Greeting } },
            },
          },
        },
      },
      async () => ({ total: greetings.size, items: [...greetings.values()] }),
    );
    api.post<{ Body: { name: string } }>(
      '/greetings',
      {
        config: { acl: 'hello.greetings.create' },
        schema: { summary: 'Greet someone', body: GreetingBody, response: { 201: Greeting } },
      },
      async (request, reply) => {
        const greeting = { id: nextId++, name: request.body.name, message: `Hello, ${request.body.name}!` };
        greetings.set(greeting.id, greeting);
        logger.info({ id: greeting.id }, 'greeting created');
        return reply.code(201).header('location', `${request.url}/${greeting.id}`).send(greeting);
      },
    );
    api.get<{ Params: { greeting_id: number } }>(
      '/greetings/:greeting_id',
      {
        config: { acl: 'hello.greetings.{greeting_id}.read' },
        schema: {
          summary: 'Read a greeting',
          params: {
            type: 'object',
            properties: { greeting_id: { type: 'integer' } },
            required: ['greeting_id'],
          },
          response: { 200: Greeting },
        },
      },
      async (request) => {
        const greeting = greetings.get(request.params.greeting_id);
        if (!greeting)
          throw new NotFoundError('Greeting was not found', { details: { id: request.params.greeting_id } });
        return greeting;
      },
    );
  },
};
