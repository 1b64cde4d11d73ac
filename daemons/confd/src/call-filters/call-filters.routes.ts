/** The call filters resource (`/callfilters`, Wazo's `call_filter`): list, read, create, edit, delete. */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent } from '@wazo-ts/daemon/schema';
import { callFilterCreateSchema, callFilterEditSchema, callFilterSchema, scopeOf } from '@wazo-ts/dao';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { CallFilterIdParams, callFilterIdOf } from './call-filter-id.js';

const tags = ['callfilters'];

export const callFiltersPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'call_filter',
  load({ api, resources }) {
    const { callFilters, tenants } = resources.services;
    const visible = resources.visibleTenants;
    const itemScope = (request: Parameters<typeof scopingTenantOf>[0]) =>
      tenantScopeOf(request, visible, true);

    api.get(
      '/callfilters',
      {
        config: { acl: 'confd.callfilters.read' },
        schema: {
          summary: 'List call filters',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.callfilters),
          response: { 200: ListOf(callFilterSchema) },
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query);
        return callFilters.search(await tenantScopeOf(request, visible, recurse), params);
      },
    );

    api.get(
      '/callfilters/:callfilter_id',
      {
        config: { acl: 'confd.callfilters.{callfilter_id}.read' },
        schema: {
          summary: 'Get call filter',
          tags,
          params: CallFilterIdParams,
          response: { 200: callFilterSchema },
        },
      },
      async (request) =>
        callFilters.get(await itemScope(request), callFilterIdOf(request.params.callfilter_id)),
    );

    api.post(
      '/callfilters',
      {
        config: { acl: 'confd.callfilters.create' },
        schema: {
          summary: 'Create call filter',
          tags,
          body: callFilterCreateSchema,
          response: { 201: callFilterSchema },
        },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const filter = await callFilters.create(scopeOf(tenantUuid), tenantUuid, request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/callfilters/${filter.id}`))
          .send(filter);
      },
    );

    api.put(
      '/callfilters/:callfilter_id',
      {
        config: { acl: 'confd.callfilters.{callfilter_id}.update' },
        schema: {
          summary: 'Update call filter',
          tags,
          params: CallFilterIdParams,
          body: callFilterEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const id = callFilterIdOf(request.params.callfilter_id);
        await callFilters.edit(await itemScope(request), id, request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/callfilters/:callfilter_id',
      {
        config: { acl: 'confd.callfilters.{callfilter_id}.delete' },
        schema: {
          summary: 'Delete call filter',
          tags,
          params: CallFilterIdParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await callFilters.delete(await itemScope(request), callFilterIdOf(request.params.callfilter_id));
        return reply.code(204).send(null);
      },
    );
  },
};
