/**
 * The feature extensions (`extension_feature`, `/extensions/features`): the system's star codes,
 * listed, read and edited (`exten`, `enabled`) by the master tenant only (401 otherwise). ACLs
 * are Wazo's `confd.extensions.features.*`; an id that is not a known uuid is a 404.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import { featureExtensionEditSchema, featureExtensionSchema } from '@wazo-ts/dao';
import type { FastifyRequest } from 'fastify';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { checkMasterTenant } from '../common/master-tenant.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const params = Type.Object({ uuid: Type.String({ description: "The feature extension's uuid" }) });
const tags = ['extensions'];

export const extensionFeaturesPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'extension_feature',
  load({ api, resources, serviceToken }) {
    const { featureExtensions } = resources.services;
    const master = (request: FastifyRequest) => checkMasterTenant(request, serviceToken ?? null);

    api.get(
      '/extensions/features',
      {
        config: { acl: 'confd.extensions.features.read' },
        schema: {
          summary: 'List extensions features',
          tags,
          querystring: listQuerySchema(),
          response: { 200: ListOf(featureExtensionSchema) },
        },
      },
      async (request) => {
        master(request);
        return featureExtensions.search(parseListQuery(request.query).params);
      },
    );

    api.get(
      '/extensions/features/:uuid',
      {
        config: { acl: 'confd.extensions.features.{uuid}.read' },
        schema: { summary: 'Get extension feature', tags, params, response: { 200: featureExtensionSchema } },
      },
      async (request) => {
        master(request);
        return featureExtensions.get(request.params.uuid);
      },
    );

    api.put(
      '/extensions/features/:uuid',
      {
        config: { acl: 'confd.extensions.features.{uuid}.update' },
        schema: {
          summary: 'Update extension feature',
          tags,
          params,
          body: featureExtensionEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        master(request);
        await featureExtensions.edit(request.params.uuid, request.body);
        return reply.code(204).send(null);
      },
    );
  },
};
