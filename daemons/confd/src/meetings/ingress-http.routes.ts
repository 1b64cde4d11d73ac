/**
 * HTTP ingresses (`/ingresses/http`, Wazo's `ingress_http`): list (with `view=fallback`: a tenant
 * without its own lists the master tenant's), read, create (one per tenant), edit, delete.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import { ingressHttpInputSchema, ingressHttpSchema, ingressHttpViewSchema } from '@wazo-ts/dao';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const IngressParams = Type.Object({ http_ingress_uuid: Type.String() });
const tags = ['ingresses'];

export const ingressHttpPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'ingress_http',
  load({ api, resources, serviceToken }) {
    const { ingressHttp, tenants } = resources.services;
    const visible = resources.visibleTenants;
    const wideScope = (request: Parameters<typeof tenantScopeOf>[0]) => tenantScopeOf(request, visible, true);

    api.get(
      '/ingresses/http',
      {
        config: { acl: 'confd.ingresses.http.read' },
        schema: {
          summary: 'List HTTP ingresses',
          tags,
          querystring: listQuerySchema({
            ...LIST_FILTERS.ingressHttp,
            view: Type.Optional(ingressHttpViewSchema),
          }),
          response: { 200: ListOf(ingressHttpSchema) },
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query, { ignore: ['view'] });
        const fallback =
          request.query.view === 'fallback' ? (serviceToken?.current()?.tenantUuid ?? null) : null;
        return ingressHttp.search(await tenantScopeOf(request, visible, recurse), params, fallback);
      },
    );

    api.get(
      '/ingresses/http/:http_ingress_uuid',
      {
        config: { acl: 'confd.ingresses.http.{http_ingress_uuid}.read' },
        schema: {
          summary: 'Get HTTP ingress',
          tags,
          params: IngressParams,
          response: { 200: ingressHttpSchema },
        },
      },
      async (request) => ingressHttp.get(await wideScope(request), request.params.http_ingress_uuid),
    );

    api.post(
      '/ingresses/http',
      {
        config: { acl: 'confd.ingresses.http.create' },
        schema: {
          summary: 'Create HTTP ingress',
          tags,
          body: ingressHttpInputSchema,
          response: { 201: ingressHttpSchema },
        },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const ingress = await ingressHttp.create(tenantUuid, request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/ingresses/http/${ingress.uuid}`))
          .send(ingress);
      },
    );

    api.put(
      '/ingresses/http/:http_ingress_uuid',
      {
        config: { acl: 'confd.ingresses.http.{http_ingress_uuid}.update' },
        schema: {
          summary: 'Update HTTP ingress',
          tags,
          params: IngressParams,
          body: ingressHttpInputSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await ingressHttp.edit(await wideScope(request), request.params.http_ingress_uuid, request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/ingresses/http/:http_ingress_uuid',
      {
        config: { acl: 'confd.ingresses.http.{http_ingress_uuid}.delete' },
        schema: {
          summary: 'Delete HTTP ingress',
          tags,
          params: IngressParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await ingressHttp.delete(await wideScope(request), request.params.http_ingress_uuid);
        return reply.code(204).send(null);
      },
    );
  },
};
