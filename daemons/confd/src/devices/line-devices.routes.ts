/**
 * A line's device (`line_device`): `PUT`/`DELETE /lines/{line_id}/devices/{device_id}` (204, a
 * no-op when already so), `GET /lines/{line_id}/devices` (the line's, or 404) and
 * `GET /devices/{device_id}/lines`. The line is looked up in the caller's tenant and sub-tenants,
 * the device in the scoping tenant, as wazo-confd does.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import { lineDeviceSchema, scopeOf, type TenantScope } from '@wazo-ts/dao';
import { intParam } from '../common/int-param.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { DeviceIdParams } from './devices.routes.js';

const LineDeviceParams = Type.Object({ line_id: Type.String(), device_id: Type.String() });
const LineIdParams = Type.Object({ line_id: Type.String() });

export const lineDevicesPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'line_device',
  load({ api, resources }) {
    const { devices } = resources.services;
    const tags = ['lines', 'devices'];
    const wide = (request: Parameters<typeof scopingTenantOf>[0]) =>
      tenantScopeOf(request, resources.visibleTenants, true);
    const actions = [
      ['put', 'update', 'Associate line and device', devices.associateLine],
      ['delete', 'delete', 'Dissociate line and device', devices.dissociateLine],
    ] as const;
    for (const [method, acl, summary, action] of actions) {
      api[method](
        '/lines/:line_id/devices/:device_id',
        {
          config: { acl: `confd.lines.{line_id}.devices.{device_id}.${acl}` },
          schema: { summary, tags, params: LineDeviceParams, response: { 204: NoContent } },
        },
        async (request, reply) => {
          const { line_id, device_id } = request.params;
          await action(await wide(request), intParam(line_id, 'Line'), device_id);
          return reply.code(204).send(null);
        },
      );
    }

    api.get(
      '/lines/:line_id/devices',
      {
        config: { acl: 'confd.lines.{line_id}.devices.read' },
        schema: {
          summary: 'Get line device',
          tags,
          params: LineIdParams,
          response: { 200: lineDeviceSchema },
        },
      },
      async (request) => devices.lineDevice(await wide(request), intParam(request.params.line_id, 'Line')),
    );

    api.get(
      '/devices/:device_id/lines',
      {
        config: { acl: 'confd.devices.{device_id}.lines.read' },
        schema: {
          summary: 'List device lines',
          tags,
          params: DeviceIdParams,
          response: { 200: ListOf(lineDeviceSchema) },
        },
      },
      async (request) => {
        const scope: TenantScope = scopeOf(scopingTenantOf(request));
        const items = await devices.deviceLines(scope, request.params.device_id);
        return { total: items.length, items };
      },
    );
  },
};
