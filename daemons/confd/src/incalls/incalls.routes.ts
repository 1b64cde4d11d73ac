/** The incalls resource (`/incalls`, Wazo's `incall`): list, read, create, edit, delete. */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent } from '@wazo-ts/daemon/schema';
import { incallCreateSchema, incallEditSchema, incallSchema, scopeOf } from '@wazo-ts/dao';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { IncallIdParams, incallIdOf } from './incall-id.js';

const tags = ['incalls'];

export const incallsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'incall',
  load({ api, resources }) {
    const { incalls, tenants } = resources.services;
    const visible = resources.visibleTenants;
    const itemScope = (request: Parameters<typeof scopingTenantOf>[0]) =>
      tenantScopeOf(request, visible, true);

    api.get(
      '/incalls',
      {
        config: { acl: 'confd.incalls.read' },
        schema: {
          summary: 'List incoming calls',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.incalls),
          response: { 200: ListOf(incallSchema) },
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query);
        return incalls.search(await tenantScopeOf(request, visible, recurse), params);
      },
    );

    api.get(
      '/incalls/:incall_id',
      {
        config: { acl: 'confd.incalls.{incall_id}.read' },
        schema: {
          summary: 'Get incoming call',
          tags,
          params: IncallIdParams,
          response: { 200: incallSchema },
        },
      },
      async (request) => incalls.get(await itemScope(request), incallIdOf(request.params.incall_id)),
    );

    api.post(
      '/incalls',
      {
        config: { acl: 'confd.incalls.create' },
        schema: {
          summary: 'Create incoming call',
          tags,
          body: incallCreateSchema,
          response: { 201: incallSchema },
        },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const incall = await incalls.create(scopeOf(tenantUuid), tenantUuid, request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/incalls/${incall.id}`))
          .send(incall);
      },
    );

    api.put(
      '/incalls/:incall_id',
      {
        config: { acl: 'confd.incalls.{incall_id}.update' },
        schema: {
          summary: 'Update incoming call',
          tags,
          params: IncallIdParams,
          body: incallEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await incalls.edit(await itemScope(request), incallIdOf(request.params.incall_id), request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/incalls/:incall_id',
      {
        config: { acl: 'confd.incalls.{incall_id}.delete' },
        schema: {
          summary: 'Delete incoming call',
          tags,
          params: IncallIdParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await incalls.delete(await itemScope(request), incallIdOf(request.params.incall_id));
        return reply.code(204).send(null);
      },
    );
  },
};
