/** The call permissions resource (`/callpermissions`): list, read, create, edit, delete. */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent } from '@wazo-ts/daemon/schema';
import {
  callPermissionCreateSchema,
  callPermissionEditSchema,
  callPermissionSchema,
  scopeOf,
} from '@wazo-ts/dao';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { CallPermissionIdParams, callPermissionIdOf } from './call-permission-id.js';

const tags = ['callpermissions'];

export const callPermissionsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'call_permission',
  load({ api, resources }) {
    const { callPermissions, tenants } = resources.services;
    const visible = resources.visibleTenants;
    const itemScope = (request: Parameters<typeof scopingTenantOf>[0]) =>
      tenantScopeOf(request, visible, true);

    api.get(
      '/callpermissions',
      {
        config: { acl: 'confd.callpermissions.read' },
        schema: {
          summary: 'List call permissions',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.callpermissions),
          response: { 200: ListOf(callPermissionSchema) },
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query);
        return callPermissions.search(await tenantScopeOf(request, visible, recurse), params);
      },
    );

    api.get(
      '/callpermissions/:callpermission_id',
      {
        config: { acl: 'confd.callpermissions.{callpermission_id}.read' },
        schema: {
          summary: 'Get call permission',
          tags,
          params: CallPermissionIdParams,
          response: { 200: callPermissionSchema },
        },
      },
      async (request) =>
        callPermissions.get(await itemScope(request), callPermissionIdOf(request.params.callpermission_id)),
    );

    api.post(
      '/callpermissions',
      {
        config: { acl: 'confd.callpermissions.create' },
        schema: {
          summary: 'Create call permission',
          tags,
          body: callPermissionCreateSchema,
          response: { 201: callPermissionSchema },
        },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const permission = await callPermissions.create(scopeOf(tenantUuid), tenantUuid, request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/callpermissions/${permission.id}`))
          .send(permission);
      },
    );

    api.put(
      '/callpermissions/:callpermission_id',
      {
        config: { acl: 'confd.callpermissions.{callpermission_id}.update' },
        schema: {
          summary: 'Update call permission',
          tags,
          params: CallPermissionIdParams,
          body: callPermissionEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const id = callPermissionIdOf(request.params.callpermission_id);
        await callPermissions.edit(await itemScope(request), id, request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/callpermissions/:callpermission_id',
      {
        config: { acl: 'confd.callpermissions.{callpermission_id}.delete' },
        schema: {
          summary: 'Delete call permission',
          tags,
          params: CallPermissionIdParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await callPermissions.delete(
          await itemScope(request),
          callPermissionIdOf(request.params.callpermission_id),
        );
        return reply.code(204).send(null);
      },
    );
  },
};
