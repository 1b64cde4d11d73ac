/**
 * A line's SIP endpoint (`/lines/{id}/endpoints/sip/{uuid}`: PUT associates, DELETE dissociates,
 * both 204), and the SIP endpoint of a user's line as the user reads it
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

const lineEndpointParams = Type.Object({ line_id: Type.String(), endpoint_uuid: Type.String() });
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
    const ids = (request: { params: { line_id: string; endpoint_uuid: string } }) =>
      [intParam(request.params.line_id, 'Line'), request.params.endpoint_uuid] as const;

    api.put(
      '/lines/:line_id/endpoints/sip/:endpoint_uuid',
      {
        config: { acl: 'confd.lines.{line_id}.endpoints.sip.{endpoint_uuid}.update' },
        schema: {
          summary: 'Associate line and SIP endpoint',
          tags,
          params: lineEndpointParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await lineEndpoints.associateSip(await scope(request), ...ids(request));
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/lines/:line_id/endpoints/sip/:endpoint_uuid',
      {
        config: { acl: 'confd.lines.{line_id}.endpoints.sip.{endpoint_uuid}.delete' },
        schema: {
          summary: 'Dissociate line and SIP endpoint',
          tags,
          params: lineEndpointParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await lineEndpoints.dissociateSip(await scope(request), ...ids(request));
        return reply.code(204).send(null);
      },
    );

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
