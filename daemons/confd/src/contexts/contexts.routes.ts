/**
 * The contexts resource, as the users exemplar: list, read, create, edit, delete. A create stamps
 * the scoping tenant (ensured in the mirror first); item routes see the visible sub-tenants.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent } from '@wazo-ts/daemon/schema';
import { contextCreateSchema, contextEditSchema, contextSchema, scopeOf } from '@wazo-ts/dao';
import { idParams, intParam } from '../common/int-param.js';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const params = idParams('context_id');
const tags = ['contexts'];

/**
 * Wazo still takes the deprecated `name` as the label when no label is given, on POST and PUT
 * alike; the label's checks then apply to it (`name: 123` is refused as a label would be).
 */
async function copyNameToLabel(request: { body: unknown }) {
  const body = request.body as Record<string, unknown> | null;
  if (body && typeof body === 'object' && body.label === undefined && body.name !== undefined)
    body.label = body.name;
}

export const contextsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'context',
  load({ api, resources }) {
    const { contexts, tenants } = resources.services;
    const visible = resources.visibleTenants;
    const itemScope = (request: Parameters<typeof scopingTenantOf>[0]) =>
      tenantScopeOf(request, visible, true);
    const idOf = (request: { params: { context_id: string } }) =>
      intParam(request.params.context_id, 'Context');

    api.get(
      '/contexts',
      {
        config: { acl: 'confd.contexts.read' },
        schema: {
          summary: 'List contexts',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.contexts),
          response: { 200: ListOf(contextSchema) },
        },
      },
      async (request) => {
        const { params: search, recurse } = parseListQuery(request.query);
        return contexts.search(await tenantScopeOf(request, visible, recurse), search);
      },
    );

    api.get(
      '/contexts/:context_id',
      {
        config: { acl: 'confd.contexts.{context_id}.read' },
        schema: { summary: 'Get context', tags, params, response: { 200: contextSchema } },
      },
      async (request) => contexts.get(await itemScope(request), idOf(request)),
    );

    api.post(
      '/contexts',
      {
        config: { acl: 'confd.contexts.create' },
        schema: {
          summary: 'Create context',
          tags,
          body: contextCreateSchema,
          response: { 201: contextSchema },
        },
        preValidation: copyNameToLabel,
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const context = await contexts.create(scopeOf(tenantUuid), tenantUuid, request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/contexts/${context.id}`))
          .send(context);
      },
    );

    api.put(
      '/contexts/:context_id',
      {
        config: { acl: 'confd.contexts.{context_id}.update' },
        schema: {
          summary: 'Update context',
          tags,
          params,
          body: contextEditSchema,
          response: { 204: NoContent },
        },
        preValidation: copyNameToLabel,
      },
      async (request, reply) => {
        await contexts.edit(await itemScope(request), idOf(request), request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/contexts/:context_id',
      {
        config: { acl: 'confd.contexts.{context_id}.delete' },
        schema: { summary: 'Delete context', tags, params, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await contexts.delete(await itemScope(request), idOf(request));
        return reply.code(204).send(null);
      },
    );
  },
};
