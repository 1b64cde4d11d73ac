/**
 * The example daemon's one feature, written as any daemon plugin is: routes with a schema and an
 * ACL, state behind a small store, a status entry. It shows the plugin contract end to end, and a
 * route declared once in TypeBox: the schemas validate, serialise and document, and the handler's
 * types (`request.body`, `request.params`, the reply) come from them.
 */
import { NotFoundError } from '@wazo-ts/errors';
import type { DaemonPlugin } from '../plugins/types.js';
import { ListOf, type Static, Type } from '../schema/index.js';

const Greeting = Type.Object({ id: Type.Integer(), name: Type.String(), message: Type.String() });
type Greeting = Static<typeof Greeting>;

const GreetingBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);

const GreetingParams = Type.Object({ greeting_id: Type.Integer() });

export const greetingsPlugin: DaemonPlugin = {
  name: 'greetings',
  load({ api, status, logger }) {
    const greetings = new Map<number, Greeting>();
    let nextId = 1;
    status.add('greetings', () => ({ status: 'ok', count: greetings.size }));

    api.get(
      '/greetings',
      {
        config: { acl: 'hello.greetings.read' },
        schema: { summary: 'List greetings', response: { 200: ListOf(Greeting) } },
      },
      async () => ({ total: greetings.size, items: [...greetings.values()] }),
    );
    api.post(
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
    api.get(
      '/greetings/:greeting_id',
      {
        config: { acl: 'hello.greetings.{greeting_id}.read' },
        schema: { summary: 'Read a greeting', params: GreetingParams, response: { 200: Greeting } },
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
