/**
 * The access features (`/access_features`): list, read, create, edit, delete, for the master
 * tenant only (401 otherwise). ACLs are Wazo's `confd.access_features.*`; a non-numeric id is a
 * 404, as Wazo's `<int:id>` route.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent } from '@wazo-ts/daemon/schema';
import { accessFeatureCreateSchema, accessFeatureEditSchema, accessFeatureSchema } from '@wazo-ts/dao';
import type { FastifyRequest } from 'fastify';
import { idParams, intParam } from '../common/int-param.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { checkMasterTenant } from '../common/master-tenant.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const params = idParams('access_feature_id');
const tags = ['access_features'];
const idOf = (request: FastifyRequest) =>
  intParam((request.params as { access_feature_id: string }).access_feature_id, 'AccessFeatures');

export const accessFeaturesPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'access_feature',
  load({ api, resources, serviceToken }) {
    const { accessFeatures } = resources.services;
    const master = (request: FastifyRequest) => checkMasterTenant(request, serviceToken ?? null);

    api.get(
      '/access_features',
      {
        config: { acl: 'confd.access_features.read' },
        schema: {
          summary: 'List access features',
          tags,
          querystring: listQuerySchema(),
          response: { 200: ListOf(accessFeatureSchema) },
        },
      },
      async (request) => {
        master(request);
        return accessFeatures.search(parseListQuery(request.query).params);
      },
    );

    api.get(
      '/access_features/:access_feature_id',
      {
        config: { acl: 'confd.access_features.{access_feature_id}.read' },
        schema: { summary: 'Get access feature', tags, params, response: { 200: accessFeatureSchema } },
      },
      async (request) => {
        master(request);
        return accessFeatures.get(idOf(request));
      },
    );

    api.post(
      '/access_features',
      {
        config: { acl: 'confd.access_features.create' },
        schema: {
          summary: 'Create access feature',
          tags,
          body: accessFeatureCreateSchema,
          response: { 201: accessFeatureSchema },
        },
      },
      async (request, reply) => {
        master(request);
        const feature = await accessFeatures.create(request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/access_features/${feature.id}`))
          .send(feature);
      },
    );

    api.put(
      '/access_features/:access_feature_id',
      {
        config: { acl: 'confd.access_features.{access_feature_id}.update' },
        schema: {
          summary: 'Update access feature',
          tags,
          params,
          body: accessFeatureEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        master(request);
        await accessFeatures.edit(idOf(request), request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/access_features/:access_feature_id',
      {
        config: { acl: 'confd.access_features.{access_feature_id}.delete' },
        schema: { summary: 'Delete access feature', tags, params, response: { 204: NoContent } },
      },
      async (request, reply) => {
        master(request);
        await accessFeatures.delete(idOf(request));
        return reply.code(204).send(null);
      },
    );
  },
};
