/**
 * IAX endpoints (`/endpoints/iax`): list, read, create, edit, delete. A create stamps the scoping
 * tenant; item operations see the visible sub-tenants too, as Wazo's.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent } from '@wazo-ts/daemon/schema';
import { iaxEndpointBodySchema, iaxEndpointSchema } from '@wazo-ts/dao';
import { idParams, intParam } from '../common/int-param.js';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const IaxIdParams = idParams('iax_id');
const iaxIdOf = (raw: string) => intParam(raw, 'IAXEndpoint');

export const endpointIaxPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'endpoint_iax',
  load({ api, resources }) {
    const { endpointIax, tenants } = resources.services;
    const visible = resources.visibleTenants;
    const wideScope = (request: Parameters<typeof tenantScopeOf>[0]) => tenantScopeOf(request, visible, true);
    const tags = ['endpoints', 'iax'];

    api.get(
      '/endpoints/iax',
      {
        config: { acl: 'confd.endpoints.iax.read' },
        schema: {
          summary: 'List IAX endpoints',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.endpointIax),
          response: { 200: ListOf(iaxEndpointSchema) },
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query);
        return endpointIax.search(await tenantScopeOf(request, visible, recurse), params);
      },
    );

    api.get(
      '/endpoints/iax/:iax_id',
      {
        config: { acl: 'confd.endpoints.iax.{iax_id}.read' },
        schema: {
          summary: 'Get IAX Endpoint',
          tags,
          params: IaxIdParams,
          response: { 200: iaxEndpointSchema },
        },
      },
      async (request) => endpointIax.get(await wideScope(request), iaxIdOf(request.params.iax_id)),
    );

    api.post(
      '/endpoints/iax',
      {
        config: { acl: 'confd.endpoints.iax.create' },
        schema: {
          summary: 'Create IAX endpoint',
          tags,
          body: iaxEndpointBodySchema,
          response: { 201: iaxEndpointSchema },
        },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const iax = await endpointIax.create(tenantUuid, request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/endpoints/iax/${iax.id}`))
          .send(iax);
      },
    );

    api.put(
      '/endpoints/iax/:iax_id',
      {
        config: { acl: 'confd.endpoints.iax.{iax_id}.update' },
        schema: {
          summary: 'Update IAX Endpoint',
          tags,
          params: IaxIdParams,
          body: iaxEndpointBodySchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await endpointIax.edit(await wideScope(request), iaxIdOf(request.params.iax_id), request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/endpoints/iax/:iax_id',
      {
        config: { acl: 'confd.endpoints.iax.{iax_id}.delete' },
        schema: { summary: 'Delete IAX Endpoint', tags, params: IaxIdParams, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await endpointIax.delete(await wideScope(request), iaxIdOf(request.params.iax_id));
        return reply.code(204).send(null);
      },
    );
  },
};
