/**
 * The endpoint resources named by a number, SCCP (`/endpoints/sccp`) and custom
 * (`/endpoints/custom`): the same five operations on one shape. A create stamps the scoping
 * tenant; item operations see the visible sub-tenants too; lists recurse on `recurse=true`.
 */
import type { DaemonApi, DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, type TSchema } from '@wazo-ts/daemon/schema';
import {
  endpointCustomCreateSchema,
  endpointCustomEditSchema,
  endpointCustomSchema,
  endpointSccpInputSchema,
  endpointSccpSchema,
  type SearchParams,
  scopeOf,
  type TenantScope,
} from '@wazo-ts/dao';
import { idParams, intParam } from '../common/int-param.js';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf, type VisibleTenants } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

/** A create body of type C, an edit body of type E (a PUT may leave out what a POST requires). */
interface NumberedService<C, E> {
  search(scope: TenantScope, params: SearchParams): Promise<{ total: number; items: unknown[] }>;
  get(scope: TenantScope, id: number): Promise<unknown>;
  create(scope: TenantScope, tenantUuid: string, input: C): Promise<{ id: number }>;
  edit(scope: TenantScope, id: number, input: E): Promise<void>;
  delete(scope: TenantScope, id: number): Promise<void>;
}

interface NumberedKind<C, E> {
  /** `sccp` or `custom`: the path's and ACL's last part. */
  kind: string;
  /** The path parameter, as Wazo's API documents it (`sccp_id`, `custom_id`). */
  param: string;
  /** The resource named in a 404. */
  resource: string;
  noun: string;
  answer: TSchema;
  createBody: TSchema;
  editBody: TSchema;
  filters: Record<string, TSchema>;
  service: NumberedService<C, E>;
}

function numberedRoutes<C, E>(
  api: DaemonApi,
  spec: NumberedKind<C, E>,
  visible: VisibleTenants,
  ensure: (uuid: string) => Promise<unknown>,
) {
  const { kind, param, noun, answer, service } = spec;
  const path = `/endpoints/${kind}`;
  const acl = `confd.endpoints.${kind}`;
  const params = idParams(param);
  const tags = ['endpoints'];
  const itemScope = (request: Parameters<typeof tenantScopeOf>[0]) => tenantScopeOf(request, visible, true);
  const idOf = (request: { params: unknown }) =>
    intParam((request.params as Record<string, string>)[param]!, spec.resource);

  api.get(
    path,
    {
      config: { acl: `${acl}.read` },
      schema: {
        summary: `List ${noun}s`,
        tags,
        querystring: listQuerySchema(spec.filters),
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
      schema: { summary: `Get ${noun}`, tags, params, response: { 200: answer } },
    },
    async (request) => service.get(await itemScope(request), idOf(request)),
  );

  api.post(
    path,
    {
      config: { acl: `${acl}.create` },
      schema: { summary: `Create ${noun}`, tags, body: spec.createBody, response: { 201: answer } },
    },
    async (request, reply) => {
      const tenantUuid = scopingTenantOf(request);
      await ensure(tenantUuid);
      const created = await service.create(scopeOf(tenantUuid), tenantUuid, request.body as C);
      return reply
        .code(201)
        .header('location', locationOf(request, '1.1', `${path}/${created.id}`))
        .send(created);
    },
  );

  api.put(
    `${path}/:${param}`,
    {
      config: { acl: `${acl}.{${param}}.update` },
      schema: { summary: `Update ${noun}`, tags, params, body: spec.editBody, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await service.edit(await itemScope(request), idOf(request), request.body as E);
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
      await service.delete(await itemScope(request), idOf(request));
      return reply.code(204).send(null);
    },
  );
}

export const endpointSccpPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'endpoint_sccp',
  load({ api, resources }) {
    const { endpointSccp, tenants } = resources.services;
    numberedRoutes(
      api,
      {
        kind: 'sccp',
        param: 'sccp_id',
        resource: 'SCCPEndpoint',
        noun: 'SCCP endpoint',
        answer: endpointSccpSchema,
        createBody: endpointSccpInputSchema,
        editBody: endpointSccpInputSchema,
        filters: LIST_FILTERS.endpointSccp,
        service: endpointSccp,
      },
      resources.visibleTenants,
      (uuid) => tenants.ensure(uuid),
    );
  },
};

export const endpointCustomPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'endpoint_custom',
  load({ api, resources }) {
    const { endpointCustom, tenants } = resources.services;
    numberedRoutes(
      api,
      {
        kind: 'custom',
        param: 'custom_id',
        resource: 'CustomEndpoint',
        noun: 'custom endpoint',
        answer: endpointCustomSchema,
        createBody: endpointCustomCreateSchema,
        editBody: endpointCustomEditSchema,
        filters: LIST_FILTERS.endpointCustom,
        service: endpointCustom,
      },
      resources.visibleTenants,
      (uuid) => tenants.ensure(uuid),
    );
  },
};
