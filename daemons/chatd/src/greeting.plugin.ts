/**
 * The template's example feature, written as every plugin is: a route with its ACL and its request
 * and response schemas in TypeBox (validation, serialization and the OpenAPI document from one
 * declaration), the rule kept out of the handler, state in the daemon's resources.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { Type } from 'typebox';
import type { ChatdConfig } from './definition.js';
import type { ChatdResources } from './resources.js';

const GreetingQuery = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 64, default: 'world', description: 'Who to greet.' }) },
  { additionalProperties: false },
);

const Greeting = Type.Object({
  message: Type.String(),
  tenant_uuid: Type.String({ description: 'The tenant of the token that asked.' }),
});

export function greet(template: string, name: string): string {
  return template.replaceAll('{name}', name);
}

export const greetingPlugin: DaemonPlugin<ChatdConfig, ChatdResources> = {
  name: 'greeting',
  load({ api, config, resources }) {
    api.withTypeProvider<TypeBoxTypeProvider>().get(
      '/greeting',
      {
        config: { acl: 'chatd.greeting.read' },
        schema: {
          summary: 'Greet someone',
          tags: ['greeting'],
          querystring: GreetingQuery,
          response: { 200: Greeting },
        },
      },
      async (request) => {
        resources.greetings.count += 1;
        return {
          message: greet(config.greeting.template, request.query.name),
          tenant_uuid: request.auth?.tenantUuid ?? '',
        };
      },
    );
  },
};
