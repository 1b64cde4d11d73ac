/**
 * The users resource, confd's exemplar: list, read (by id or uuid), create, edit, delete. Each
 * route declares its ACL and schemas and makes one service call; the tenant scope comes from the
 * request (lists: the scoping tenant, sub-tenants with `recurse=true`; items: always with the
 * visible sub-tenants, as Wazo's item resources do).
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Nullable, OpenObject, Type } from '@wazo-ts/daemon/schema';
import { isPlainUserPage, linked, userEditSchema, userSchema, voicemailSchema } from '@wazo-ts/dao';
import { keyParams } from '../common/int-param.js';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { createUserComposite } from './user-composite.js';
import { userCreateBodySchema } from './user-create.schema.js';
import { renderUserView, USER_VIEWS, userDirectorySchema, userSummarySchema } from './user-views.js';

const UserIdParams = keyParams('user_id');

/** `?recursive=true` on PUT and DELETE (Wazo's `is_recursive`). */
const RecursiveQuery = Type.Object({ recursive: Type.Optional(Type.Boolean({ default: false })) });

/** A list shows full users, or each user as the view asked renders it. */
const UserList = ListOf(Type.Union([userSchema, userSummarySchema, userDirectorySchema]));

/**
 * The created user; with `auth`, wazo-auth's user as wazo-auth answered it (its own keys); its
 * `voicemail` whole, as Wazo's answer shows it.
 */
const CreatedUser = Type.Object({
  ...userSchema.properties,
  voicemail: Nullable(linked('voicemails', voicemailSchema.properties)),
  auth: Type.Optional(OpenObject({ description: "wazo-auth's answer" })),
});

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
    const tags = ['users'];

    api.get(
      '/users',
      {
        config: { acl: 'confd.users.read' },
        schema: {
          summary: 'List users',
          tags,
          querystring: listQuerySchema({ ...LIST_FILTERS.users, view: Type.Optional(Type.String()) }),
          response: { 200: UserList },
        },
      },
      async (request, reply) => {
        const { params, recurse } = parseListQuery(request.query, {
          listFilters: ['uuid', 'exten', 'mobile_phone_number'],
          ignore: ['view'],
        });
        const scope = await tenantScopeOf(request, visible, recurse);
        const view = USER_VIEWS.find((v) => v === request.query.view);
        if (!view && isPlainUserPage(params, scope)) {
          // Written by PostgreSQL, links included: the same bytes as the users below once linked
          // and serialised (users.page-json.test.ts), without building them.
          const page = await users.pageJson(scope, params, locationOf(request, '1.1', ''));
          const json = `{"total":${page.total},"items":[${page.items.join(',')}]}`;
          // A string with a JSON content type is sent as it is (the route's type is the object's).
          return reply.type('application/json; charset=utf-8').send(json as never);
        }
        const result = await users.search(scope, params);
        // As Wazo: an unknown view renders the full user.
        if (!view) return result;
        return {
          total: result.total,
          items: await renderUserView(resources.services, scope, view, result.items),
        };
      },
    );

    api.get(
      '/users/:user_id',
      {
        config: { acl: 'confd.users.{user_id}.read' },
        schema: { summary: 'Get user', tags, params: UserIdParams, response: { 200: userSchema } },
      },
      // With its lines (extensions, endpoint), groups and schedules: what the SDK's profile reads.
      async (request) => getUserWithRelations(await itemScope(request), request.params.user_id),
    );

    api.post(
      '/users',
      {
        config: { acl: 'confd.users.create' },
        schema: { summary: 'Create user', tags, body: userCreateBodySchema, response: { 201: CreatedUser } },
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

    api.put(
      '/users/:user_id',
      {
        config: { acl: 'confd.users.{user_id}.update' },
        schema: {
          summary: 'Update user',
          tags,
          params: UserIdParams,
          body: userEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await users.edit(await itemScope(request), request.params.user_id, request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/users/:user_id',
      {
        config: { acl: 'confd.users.{user_id}.delete' },
        schema: {
          summary: 'Delete user',
          tags,
          params: UserIdParams,
          querystring: RecursiveQuery,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const recursive = request.query.recursive === true;
        await composite.delete(await itemScope(request), request.params.user_id, recursive);
        return reply.code(204).send(null);
      },
    );
  },
};
