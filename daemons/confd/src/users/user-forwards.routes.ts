/**
 * A user's forwards (busy, noanswer, unconditional): read and change all of them or one. Each PUT
 * answers 204 and changes only the fields given; the Service API refuses an enabled forward
 * without a destination and writes one `users_forwards_<name>_updated` event per forward
 * announced (every forward for the set, the one named otherwise) to the outbox with the change.
 *
 * Tenancy: Wazo's confd does not filter these routes by tenant; here they take the item scope
 * (the tenant and its visible sub-tenants) as every user item route does, so a foreign user is 404.
 * ACLs are Wazo's: `confd.users.{user_id}.forwards[.<name>].read|update`.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent } from '@wazo-ts/daemon/schema';
import {
  USER_FORWARD_NAMES,
  type UserForwardsUpdate,
  type UserForwardUpdate,
  userForwardSchema,
  userForwardsAnswerSchema,
  userForwardsSchema,
} from '@wazo-ts/dao';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const UserIdParams = {
  type: 'object',
  properties: { user_id: { type: 'string', description: 'The user id or uuid' } },
  required: ['user_id'],
} as const;

type ItemRequest = { Params: { user_id: string } };

export const userForwardsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'user_forwards',
  load({ api, resources }) {
    const { userForwards } = resources.services;
    const visible = resources.visibleTenants;
    const itemScope = (request: Parameters<typeof tenantScopeOf>[0]) => tenantScopeOf(request, visible, true);
    const tags = ['users', 'forwards'];

    api.get<ItemRequest>(
      '/users/:user_id/forwards',
      {
        config: { acl: 'confd.users.{user_id}.forwards.read' },
        schema: {
          summary: "Get the user's forwards",
          tags,
          params: UserIdParams,
          response: { 200: userForwardsAnswerSchema },
        },
      },
      async (request) => userForwards.get(await itemScope(request), request.params.user_id),
    );

    api.put<ItemRequest & { Body: UserForwardsUpdate }>(
      '/users/:user_id/forwards',
      {
        config: { acl: 'confd.users.{user_id}.forwards.update' },
        schema: {
          summary: "Update the user's forwards",
          tags,
          params: UserIdParams,
          body: userForwardsSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await userForwards.update(await itemScope(request), request.params.user_id, request.body);
        return reply.code(204).send();
      },
    );

    for (const name of USER_FORWARD_NAMES) {
      api.get<ItemRequest>(
        `/users/:user_id/forwards/${name}`,
        {
          config: { acl: `confd.users.{user_id}.forwards.${name}.read` },
          schema: {
            summary: `Get the user's ${name} forward`,
            tags,
            params: UserIdParams,
            response: { 200: userForwardsAnswerSchema.properties[name] },
          },
        },
        async (request) => userForwards.getOne(await itemScope(request), request.params.user_id, name),
      );

      api.put<ItemRequest & { Body: UserForwardUpdate }>(
        `/users/:user_id/forwards/${name}`,
        {
          config: { acl: `confd.users.{user_id}.forwards.${name}.update` },
          schema: {
            summary: `Update the user's ${name} forward`,
            tags,
            params: UserIdParams,
            body: userForwardSchema,
            response: { 204: NoContent },
          },
        },
        async (request, reply) => {
          await userForwards.updateOne(await itemScope(request), request.params.user_id, name, request.body);
          return reply.code(204).send();
        },
      );
    }
  },
};
