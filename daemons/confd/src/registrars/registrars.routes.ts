/**
 * The registrars (`/registrars`): list, read, create, edit, delete, for the master tenant only
 * (any other token is 401, as Wazo's `required_master_tenant`). ACLs are Wazo's
 * `confd.registrars.*`; events `registrar_created|edited|deleted`.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import { registrarCreateSchema, registrarEditSchema, registrarSchema } from '@wazo-ts/dao';
import type { FastifyRequest } from 'fastify';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { checkMasterTenant } from '../common/master-tenant.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const params = Type.Object({ registrar_id: Type.String() });
const tags = ['registrars'];

export const registrarsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'registrar',
  load({ api, resources, serviceToken }) {
    const { registrars } = resources.services;
    const master = (request: FastifyRequest) => checkMasterTenant(request, serviceToken ?? null);

    api.get(
      '/registrars',
      {
        config: { acl: 'confd.registrars.read' },
        schema: {
          summary: 'List registrars',
          tags,
          querystring: listQuerySchema(),
          response: { 200: ListOf(registrarSchema) },
        },
      },
      async (request) => {
        master(request);
        return registrars.search(parseListQuery(request.query).params);
      },
    );

    api.get(
      '/registrars/:registrar_id',
      {
        config: { acl: 'confd.registrars.{registrar_id}.read' },
        schema: { summary: 'Get registrar', tags, params, response: { 200: registrarSchema } },
      },
      async (request) => {
        master(request);
        return registrars.get(request.params.registrar_id);
      },
    );

    api.post(
      '/registrars',
      {
        config: { acl: 'confd.registrars.create' },
        schema: {
          summary: 'Create registrar',
          tags,
          body: registrarCreateSchema,
          response: { 201: registrarSchema },
        },
      },
      async (request, reply) => {
        master(request);
        const registrar = await registrars.create(request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/registrars/${registrar.id}`))
          .send(registrar);
      },
    );

    api.put(
      '/registrars/:registrar_id',
      {
        config: { acl: 'confd.registrars.{registrar_id}.update' },
        schema: {
          summary: 'Update registrar',
          tags,
          params,
          body: registrarEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        master(request);
        await registrars.edit(request.params.registrar_id, request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/registrars/:registrar_id',
      {
        config: { acl: 'confd.registrars.{registrar_id}.delete' },
        schema: { summary: 'Delete registrar', tags, params, response: { 204: NoContent } },
      },
      async (request, reply) => {
        master(request);
        await registrars.delete(request.params.registrar_id);
        return reply.code(204).send(null);
      },
    );
  },
};
