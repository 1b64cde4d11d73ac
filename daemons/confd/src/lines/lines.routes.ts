/**
 * The lines resource, as the users exemplar: list, read, create, edit, delete. A line takes its
 * context's tenant, so a create looks the context up among the visible tenants; a delete first
 * dissociates the line's users.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import { lineCreatedSchema, lineCreateSchema, lineEditSchema, lineSchema } from '@wazo-ts/dao';
import { idParams, intParam } from '../common/int-param.js';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const params = idParams('line_id');
const tags = ['lines'];

export const linesPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'line',
  load({ api, resources }) {
    const { lines, endpointSccp, endpointCustom } = resources.services;
    const visible = resources.visibleTenants;
    const itemScope = (request: Parameters<typeof tenantScopeOf>[0]) => tenantScopeOf(request, visible, true);
    const idOf = (request: { params: { line_id: string } }) => intParam(request.params.line_id, 'Line');

    api.get(
      '/lines',
      {
        config: { acl: 'confd.lines.read' },
        schema: {
          summary: 'List lines',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.lines),
          response: { 200: ListOf(lineSchema) },
        },
      },
      async (request) => {
        const { params: search, recurse } = parseListQuery(request.query);
        return lines.search(await tenantScopeOf(request, visible, recurse), search);
      },
    );

    api.get(
      '/lines/:line_id',
      {
        config: { acl: 'confd.lines.{line_id}.read' },
        schema: { summary: 'Get line', tags, params, response: { 200: lineSchema } },
      },
      async (request) => lines.get(await itemScope(request), idOf(request)),
    );

    api.post(
      '/lines',
      {
        config: { acl: 'confd.lines.create' },
        schema: {
          summary: 'Create line',
          tags,
          body: lineCreateSchema,
          response: { 201: lineCreatedSchema },
        },
      },
      async (request, reply) => {
        const scope = await itemScope(request);
        const made = await lines.create(scope, request.body);
        // Wazo answers a new SCCP or custom endpoint whole.
        const line = {
          ...made,
          endpoint_sccp: made.endpoint_sccp && (await endpointSccp.get(scope, made.endpoint_sccp.id)),
          endpoint_custom: made.endpoint_custom && (await endpointCustom.get(scope, made.endpoint_custom.id)),
        };
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/lines/${line.id}`))
          .send(line);
      },
    );

    api.put(
      '/lines/:line_id',
      {
        config: { acl: 'confd.lines.{line_id}.update' },
        schema: { summary: 'Update line', tags, params, body: lineEditSchema, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await lines.edit(await itemScope(request), idOf(request), request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/lines/:line_id',
      {
        config: { acl: 'confd.lines.{line_id}.delete' },
        schema: {
          summary: 'Delete line',
          tags,
          params,
          querystring: Type.Object({ recursive: Type.Optional(Type.String()) }),
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const recursive = request.query.recursive?.toLowerCase() === 'true';
        await lines.delete(await itemScope(request), idOf(request), { recursive });
        return reply.code(204).send(null);
      },
    );
  },
};
