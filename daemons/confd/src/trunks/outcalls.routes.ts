/**
 * The outcalls resource (`/outcalls`, Wazo's `outcall` plugin: list, read, create, edit,
 * delete), an outcall's trunks (`outcall_trunk`: `PUT /outcalls/{outcall_id}/trunks`, the whole ordered
 * list), its extensions (`outcall_extension`: `PUT|DELETE /outcalls/{outcall_id}/extensions/{extension_id}`), its
 * schedule (`outcall_schedule`) and its call permissions (`outcall_call_permission`).
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import {
  outcallCreateSchema,
  outcallEditSchema,
  outcallExtensionBodySchema,
  outcallSchema,
  outcallTrunksSchema,
  scopeOf,
} from '@wazo-ts/dao';
import { callPermissionIdOf } from '../call-permissions/call-permission-id.js';
import { idParams, intParam } from '../common/int-param.js';
import { linkRoutesPlugin } from '../common/link-routes.js';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { outcallIdOf } from './trunk-id.js';

const tags = ['outcalls'];
const OutcallIdParams = idParams('outcall_id');

export const outcallsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'outcall',
  load({ api, resources }) {
    const { outcalls, tenants } = resources.services;
    const visible = resources.visibleTenants;
    const itemScope = (request: Parameters<typeof scopingTenantOf>[0]) =>
      tenantScopeOf(request, visible, true);

    api.get(
      '/outcalls',
      {
        config: { acl: 'confd.outcalls.read' },
        schema: {
          summary: 'List outgoing calls',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.outcalls),
          response: { 200: ListOf(outcallSchema) },
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query);
        return outcalls.search(await tenantScopeOf(request, visible, recurse), params);
      },
    );

    api.get(
      '/outcalls/:outcall_id',
      {
        config: { acl: 'confd.outcalls.{outcall_id}.read' },
        schema: {
          summary: 'Get outgoing call',
          tags,
          params: OutcallIdParams,
          response: { 200: outcallSchema },
        },
      },
      async (request) => outcalls.get(await itemScope(request), outcallIdOf(request.params.outcall_id)),
    );

    api.post(
      '/outcalls',
      {
        config: { acl: 'confd.outcalls.create' },
        schema: {
          summary: 'Create outgoing call',
          tags,
          body: outcallCreateSchema,
          response: { 201: outcallSchema },
        },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const outcall = await outcalls.create(scopeOf(tenantUuid), tenantUuid, request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/outcalls/${outcall.id}`))
          .send(outcall);
      },
    );

    api.put(
      '/outcalls/:outcall_id',
      {
        config: { acl: 'confd.outcalls.{outcall_id}.update' },
        schema: {
          summary: 'Update outgoing call',
          tags,
          params: OutcallIdParams,
          body: outcallEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await outcalls.edit(await itemScope(request), outcallIdOf(request.params.outcall_id), request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/outcalls/:outcall_id',
      {
        config: { acl: 'confd.outcalls.{outcall_id}.delete' },
        schema: {
          summary: 'Delete outgoing call',
          tags,
          params: OutcallIdParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await outcalls.delete(await itemScope(request), outcallIdOf(request.params.outcall_id));
        return reply.code(204).send(null);
      },
    );
  },
};

export const outcallTrunksPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'outcall_trunk',
  load({ api, resources }) {
    const { outcalls } = resources.services;
    const visible = resources.visibleTenants;
    api.put(
      '/outcalls/:outcall_id/trunks',
      {
        config: { acl: 'confd.outcalls.{outcall_id}.trunks.update' },
        schema: {
          summary: 'Associate outgoing call and trunks',
          tags: ['outcalls', 'trunks'],
          params: idParams('outcall_id'),
          body: outcallTrunksSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const scope = await tenantScopeOf(request, visible, true);
        await outcalls.associateTrunks(scope, outcallIdOf(request.params.outcall_id), request.body.trunks);
        return reply.code(204).send(null);
      },
    );
  },
};

export const outcallExtensionsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'outcall_extension',
  load({ api, resources }) {
    const { outcalls } = resources.services;
    const visible = resources.visibleTenants;
    const path = '/outcalls/:outcall_id/extensions/:extension_id';
    const acl = 'confd.outcalls.{outcall_id}.extensions.{extension_id}';
    const params = Type.Object({ outcall_id: Type.String(), extension_id: Type.String() });
    const ids = (values: { outcall_id: string; extension_id: string }) =>
      [outcallIdOf(values.outcall_id), intParam(values.extension_id, 'Extension')] as const;

    api.put(
      path,
      {
        config: { acl: `${acl}.update` },
        schema: {
          summary: 'Associate outgoing call and extension',
          tags: ['outcalls', 'extensions'],
          params,
          body: outcallExtensionBodySchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const [outcallId, extensionId] = ids(request.params);
        const scope = await tenantScopeOf(request, visible, true);
        await outcalls.associateExtension(scope, outcallId, extensionId, request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      path,
      {
        config: { acl: `${acl}.delete` },
        schema: {
          summary: 'Dissociate outgoing call and extension',
          tags: ['outcalls', 'extensions'],
          params,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const [outcallId, extensionId] = ids(request.params);
        await outcalls.dissociateExtension(
          await tenantScopeOf(request, visible, true),
          outcallId,
          extensionId,
        );
        return reply.code(204).send(null);
      },
    );
  },
};

const outcallOwner = {
  collection: 'outcalls',
  param: 'outcall_id',
  description: 'The outgoing call id',
  word: 'outgoing call',
  keyOf: outcallIdOf,
};

export const outcallSchedulesPlugin = linkRoutesPlugin({
  name: 'outcall_schedule',
  owner: outcallOwner,
  resource: {
    collection: 'schedules',
    param: 'schedule_id',
    description: 'The schedule id',
    word: 'schedule',
    keyOf: (raw: string) => intParam(raw, 'Schedule'),
  },
  tags: ['outcalls', 'schedules'],
  service: (services) => services.outcallSchedules,
});

export const outcallCallPermissionsPlugin = linkRoutesPlugin({
  name: 'outcall_call_permission',
  owner: outcallOwner,
  resource: {
    collection: 'callpermissions',
    param: 'callpermission_id',
    description: 'The call permission id',
    word: 'call permission',
    keyOf: callPermissionIdOf,
  },
  tags: ['outcalls', 'callpermissions'],
  service: (services) => services.outcallCallPermissions,
});
