/**
 * PJSIP transports (`/sip/transports`): shared by every tenant, so any tenant with the ACL reads
 * them and only the master tenant creates, edits or deletes them (Wazo's `required_master_tenant`,
 * 401 otherwise). A delete takes `fallback`, the transport that the deleted one's endpoints move
 * to; without it, a transport in use is refused.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import { sipTransportCreateSchema, sipTransportEditSchema, sipTransportSchema } from '@wazo-ts/dao';
import type { FastifyRequest } from 'fastify';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { checkMasterTenant } from '../common/master-tenant.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const tags = ['sip'];
const params = Type.Object({ transport_uuid: Type.String() });
const deleteQuery = Type.Object({ fallback: Type.Optional(Type.String({ format: 'uuid' })) });

export const sipTransportsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'sip_transports',
  load({ api, resources, serviceToken }) {
    const { sipTransports } = resources.services;
    const master = (request: FastifyRequest) => checkMasterTenant(request, serviceToken ?? null);

    api.get(
      '/sip/transports',
      {
        config: { acl: 'confd.sip.transports.read' },
        schema: {
          summary: 'List SIP transports',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.sipTransports),
          response: { 200: ListOf(sipTransportSchema) },
        },
      },
      async (request) => sipTransports.search(parseListQuery(request.query).params),
    );

    api.get(
      '/sip/transports/:transport_uuid',
      {
        config: { acl: 'confd.sip.transports.{transport_uuid}.read' },
        schema: { summary: 'Get SIP transport', tags, params, response: { 200: sipTransportSchema } },
      },
      async (request) => sipTransports.get(request.params.transport_uuid),
    );

    api.post(
      '/sip/transports',
      {
        config: { acl: 'confd.sip.transports.create' },
        schema: {
          summary: 'Create SIP transport',
          tags,
          body: sipTransportCreateSchema,
          response: { 201: sipTransportSchema },
        },
      },
      async (request, reply) => {
        master(request);
        const transport = await sipTransports.create(request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/sip/transports/${transport.uuid}`))
          .send(transport);
      },
    );

    api.put(
      '/sip/transports/:transport_uuid',
      {
        config: { acl: 'confd.sip.transports.{transport_uuid}.update' },
        schema: {
          summary: 'Update SIP transport',
          tags,
          params,
          body: sipTransportEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        master(request);
        await sipTransports.edit(request.params.transport_uuid, request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/sip/transports/:transport_uuid',
      {
        config: { acl: 'confd.sip.transports.{transport_uuid}.delete' },
        schema: {
          summary: 'Delete SIP transport',
          tags,
          params,
          querystring: deleteQuery,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        master(request);
        await sipTransports.delete(request.params.transport_uuid, request.query.fallback ?? null);
        return reply.code(204).send(null);
      },
    );
  },
};
