/**
 * The users resource, confd's exemplar: list, read (by id or uuid), create, edit, delete. Each
 * route declares its ACL and schemas and makes one service call; the tenant scope comes from the
 * request (lists: the scoping tenant, sub-tenants with `recurse=true`; items: always with the
 * visible sub-tenants, as Wazo's item resources do).
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { type UserEdit, userEditSchema } from '@wazo-ts/dao';
import { type ListQuery, listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { createUserComposite } from './user-composite.js';
import { type UserCreateBody, userCreateBodySchema } from './user-create.schema.js';
import { renderUserView, USER_VIEWS } from './user-views.js';

const UserIdParams = {
  type: 'object',
  properties: { user_id: { type: 'string', description: 'The user id or uuid' } },
  required: ['user_id'],
} as const;

type ItemRequest = { Params: { user_id: string } };

/** `?recursive=true` on PUT and DELETE (Wazo's `is_recursive`). */
const RecursiveQuery = {
  type: 'object',
  properties: { recursive: { type: 'boolean', default: false } },
} as const;
type RecursiveRequest = ItemRequest & { Querystring: { recursive?: boolean } };

export const usersPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'user',
  load({ api, resources, serviceToken, logger }) {
    const { users, getUserWithRelations } = resources.services;
    const composite = createUserComposite({
      services: resources.services,
      authUsers: resources.authUsers,
      serviceToken: () => serviceToken?.current()?.token ?? null,
      logger,
    });
    const visible = resources.visibleTenants;
    const itemScope = (request: Parameters<typeof scopingTenantOf>[0]) =>
      tenantScopeOf(request, visible, true);

    api.get<{ Querystring: ListQuery & { view?: string } }>(
      '/users',
      {
        config: { acl: 'confd.users.read' },
        schema: {
          summary: 'List users',
          tags: ['users'],
          querystring: listQuerySchema({ view: { type: 'string' } }),
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query, {
          listFilters: ['uuid', 'exten', 'mobile_phone_number'],
          ignore: ['view'],
        });
        const scope = await tenantScopeOf(request, visible, recurse);
        const result = await users.search(scope, params);
        const view = USER_VIEWS.find((v) => v === request.query.view);
        // As Wazo: an unknown view renders the full user.
        if (!view) return result;
        return {
          total: result.total,
          items: await renderUserView(resources.services, scope, view, result.items),
        };
      },
    );

    api.get<ItemRequest>(
      '/users/:user_id',
      {
        config: { acl: 'confd.users.{user_id}.read' },
        schema: { summary: 'Get user', tags: ['users'], params: UserIdParams },
      },
      // With its lines (extensions, endpoint), groups and schedules: what the SDK's profile reads.
      async (request) => getUserWithRelations(await itemScope(request), request.params.user_id),
    );

    api.post<{ Body: UserCreateBody }>(
      '/users',
      {
        config: { acl: 'confd.users.create' },
        schema: { summary: 'Create user', tags: ['users'], body: userCreateBodySchema },
      },
      async (request, reply) => {
        // As Wazo's confd: a tenant wazo-auth knows but the mirror does not yet is created here.
        const user = await composite.create(await itemScope(request), scopingTenantOf(request), request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/users/${user.id}`))
          .send(user);
      },
    );

    api.put<ItemRequest & { Body: UserEdit }>(
      '/users/:user_id',
      {
        config: { acl: 'confd.users.{user_id}.update' },
        schema: { summary: 'Update user', tags: ['users'], params: UserIdParams, body: userEditSchema },
      },
      async (request, reply) => {
        await users.edit(await itemScope(request), request.params.user_id, request.body);
        return reply.code(204).send();
      },
    );

    api.delete<RecursiveRequest>(
      '/users/:user_id',
      {
        config: { acl: 'confd.users.{user_id}.delete' },
        schema: {
          summary: 'Delete user',
          tags: ['users'],
          params: UserIdParams,
          querystring: RecursiveQuery,
        },
      },
      async (request, reply) => {
        const recursive = request.query.recursive === true;
        await composite.delete(await itemScope(request), request.params.user_id, recursive);
        return reply.code(204).send();
      },
    );
  },
};
