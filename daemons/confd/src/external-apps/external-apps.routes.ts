/**
 * External apps: a tenant's (`external_app`, `/external/apps/{name}`, named in the caller's
 * tenant only) and a user's (`user_external_app`, `/users/{uuid|id}/external/apps/{name}`, the
 * user found among the caller's tenants and their sub-tenants); `view=fallback` reads a user's
 * apps over its tenant's, unpaged, as Wazo's does.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, StringEnum, Type } from '@wazo-ts/daemon/schema';
import { externalAppBodySchema, externalAppSchema, userExternalAppSchema } from '@wazo-ts/dao';
import type { FastifyRequest } from 'fastify';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

type Plugin = DaemonPlugin<ConfdConfig, ConfdResources>;
const NameParams = Type.Object({ name: Type.String({ description: "The external app's name" }) });
const UserParams = Type.Object({ user_uuid: Type.String({ description: 'The uuid or id' }) });
const UserAppParams = Type.Object({ ...UserParams.properties, ...NameParams.properties });
const view = Type.Optional(StringEnum(['fallback']));
const appHref = (request: FastifyRequest, path: string) => locationOf(request, '1.1', path);

export const externalAppsPlugin: Plugin = {
  name: 'external_app',
  load({ api, resources }) {
    const { externalApps } = resources.services;
    const tags = ['external_apps'];
    // A name is no identifier across tenants: only the caller's tenant is looked into.
    const ownTenant = (request: FastifyRequest) => tenantScopeOf(request, resources.visibleTenants, false);

    api.get(
      '/external/apps',
      {
        config: { acl: 'confd.external.apps.read' },
        schema: {
          summary: 'List external apps',
          tags,
          querystring: listQuerySchema(),
          response: { 200: ListOf(externalAppSchema) },
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query);
        return externalApps.search(await tenantScopeOf(request, resources.visibleTenants, recurse), params);
      },
    );

    api.post(
      '/external/apps/:name',
      {
        config: { acl: 'confd.external.apps.{name}.create' },
        schema: {
          summary: 'Create external app',
          tags,
          params: NameParams,
          body: externalAppBodySchema,
          response: { 201: externalAppSchema },
        },
      },
      async (request, reply) => {
        const app = await externalApps.create(scopingTenantOf(request), request.params.name, request.body);
        return reply
          .code(201)
          .header('location', appHref(request, `/external/apps/${encodeURIComponent(app.name)}`))
          .send(app);
      },
    );

    api.get(
      '/external/apps/:name',
      {
        config: { acl: 'confd.external.apps.{name}.read' },
        schema: {
          summary: 'Get external app',
          tags,
          params: NameParams,
          response: { 200: externalAppSchema },
        },
      },
      async (request) => externalApps.get(await ownTenant(request), request.params.name),
    );

    api.put(
      '/external/apps/:name',
      {
        config: { acl: 'confd.external.apps.{name}.update' },
        schema: {
          summary: 'Update external app',
          tags,
          params: NameParams,
          body: externalAppBodySchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await externalApps.edit(await ownTenant(request), request.params.name, request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/external/apps/:name',
      {
        config: { acl: 'confd.external.apps.{name}.delete' },
        schema: { summary: 'Delete external app', tags, params: NameParams, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await externalApps.delete(await ownTenant(request), request.params.name);
        return reply.code(204).send(null);
      },
    );
  },
};

export const userExternalAppsPlugin: Plugin = {
  name: 'user_external_app',
  load({ api, resources }) {
    const { externalApps } = resources.services;
    const tags = ['external_apps', 'users'];
    const scopeOf = (request: FastifyRequest) => tenantScopeOf(request, resources.visibleTenants, true);

    api.get(
      '/users/:user_uuid/external/apps',
      {
        config: { acl: 'confd.users.{user_uuid}.external.apps.read' },
        schema: {
          summary: 'List user external apps',
          tags,
          params: UserParams,
          querystring: listQuerySchema({ view }),
          response: { 200: ListOf(userExternalAppSchema) },
        },
      },
      async (request) => {
        const { params } = parseListQuery(request.query, { ignore: ['view'] });
        const { user_uuid } = request.params;
        return externalApps.searchOfUser(await scopeOf(request), user_uuid, params, request.query.view);
      },
    );

    api.post(
      '/users/:user_uuid/external/apps/:name',
      {
        config: { acl: 'confd.users.{user_uuid}.external.apps.{name}.create' },
        schema: {
          summary: 'Create user external app',
          tags,
          params: UserAppParams,
          body: externalAppBodySchema,
          response: { 201: userExternalAppSchema },
        },
      },
      async (request, reply) => {
        const { user_uuid, name } = request.params;
        const { user_uuid: owner, ...app } = await externalApps.createOfUser(
          await scopeOf(request),
          user_uuid,
          name,
          request.body,
        );
        const path = `/users/${owner}/external/apps/${encodeURIComponent(app.name)}`;
        return reply.code(201).header('location', appHref(request, path)).send(app);
      },
    );

    api.get(
      '/users/:user_uuid/external/apps/:name',
      {
        config: { acl: 'confd.users.{user_uuid}.external.apps.{name}.read' },
        schema: {
          summary: 'Get user external app',
          tags,
          params: UserAppParams,
          querystring: Type.Object({ view }),
          response: { 200: userExternalAppSchema },
        },
      },
      async (request) => {
        const { user_uuid, name } = request.params;
        return externalApps.getOfUser(await scopeOf(request), user_uuid, name, request.query.view);
      },
    );

    api.put(
      '/users/:user_uuid/external/apps/:name',
      {
        config: { acl: 'confd.users.{user_uuid}.external.apps.{name}.update' },
        schema: {
          summary: 'Update user external app',
          tags,
          params: UserAppParams,
          body: externalAppBodySchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const { user_uuid, name } = request.params;
        await externalApps.editOfUser(await scopeOf(request), user_uuid, name, request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/users/:user_uuid/external/apps/:name',
      {
        config: { acl: 'confd.users.{user_uuid}.external.apps.{name}.delete' },
        schema: {
          summary: 'Delete user external app',
          tags,
          params: UserAppParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const { user_uuid, name } = request.params;
        await externalApps.deleteOfUser(await scopeOf(request), user_uuid, name);
        return reply.code(204).send(null);
      },
    );
  },
};
