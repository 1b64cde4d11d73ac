/**
 * The five routes of a tenant's configuration resource (displays, profiles), Wazo's way: list
 * (recurse on demand), create in the scoping tenant (201), read, replace (204) and delete (204)
 * among the tenant and its sub-tenants.
 */
import type { DaemonApi } from '@wazo-ts/daemon';
import { NoContent } from '@wazo-ts/daemon/schema';
import type { TObject, TSchema } from 'typebox';
import type { ListParams, ListResult } from './list.js';
import type { TenantScopes } from './scope.js';

export interface CrudService<TBody, TDocument> {
  list(tenants: readonly string[], params: ListParams): Promise<ListResult<TDocument>>;
  create(tenantUuid: string, body: TBody): Promise<TDocument>;
  get(uuid: string, tenants: readonly string[]): Promise<TDocument>;
  edit(uuid: string, tenants: readonly string[], body: TBody): Promise<void>;
  delete(uuid: string, tenants: readonly string[]): Promise<void>;
}

export interface CrudRoutes<TBody, TDocument> {
  /** `displays`: the path and the ACL prefix `dird.displays`. */
  plural: string;
  /** `display`: words of the summaries and the `{display_uuid}` parameter. */
  singular: string;
  body: TObject;
  item: TSchema;
  list: { query: TObject; result: TSchema };
  params: TObject;
  service: CrudService<TBody, TDocument>;
  scopes: TenantScopes;
}

export function addCrudRoutes<TBody, TDocument>(api: DaemonApi, spec: CrudRoutes<TBody, TDocument>): void {
  const { plural, singular, service, scopes } = spec;
  const param = `${singular}_uuid`;
  const tags = [plural];
  const uuidOf = (params: unknown) => (params as Record<string, string>)[param] as string;
  api.get(
    `/${plural}`,
    {
      config: { acl: `dird.${plural}.read` },
      schema: {
        summary: `List ${plural}`,
        tags,
        querystring: spec.list.query,
        response: { 200: spec.list.result },
      },
    },
    async (request) => {
      const params = request.query as ListParams;
      return service.list(await scopes.visible(request, params.recurse === true), params);
    },
  );
  api.post(
    `/${plural}`,
    {
      config: { acl: `dird.${plural}.create` },
      schema: { summary: `Create a ${singular}`, tags, body: spec.body, response: { 201: spec.item } },
    },
    async (request, reply) =>
      reply.code(201).send(await service.create(scopes.tenantOf(request), request.body as TBody)),
  );
  api.get(
    `/${plural}/:${param}`,
    {
      config: { acl: `dird.${plural}.{${param}}.read` },
      schema: { summary: `Read a ${singular}`, tags, params: spec.params, response: { 200: spec.item } },
    },
    async (request) => service.get(uuidOf(request.params), await scopes.visible(request, true)),
  );
  api.put(
    `/${plural}/:${param}`,
    {
      config: { acl: `dird.${plural}.{${param}}.update` },
      schema: {
        summary: `Update a ${singular}`,
        tags,
        params: spec.params,
        body: spec.body,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await service.edit(uuidOf(request.params), await scopes.visible(request, true), request.body as TBody);
      return reply.code(204).send(null);
    },
  );
  api.delete(
    `/${plural}/:${param}`,
    {
      config: { acl: `dird.${plural}.{${param}}.delete` },
      schema: { summary: `Delete a ${singular}`, tags, params: spec.params, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await service.delete(uuidOf(request.params), await scopes.visible(request, true));
      return reply.code(204).send(null);
    },
  );
}
