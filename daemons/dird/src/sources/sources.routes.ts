/**
 * The sources API: GET /sources across backends, and for every backend Wazo has
 * /backends/{backend}/sources[/{source_uuid}] with that backend's fields and ACLs. As Wazo's
 * code: POST answers 200 (its api.yml says 201), PUT and DELETE 204.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent } from '@wazo-ts/daemon/schema';
import type { FastifyRequest } from 'fastify';
import { BACKEND_NAMES } from '../backends/schemas.js';
import type { ListParams } from '../common/list.js';
import type { DirdConfig } from '../definition.js';
import type { DirdResources } from '../resources.js';
import {
  SourceParams,
  SummaryListQuery,
  SummaryListSchema,
  sourceBodySchema,
  sourceListQuery,
  sourceListSchema,
  sourceSchema,
} from './sources.schemas.js';

type Body = Record<string, unknown>;

export const sourcesPlugin: DaemonPlugin<DirdConfig, DirdResources> = {
  name: 'sources',
  load({ api, resources }) {
    const { sources } = resources.services;
    const { scopes } = resources;
    const listed = async (request: FastifyRequest) => {
      const params = request.query as ListParams;
      return { params, tenants: await scopes.visible(request, params.recurse === true) };
    };
    const uuidOf = (request: FastifyRequest) => (request.params as { source_uuid: string }).source_uuid;

    api.get(
      '/sources',
      {
        config: { acl: 'dird.sources.read' },
        schema: {
          summary: 'List the sources of every backend',
          tags: ['sources'],
          querystring: SummaryListQuery,
          response: { 200: SummaryListSchema },
        },
      },
      async (request) => {
        const { params, tenants } = await listed(request);
        return sources.summaries(tenants, params);
      },
    );

    for (const backend of BACKEND_NAMES) {
      const tags = ['configuration', backend];
      const acl = `dird.backends.${backend}.sources`;
      const item = sourceSchema(backend);
      api.get(
        `/backends/${backend}/sources`,
        {
          config: { acl: `${acl}.read` },
          schema: {
            summary: `List the ${backend} sources`,
            tags,
            querystring: sourceListQuery(backend),
            response: { 200: sourceListSchema(backend) },
          },
        },
        async (request) => {
          const { params, tenants } = await listed(request);
          return sources.list(backend, tenants, params);
        },
      );
      api.post(
        `/backends/${backend}/sources`,
        {
          config: { acl: `${acl}.create` },
          schema: {
            summary: `Create a ${backend} source`,
            tags,
            body: sourceBodySchema(backend),
            response: { 200: item },
          },
        },
        (request) => sources.create(backend, scopes.tenantOf(request), request.body as Body),
      );
      api.get(
        `/backends/${backend}/sources/:source_uuid`,
        {
          config: { acl: `${acl}.{source_uuid}.read` },
          schema: {
            summary: `Read a ${backend} source`,
            tags,
            params: SourceParams,
            response: { 200: item },
          },
        },
        async (request) => sources.get(backend, uuidOf(request), await scopes.visible(request, true)),
      );
      api.put(
        `/backends/${backend}/sources/:source_uuid`,
        {
          config: { acl: `${acl}.{source_uuid}.update` },
          schema: {
            summary: `Update a ${backend} source`,
            tags,
            params: SourceParams,
            body: sourceBodySchema(backend),
            response: { 204: NoContent },
          },
        },
        async (request, reply) => {
          await sources.edit(
            backend,
            uuidOf(request),
            await scopes.visible(request, true),
            request.body as Body,
          );
          return reply.code(204).send(null);
        },
      );
      api.delete(
        `/backends/${backend}/sources/:source_uuid`,
        {
          config: { acl: `${acl}.{source_uuid}.delete` },
          schema: {
            summary: `Delete a ${backend} source`,
            tags,
            params: SourceParams,
            response: { 204: NoContent },
          },
        },
        async (request, reply) => {
          await sources.delete(backend, uuidOf(request), await scopes.visible(request, true));
          return reply.code(204).send(null);
        },
      );
    }
  },
};
