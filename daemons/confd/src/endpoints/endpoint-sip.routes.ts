/**
 * SIP endpoints (`/endpoints/sip`) and SIP templates (`/endpoints/sip/templates`): the same five
 * operations on one resource, told apart by `template`. A create stamps the scoping tenant and
 * takes templates from it only; item operations see the visible sub-tenants too. `view=merged`
 * on an endpoint shows its sections with the templates' options merged in.
 */
import type { DaemonApi, DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, type TSchema, Type } from '@wazo-ts/daemon/schema';
import {
  type EndpointSipService,
  endpointSipSchema,
  scopeOf,
  sipInputSchema,
  sipTemplateSchema,
} from '@wazo-ts/dao';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf, type VisibleTenants } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

export const sipViewQuery = Type.Object({ view: Type.Optional(Type.String({ enum: ['merged'] })) });

interface SipKind {
  path: string;
  /** The path parameter: `sip_uuid` or `template_uuid`, as Wazo's API documents them. */
  param: 'sip_uuid' | 'template_uuid';
  acl: string;
  noun: string;
  answer: TSchema;
  service: EndpointSipService;
  /** Endpoints have `view=merged`; templates do not. */
  merged: boolean;
}

function sipRoutes(
  api: DaemonApi,
  kind: SipKind,
  visible: VisibleTenants,
  ensureTenant: (uuid: string) => Promise<unknown>,
) {
  const { path, acl, noun, answer, service, param } = kind;
  const params = Type.Object({ [param]: Type.String() });
  const tags = ['endpoints'];
  const itemScope = (request: Parameters<typeof tenantScopeOf>[0]) => tenantScopeOf(request, visible, true);
  const uuidOf = (request: { params: unknown }) => (request.params as Record<string, string>)[param]!;

  api.get(
    path,
    {
      config: { acl: `${acl}.read` },
      schema: {
        summary: `List ${noun}s`,
        tags,
        querystring: listQuerySchema(LIST_FILTERS.endpointSip),
        response: { 200: ListOf(answer) },
      },
    },
    async (request) => {
      const { params: search, recurse } = parseListQuery(request.query);
      return service.search(await tenantScopeOf(request, visible, recurse), search);
    },
  );

  api.get(
    `${path}/:${param}`,
    {
      config: { acl: `${acl}.{${param}}.read` },
      schema: {
        summary: `Get ${noun}`,
        tags,
        params,
        ...(kind.merged ? { querystring: sipViewQuery } : {}),
        response: { 200: answer },
      },
    },
    async (request) => {
      const scope = await itemScope(request);
      const view = (request.query as { view?: string } | undefined)?.view;
      return view === 'merged'
        ? service.getMerged(scope, uuidOf(request))
        : service.get(scope, uuidOf(request));
    },
  );

  api.post(
    path,
    {
      config: { acl: `${acl}.create` },
      schema: { summary: `Create ${noun}`, tags, body: sipInputSchema, response: { 201: answer } },
    },
    async (request, reply) => {
      const tenantUuid = scopingTenantOf(request);
      await ensureTenant(tenantUuid);
      const created = await service.create(scopeOf(tenantUuid), tenantUuid, request.body);
      return reply
        .code(201)
        .header('location', locationOf(request, '1.1', `${path}/${created.uuid}`))
        .send(created);
    },
  );

  api.put(
    `${path}/:${param}`,
    {
      config: { acl: `${acl}.{${param}}.update` },
      schema: { summary: `Update ${noun}`, tags, params, body: sipInputSchema, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await service.edit(await itemScope(request), uuidOf(request), request.body);
      return reply.code(204).send(null);
    },
  );

  api.delete(
    `${path}/:${param}`,
    {
      config: { acl: `${acl}.{${param}}.delete` },
      schema: { summary: `Delete ${noun}`, tags, params, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await service.delete(await itemScope(request), uuidOf(request));
      return reply.code(204).send(null);
    },
  );
}

export const endpointSipPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'endpoint_sip',
  load({ api, resources }) {
    const { endpointSip, sipTemplates, tenants } = resources.services;
    const ensure = (uuid: string) => tenants.ensure(uuid);
    // Templates first: `/endpoints/sip/templates` must not be read as an endpoint's uuid.
    sipRoutes(
      api,
      {
        path: '/endpoints/sip/templates',
        param: 'template_uuid',
        acl: 'confd.endpoints.sip.templates',
        noun: 'SIP endpoint template',
        answer: sipTemplateSchema,
        service: sipTemplates,
        merged: false,
      },
      resources.visibleTenants,
      ensure,
    );
    sipRoutes(
      api,
      {
        path: '/endpoints/sip',
        param: 'sip_uuid',
        acl: 'confd.endpoints.sip',
        noun: 'SIP endpoint',
        answer: endpointSipSchema,
        service: endpointSip,
        merged: true,
      },
      resources.visibleTenants,
      ensure,
    );
  },
};
