/**
 * The switchboards resource (`/switchboards`, Wazo's `switchboard`, keyed by uuid): list, read,
 * create, edit, delete; then a switchboard's operators (`PUT .../members/users`) and its
 * no-answer fallback (`GET`/`PUT .../fallbacks`). Items are looked up in the caller's tenant and
 * its visible sub-tenants; anything that is not one of them (not a uuid too) is Wazo's 404.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import {
  scopeOf,
  switchboardCreateSchema,
  switchboardEditSchema,
  switchboardFallbacksInputSchema,
  switchboardFallbacksSchema,
  switchboardMemberUsersSchema,
  switchboardSchema,
} from '@wazo-ts/dao';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const SwitchboardParams = Type.Object({ switchboard_uuid: Type.String() });
const tags = ['switchboards'];

export const switchboardsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'switchboard',
  load({ api, resources }) {
    const { switchboards, tenants } = resources.services;
    const visible = resources.visibleTenants;
    const itemScope = (request: Parameters<typeof tenantScopeOf>[0]) => tenantScopeOf(request, visible, true);

    api.get(
      '/switchboards',
      {
        config: { acl: 'confd.switchboards.read' },
        schema: {
          summary: 'List switchboards',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.switchboards),
          response: { 200: ListOf(switchboardSchema) },
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query);
        return switchboards.search(await tenantScopeOf(request, visible, recurse), params);
      },
    );

    api.get(
      '/switchboards/:switchboard_uuid',
      {
        config: { acl: 'confd.switchboards.{switchboard_uuid}.read' },
        schema: {
          summary: 'Get a switchboard',
          tags,
          params: SwitchboardParams,
          response: { 200: switchboardSchema },
        },
      },
      async (request) => switchboards.get(await itemScope(request), request.params.switchboard_uuid),
    );

    api.post(
      '/switchboards',
      {
        config: { acl: 'confd.switchboards.create' },
        schema: {
          summary: 'Create a switchboard',
          tags,
          body: switchboardCreateSchema,
          response: { 201: switchboardSchema },
        },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const switchboard = await switchboards.create(scopeOf(tenantUuid), tenantUuid, request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/switchboards/${switchboard.uuid}`))
          .send(switchboard);
      },
    );

    api.put(
      '/switchboards/:switchboard_uuid',
      {
        config: { acl: 'confd.switchboards.{switchboard_uuid}.update' },
        schema: {
          summary: 'Update a switchboard',
          tags,
          params: SwitchboardParams,
          body: switchboardEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await switchboards.edit(await itemScope(request), request.params.switchboard_uuid, request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/switchboards/:switchboard_uuid',
      {
        config: { acl: 'confd.switchboards.{switchboard_uuid}.delete' },
        schema: {
          summary: 'Delete a switchboard',
          tags,
          params: SwitchboardParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await switchboards.delete(await itemScope(request), request.params.switchboard_uuid);
        return reply.code(204).send(null);
      },
    );
  },
};

/** `PUT /switchboards/{uuid}/members/users` (`{users: [{uuid}]}`): the operators become these, 204. */
export const switchboardMembersPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'switchboard_member',
  load({ api, resources }) {
    const { switchboards } = resources.services;
    api.put(
      '/switchboards/:switchboard_uuid/members/users',
      {
        config: { acl: 'confd.switchboards.{switchboard_uuid}.members.users.update' },
        schema: {
          summary: 'Update switchboard and members',
          tags: [...tags, 'users'],
          params: SwitchboardParams,
          body: switchboardMemberUsersSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const scope = await tenantScopeOf(request, resources.visibleTenants, true);
        await switchboards.associateMembers(scope, request.params.switchboard_uuid, request.body.users);
        return reply.code(204).send(null);
      },
    );
  },
};

/** `GET`/`PUT /switchboards/{uuid}/fallbacks`: the no-answer destination (PUT replaces it, 204). */
export const switchboardFallbacksPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'switchboard_fallback',
  load({ api, resources }) {
    const { switchboards } = resources.services;
    const scopeOfRequest = (request: Parameters<typeof tenantScopeOf>[0]) =>
      tenantScopeOf(request, resources.visibleTenants, true);
    const fallbackTags = [...tags, 'fallbacks'];

    api.get(
      '/switchboards/:switchboard_uuid/fallbacks',
      {
        config: { acl: 'confd.switchboards.{switchboard_uuid}.fallbacks.read' },
        schema: {
          summary: 'List all fallbacks for switchboard',
          tags: fallbackTags,
          params: SwitchboardParams,
          response: { 200: switchboardFallbacksSchema },
        },
      },
      async (request) =>
        switchboards.getFallbacks(await scopeOfRequest(request), request.params.switchboard_uuid),
    );

    api.put(
      '/switchboards/:switchboard_uuid/fallbacks',
      {
        config: { acl: 'confd.switchboards.{switchboard_uuid}.fallbacks.update' },
        schema: {
          summary: 'Update switchboard fallbacks',
          tags: fallbackTags,
          params: SwitchboardParams,
          body: switchboardFallbacksInputSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const scope = await scopeOfRequest(request);
        await switchboards.updateFallbacks(scope, request.params.switchboard_uuid, request.body);
        return reply.code(204).send(null);
      },
    );
  },
};
