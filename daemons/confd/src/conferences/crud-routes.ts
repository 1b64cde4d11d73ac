/**
 * The five routes of a simple confd resource keyed by an integer id (conferences, pagings,
 * parking lots): list (with `recurse`), read, create (201 with its location), edit and delete
 * (204), with Wazo's ACLs `confd.<path>.<action>` and `confd.<path>.{id}.<action>`.
 */
import type { DaemonApi } from '@wazo-ts/daemon';
import { ListOf, NoContent, type TSchema } from '@wazo-ts/daemon/schema';
import { type SearchParams, type SearchResult, scopeOf, type TenantScope } from '@wazo-ts/dao';
import { idParams, intParam } from '../common/int-param.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf, type VisibleTenants } from '../common/scope.js';

export interface CrudService<T extends { id: number }, C, E> {
  search(scope: TenantScope, params: SearchParams): Promise<SearchResult<T>>;
  get(scope: TenantScope, id: number): Promise<T>;
  create(scope: TenantScope, tenantUuid: string, input: C): Promise<T>;
  edit(scope: TenantScope, id: number, changes: E): Promise<T>;
  delete(scope: TenantScope, id: number): Promise<void>;
}

export interface CrudRoutes<T extends { id: number }, C, E> {
  /** The collection's path without slash (`conferences`) and its id's name in the item path. */
  path: string;
  idName: string;
  /** Wazo's resource name, for the 404 of a non-numeric id. */
  resource: string;
  /** Summaries: `[list, get, create, update, delete]`. */
  summaries: readonly [string, string, string, string, string];
  answer: TSchema;
  createBody: TSchema;
  editBody: TSchema;
  filters: Record<string, TSchema>;
  service: CrudService<T, C, E>;
}

export function registerCrudRoutes<T extends { id: number }, C, E>(
  api: DaemonApi,
  resources: {
    visibleTenants: VisibleTenants;
    services: { tenants: { ensure(uuid: string): Promise<unknown> } };
  },
  spec: CrudRoutes<T, C, E>,
): void {
  const { path, idName, service } = spec;
  const tags = [path];
  const params = idParams(idName);
  const item = `/${path}/:${idName}`;
  const acl = (action: string) => `confd.${path}.{${idName}}.${action}`;
  const idOf = (request: { params: unknown }) =>
    intParam((request.params as Record<string, string>)[idName]!, spec.resource);
  const itemScope = (request: Parameters<typeof scopingTenantOf>[0]) =>
    tenantScopeOf(request, resources.visibleTenants, true);
  const [listSummary, getSummary, createSummary, updateSummary, deleteSummary] = spec.summaries;

  api.get(
    `/${path}`,
    {
      config: { acl: `confd.${path}.read` },
      schema: {
        summary: listSummary,
        tags,
        querystring: listQuerySchema(spec.filters),
        response: { 200: ListOf(spec.answer) },
      },
    },
    async (request) => {
      const { params: search, recurse } = parseListQuery(request.query as never);
      return service.search(await tenantScopeOf(request, resources.visibleTenants, recurse), search);
    },
  );

  api.get(
    item,
    {
      config: { acl: acl('read') },
      schema: { summary: getSummary, tags, params, response: { 200: spec.answer } },
    },
    async (request) => service.get(await itemScope(request), idOf(request)),
  );

  api.post(
    `/${path}`,
    {
      config: { acl: `confd.${path}.create` },
      schema: { summary: createSummary, tags, body: spec.createBody, response: { 201: spec.answer } },
    },
    async (request, reply) => {
      const tenantUuid = scopingTenantOf(request);
      await resources.services.tenants.ensure(tenantUuid);
      const created = await service.create(scopeOf(tenantUuid), tenantUuid, request.body as C);
      return reply
        .code(201)
        .header('location', locationOf(request, '1.1', `/${path}/${created.id}`))
        .send(created);
    },
  );

  api.put(
    item,
    {
      config: { acl: acl('update') },
      schema: { summary: updateSummary, tags, params, body: spec.editBody, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await service.edit(await itemScope(request), idOf(request), request.body as E);
      return reply.code(204).send(null);
    },
  );

  api.delete(
    item,
    {
      config: { acl: acl('delete') },
      schema: { summary: deleteSummary, tags, params, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await service.delete(await itemScope(request), idOf(request));
      return reply.code(204).send(null);
    },
  );
}

/** PUT and DELETE `/<path>/{owner}/extensions/{extension_id}`: an owner's one extension. */
export function registerOwnerExtensionRoutes(
  api: DaemonApi,
  visibleTenants: VisibleTenants,
  spec: {
    path: string;
    idName: string;
    resource: string;
    noun: string;
    service: {
      associate(scope: TenantScope, ownerId: number, extensionId: number): Promise<void>;
      dissociate(scope: TenantScope, ownerId: number, extensionId: number): Promise<void>;
    };
  },
): void {
  const { path, idName, service } = spec;
  const params = idParams(idName);
  const routeParams = { ...params, properties: { ...params.properties, extension_id: { type: 'string' } } };
  const url = `/${path}/:${idName}/extensions/:extension_id`;
  const tags = [path, 'extensions'];
  const acl = (action: string) => `confd.${path}.{${idName}}.extensions.{extension_id}.${action}`;
  const keys = (request: { params: unknown }) => {
    const raw = request.params as Record<string, string>;
    return [intParam(raw[idName]!, spec.resource), intParam(raw.extension_id!, 'Extension')] as const;
  };
  const scope = (request: Parameters<typeof scopingTenantOf>[0]) =>
    tenantScopeOf(request, visibleTenants, true);

  api.put(
    url,
    {
      config: { acl: acl('update') },
      schema: {
        summary: `Associate ${spec.noun} and extension`,
        tags,
        params: routeParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await service.associate(await scope(request), ...keys(request));
      return reply.code(204).send(null);
    },
  );

  api.delete(
    url,
    {
      config: { acl: acl('delete') },
      schema: {
        summary: `Dissociate ${spec.noun} and extension`,
        tags,
        params: routeParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await service.dissociate(await scope(request), ...keys(request));
      return reply.code(204).send(null);
    },
  );
}
