/**
 * The groups resource: list, read (by id or uuid), create, edit, delete. Shaped as the users
 * exemplar; the Location of a created group names it by uuid, as Wazo's confd does.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent } from '@wazo-ts/daemon/schema';
import { groupCreateSchema, groupEditSchema, groupSchema, scopeOf } from '@wazo-ts/dao';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { GroupIdParams, groupKeyOf } from './group-key.js';

export const groupsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'group',
  load({ api, resources }) {
    const { groups, tenants } = resources.services;
    const visible = resources.visibleTenants;
    const itemScope = (request: Parameters<typeof scopingTenantOf>[0]) =>
      tenantScopeOf(request, visible, true);

    api.get(
      '/groups',
      {
        config: { acl: 'confd.groups.read' },
        schema: {
          summary: 'List groups',
          tags: ['groups'],
          querystring: listQuerySchema(LIST_FILTERS.groups),
          response: { 200: ListOf(groupSchema) },
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query);
        return groups.search(await tenantScopeOf(request, visible, recurse), params);
      },
    );

    api.get(
      '/groups/:group_id',
      {
        config: { acl: 'confd.groups.{group_id}.read' },
        schema: {
          summary: 'Get group',
          tags: ['groups'],
          params: GroupIdParams,
          response: { 200: groupSchema },
        },
      },
      async (request) => groups.get(await itemScope(request), groupKeyOf(request.params.group_id)),
    );

    api.post(
      '/groups',
      {
        config: { acl: 'confd.groups.create' },
        schema: {
          summary: 'Create group',
          tags: ['groups'],
          body: groupCreateSchema,
          response: { 201: groupSchema },
        },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const group = await groups.create(scopeOf(tenantUuid), tenantUuid, request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/groups/${group.uuid}`))
          .send(group);
      },
    );

    api.put(
      '/groups/:group_id',
      {
        config: { acl: 'confd.groups.{group_id}.update' },
        schema: {
          summary: 'Update group',
          tags: ['groups'],
          params: GroupIdParams,
          body: groupEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        // Wazo's quirk, kept for its clients: a PUT without ignore_forward sets it to false.
        const body = { ...request.body, ignore_forward: request.body.ignore_forward ?? false };
        await groups.edit(await itemScope(request), groupKeyOf(request.params.group_id), body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/groups/:group_id',
      {
        config: { acl: 'confd.groups.{group_id}.delete' },
        schema: {
          summary: 'Delete group',
          tags: ['groups'],
          params: GroupIdParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await groups.delete(await itemScope(request), groupKeyOf(request.params.group_id));
        return reply.code(204).send(null);
      },
    );
  },
};
