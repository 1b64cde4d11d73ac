/**
 * The devices resource: list, read, create, edit, delete, the unallocated devices and giving one
 * to a tenant, reset to autoprov and synchronize. As wazo-confd, an item is looked up in the
 * scoping tenant only (no sub-tenants); a list recurses on `recurse=true`.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import { deviceBodySchema, deviceSchema, scopeOf } from '@wazo-ts/dao';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

export const DeviceIdParams = Type.Object({ device_id: Type.String() });

export const devicesPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'device',
  load({ api, resources }) {
    const { devices, tenants } = resources.services;
    const own = (request: Parameters<typeof scopingTenantOf>[0]) => scopeOf(scopingTenantOf(request));
    const tags = ['devices'];
    const item = (summary: string, acl: string) => ({
      config: { acl },
      schema: { summary, tags, params: DeviceIdParams, response: { 204: NoContent } },
    });

    api.get(
      '/devices',
      {
        config: { acl: 'confd.devices.read' },
        schema: {
          summary: 'List devices',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.devices),
          response: { 200: ListOf(deviceSchema) },
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query);
        return devices.search(await tenantScopeOf(request, resources.visibleTenants, recurse), params);
      },
    );

    api.get(
      '/devices/unallocated',
      {
        config: { acl: 'confd.devices.unallocated.read' },
        schema: {
          summary: 'List unallocated devices',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.devices),
          response: { 200: ListOf(deviceSchema) },
        },
      },
      async (request) => devices.searchUnallocated(parseListQuery(request.query).params),
    );

    api.put(
      '/devices/unallocated/:device_id',
      item('Assign a tenant to an unallocated device', 'confd.devices.unallocated.{device_id}.update'),
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        await devices.assignTenant(tenantUuid, request.params.device_id);
        return reply.code(204).send(null);
      },
    );

    api.get(
      '/devices/:device_id',
      {
        config: { acl: 'confd.devices.{device_id}.read' },
        schema: { summary: 'Get device', tags, params: DeviceIdParams, response: { 200: deviceSchema } },
      },
      async (request) => devices.get(own(request), request.params.device_id),
    );

    api.post(
      '/devices',
      {
        config: { acl: 'confd.devices.create' },
        schema: { summary: 'Create device', tags, body: deviceBodySchema, response: { 201: deviceSchema } },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const device = await devices.create(tenantUuid, request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/devices/${device.id}`))
          .send(device);
      },
    );

    api.put(
      '/devices/:device_id',
      {
        config: { acl: 'confd.devices.{device_id}.update' },
        schema: {
          summary: 'Update device',
          tags,
          params: DeviceIdParams,
          body: deviceBodySchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await devices.edit(own(request), request.params.device_id, request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/devices/:device_id',
      item('Delete device', 'confd.devices.{device_id}.delete'),
      async (request, reply) => {
        await devices.delete(own(request), request.params.device_id);
        return reply.code(204).send(null);
      },
    );

    api.get(
      '/devices/:device_id/autoprov',
      item('Reset device to autoprov', 'confd.devices.{device_id}.autoprov.read'),
      async (request, reply) => {
        await devices.resetAutoprov(own(request), request.params.device_id);
        return reply.code(204).send(null);
      },
    );

    api.get(
      '/devices/:device_id/synchronize',
      item('Synchronize device', 'confd.devices.{device_id}.synchronize.read'),
      async (request, reply) => {
        await devices.synchronize(own(request), request.params.device_id);
        return reply.code(204).send(null);
      },
    );
  },
};
