/**
 * The five routes of a plain confd resource (list, read, create, edit, delete), as wazo-confd's
 * ListResource/ItemResource serve them: a list of `{items, total}` with Wazo's list parameters
 * (and `recurse`), a 404 for a resource out of the caller's tenants, 201 with a Location on
 * create (in the caller's tenant), 204 on edit and delete. ACLs `confd.<acl>.*`.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, type TSchema } from '@wazo-ts/daemon/schema';
import { type SearchParams, type SearchResult, scopeOf, type TenantScope } from '@wazo-ts/dao';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { idParams, intParam } from './int-param.js';
import { listQuerySchema, parseListQuery } from './list-params.js';
import { locationOf } from './location.js';
import { scopingTenantOf, tenantScopeOf } from './scope.js';

export interface CrudService<T extends { id: number }> {
  search(scope: TenantScope, params: SearchParams): Promise<SearchResult<T>>;
  get(scope: TenantScope, id: number): Promise<T>;
  create(scope: TenantScope, tenantUuid: string, body: never): Promise<T>;
  edit(scope: TenantScope, id: number, body: never): Promise<unknown>;
  delete(scope: TenantScope, id: number): Promise<void>;
}

export interface CrudResource {
  /** Wazo's plugin name, e.g. `agent`. */
  name: string;
  /** The path below /1.1, e.g. `/agents/skills`. */
  path: string;
  /** The path parameter, e.g. `skill_id`. */
  param: string;
  /** Wazo's ACL prefix, e.g. `agents.skills`. */
  acl: string;
  /** Wazo's resource name in a 404, e.g. `Skill`. */
  resource: string;
  /** The words of the OpenAPI summaries: singular and plural. */
  words: [string, string];
  tags: string[];
  filters: Record<string, TSchema>;
  answer: TSchema;
  createBody: TSchema;
  editBody: TSchema;
  service(services: ConfdResources['services']): CrudService<{ id: number }>;
  /**
   * A create that does more than the service's (an agent's `queues`): called instead, with the
   * caller's tenant and the scope of its visible tenants (Wazo's `recurse` list).
   */
  create?(
    services: ConfdResources['services'],
    scopes: { tenantUuid: string; visible: TenantScope },
    body: unknown,
  ): Promise<{ id: number }>;
}

export function crudPlugin(def: CrudResource): DaemonPlugin<ConfdConfig, ConfdResources> {
  const { path, param, acl, tags, answer } = def;
  const [one, many] = def.words;
  const item = `${path}/:${param}`;
  const params = idParams(param);
  return {
    name: def.name,
    load({ api, resources }) {
      const service = def.service(resources.services);
      const { tenants } = resources.services;
      const visible = resources.visibleTenants;
      type Request = Parameters<typeof scopingTenantOf>[0] & { params: unknown };
      const itemScope = (request: Request) => tenantScopeOf(request, visible, true);
      const idOf = (request: Request) =>
        intParam((request.params as Record<string, string>)[param] as string, def.resource);

      api.get(
        path,
        {
          config: { acl: `confd.${acl}.read` },
          schema: {
            summary: `List ${many}`,
            tags,
            querystring: listQuerySchema(def.filters),
            response: { 200: ListOf(answer) },
          },
        },
        async (request) => {
          const { params: search, recurse } = parseListQuery(request.query);
          return service.search(await tenantScopeOf(request, visible, recurse), search);
        },
      );

      api.get(
        item,
        {
          config: { acl: `confd.${acl}.{${param}}.read` },
          schema: { summary: `Get ${one}`, tags, params, response: { 200: answer } },
        },
        async (request) => service.get(await itemScope(request), idOf(request)),
      );

      api.post(
        path,
        {
          config: { acl: `confd.${acl}.create` },
          schema: { summary: `Create ${one}`, tags, body: def.createBody, response: { 201: answer } },
        },
        async (request, reply) => {
          const tenantUuid = scopingTenantOf(request);
          await tenants.ensure(tenantUuid);
          const created = def.create
            ? await def.create(
                resources.services,
                { tenantUuid, visible: await itemScope(request) },
                request.body,
              )
            : await service.create(scopeOf(tenantUuid), tenantUuid, request.body as never);
          return reply
            .code(201)
            .header('location', locationOf(request, '1.1', `${path}/${created.id}`))
            .send(created);
        },
      );

      api.put(
        item,
        {
          config: { acl: `confd.${acl}.{${param}}.update` },
          schema: {
            summary: `Update ${one}`,
            tags,
            params,
            body: def.editBody,
            response: { 204: NoContent },
          },
        },
        async (request, reply) => {
          await service.edit(await itemScope(request), idOf(request), request.body as never);
          return reply.code(204).send(null);
        },
      );

      api.delete(
        item,
        {
          config: { acl: `confd.${acl}.{${param}}.delete` },
          schema: { summary: `Delete ${one}`, tags, params, response: { 204: NoContent } },
        },
        async (request, reply) => {
          await service.delete(await itemScope(request), idOf(request));
          return reply.code(204).send(null);
        },
      );
    },
  };
}
