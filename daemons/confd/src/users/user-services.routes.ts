/**
 * A user's services (dnd, incallfilter): read and change all of them or one. Each PUT answers
 * 204; the Service API writes one `users_services_<name>_updated` event per service announced
 * (every service for the set, the one named otherwise) to the outbox with the change.
 *
 * Tenancy: Wazo's confd does not filter these routes by tenant; here they take the item scope
 * (the tenant and its visible sub-tenants) as every user item route does, so a foreign user is 404.
 *
 * ACLs: as Wazo's, incallfilter is guarded by the *dnd* ACLs
 * (`confd.users.{user_id}.services.dnd.read|update`), not `services.incallfilter.*`. Kept for
 * compatibility: a policy written for Wazo grants and denies the same requests here.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent } from '@wazo-ts/daemon/schema';
import {
  USER_SERVICE_NAMES,
  type UserService,
  type UserServiceName,
  type UserServicesUpdate,
  userServiceSchema,
  userServicesAnswerSchema,
  userServicesSchema,
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

/** The ACL segment each service is checked with (Wazo's quirk: incallfilter shares dnd's). */
const ACL_OF: Record<UserServiceName, string> = { dnd: 'dnd', incallfilter: 'dnd' };

export const userServicesPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'user_services',
  load({ api, resources }) {
    const { userServices } = resources.services;
    const visible = resources.visibleTenants;
    const itemScope = (request: Parameters<typeof tenantScopeOf>[0]) => tenantScopeOf(request, visible, true);
    const tags = ['users', 'services'];

    api.get<ItemRequest>(
      '/users/:user_id/services',
      {
        config: { acl: 'confd.users.{user_id}.services.read' },
        schema: {
          summary: "Get the user's services",
          tags,
          params: UserIdParams,
          response: { 200: userServicesAnswerSchema },
        },
      },
      async (request) => userServices.get(await itemScope(request), request.params.user_id),
    );

    api.put<ItemRequest & { Body: UserServicesUpdate }>(
      '/users/:user_id/services',
      {
        config: { acl: 'confd.users.{user_id}.services.update' },
        schema: {
          summary: "Update the user's services",
          tags,
          params: UserIdParams,
          body: userServicesSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await userServices.update(await itemScope(request), request.params.user_id, request.body);
        return reply.code(204).send();
      },
    );

    for (const name of USER_SERVICE_NAMES) {
      api.get<ItemRequest>(
        `/users/:user_id/services/${name}`,
        {
          config: { acl: `confd.users.{user_id}.services.${ACL_OF[name]}.read` },
          schema: {
            summary: `Get the user's ${name} service`,
            tags,
            params: UserIdParams,
            response: { 200: userServicesAnswerSchema.properties[name] },
          },
        },
        async (request) => userServices.getOne(await itemScope(request), request.params.user_id, name),
      );

      api.put<ItemRequest & { Body: UserService }>(
        `/users/:user_id/services/${name}`,
        {
          config: { acl: `confd.users.{user_id}.services.${ACL_OF[name]}.update` },
          schema: {
            summary: `Update the user's ${name} service`,
            tags,
            params: UserIdParams,
            body: userServiceSchema,
            response: { 204: NoContent },
          },
        },
        async (request, reply) => {
          await userServices.updateOne(await itemScope(request), request.params.user_id, name, request.body);
          return reply.code(204).send();
        },
      );
    }
  },
};
