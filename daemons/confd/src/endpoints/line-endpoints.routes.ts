/**
 * A line's endpoint (`/lines/{id}/endpoints/<sip|sccp|custom>/{key}`: PUT associates, DELETE
 * dissociates, both 204), and the SIP endpoint of a user's line as the user reads it
 * (`/users/{uuid}/lines/{id|main}/associated/endpoints/sip`, `view=merged` for what a softphone
 * registers with).
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent, Type } from '@wazo-ts/daemon/schema';
import { endpointSipSchema } from '@wazo-ts/dao';
import { intParam } from '../common/int-param.js';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { sipViewQuery } from './endpoint-sip.routes.js';

const associatedParams = Type.Object({
  user_uuid: Type.String(),
  line_id: Type.String({ description: 'The line id, or `main` for the main line' }),
});
const tags = ['lines', 'endpoints'];

export const lineEndpointsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'line_endpoint',
  load({ api, resources }) {
    const { lineEndpoints, userLineEndpointSip } = resources.services;
    const visible = resources.visibleTenants;
    const scope = (request: Parameters<typeof tenantScopeOf>[0]) => tenantScopeOf(request, visible, true);
    const kinds = [
      { protocol: 'sip', param: 'endpoint_uuid', noun: 'SIP', resource: 'SIPEndpoint' },
      { protocol: 'sccp', param: 'sccp_id', noun: 'SCCP', resource: 'SCCPEndpoint' },
      { protocol: 'custom', param: 'custom_id', noun: 'custom', resource: 'CustomEndpoint' },
    ] as const;

    for (const { protocol, param, noun, resource } of kinds) {
      const path = `/lines/:line_id/endpoints/${protocol}/:${param}`;
      const acl = `confd.lines.{line_id}.endpoints.${protocol}.{${param}}`;
      const params = Type.Object({ line_id: Type.String(), [param]: Type.String() });
      const ids = (request: { params: unknown }) => {
        const values = request.params as Record<string, string>;
        const key = values[param]!;
        // SCCP and custom endpoints are Wazo's `<int:...>`: anything else is their 404.
        return [
          intParam(values.line_id!, 'Line'),
          protocol === 'sip' ? key : intParam(key, resource),
        ] as const;
      };

      api.put(
        path,
        {
          config: { acl: `${acl}.update` },
          schema: {
            summary: `Associate line and ${noun} endpoint`,
            tags,
            params,
            response: { 204: NoContent },
          },
        },
        async (request, reply) => {
          const [lineId, key] = ids(request);
          await lineEndpoints.associate(await scope(request), lineId, protocol, key);
          return reply.code(204).send(null);
        },
      );

      api.delete(
        path,
        {
          config: { acl: `${acl}.delete` },
          schema: {
            summary: `Dissociate line and ${noun} endpoint`,
            tags,
            params,
            response: { 204: NoContent },
          },
        },
        async (request, reply) => {
          const [lineId, key] = ids(request);
          await lineEndpoints.dissociate(await scope(request), lineId, protocol, key);
          return reply.code(204).send(null);
        },
      );
    }

    api.get(
      '/users/:user_uuid/lines/:line_id/associated/endpoints/sip',
      {
        config: { acl: 'confd.users.{user_uuid}.lines.{line_id}.associated.endpoints.sip.read' },
        schema: {
          summary: "Get the SIP endpoint of a user's line",
          tags: ['users', 'lines', 'endpoints'],
          params: associatedParams,
          querystring: sipViewQuery,
          response: { 200: endpointSipSchema },
        },
      },
      async (request) => {
        const { user_uuid, line_id } = request.params;
        const line = line_id === 'main' ? 'main' : intParam(line_id, 'Line');
        return userLineEndpointSip(await scope(request), user_uuid, line, request.query.view === 'merged');
      },
    );
  },
};
