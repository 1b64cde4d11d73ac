/**
 * IAX registrations (`/registers/iax`, Wazo's `register_iax` plugin: list, read, create, edit,
 * delete; platform-wide, no tenant) and a trunk's registration (`trunk_register`:
 * `PUT|DELETE /trunks/{trunk_id}/registers/iax/{register_iax_id}`, 204, a no-op when already so).
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import { registerIaxCreateSchema, registerIaxEditSchema, registerIaxSchema } from '@wazo-ts/dao';
import { idParams, intParam } from '../common/int-param.js';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { trunkIdOf } from './trunk-id.js';

const tags = ['registers'];
const RegisterIdParams = idParams('register_iax_id');
const registerIdOf = (raw: string) => intParam(raw, 'IAXRegister');

export const registersIaxPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'register_iax',
  load({ api, resources }) {
    const { registersIax } = resources.services;

    api.get(
      '/registers/iax',
      {
        config: { acl: 'confd.registers.iax.read' },
        schema: {
          summary: 'List IAX registers',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.registersIax),
          response: { 200: ListOf(registerIaxSchema) },
        },
      },
      async (request) => registersIax.search(parseListQuery(request.query).params),
    );

    api.get(
      '/registers/iax/:register_iax_id',
      {
        config: { acl: 'confd.registers.iax.{register_iax_id}.read' },
        schema: {
          summary: 'Get IAX register',
          tags,
          params: RegisterIdParams,
          response: { 200: registerIaxSchema },
        },
      },
      async (request) => registersIax.get(registerIdOf(request.params.register_iax_id)),
    );

    api.post(
      '/registers/iax',
      {
        config: { acl: 'confd.registers.iax.create' },
        schema: {
          summary: 'Create IAX register',
          tags,
          body: registerIaxCreateSchema,
          response: { 201: registerIaxSchema },
        },
      },
      async (request, reply) => {
        const register = await registersIax.create(request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/registers/iax/${register.id}`))
          .send(register);
      },
    );

    api.put(
      '/registers/iax/:register_iax_id',
      {
        config: { acl: 'confd.registers.iax.{register_iax_id}.update' },
        schema: {
          summary: 'Update IAX register',
          tags,
          params: RegisterIdParams,
          body: registerIaxEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await registersIax.edit(registerIdOf(request.params.register_iax_id), request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/registers/iax/:register_iax_id',
      {
        config: { acl: 'confd.registers.iax.{register_iax_id}.delete' },
        schema: {
          summary: 'Delete IAX register',
          tags,
          params: RegisterIdParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await registersIax.delete(registerIdOf(request.params.register_iax_id));
        return reply.code(204).send(null);
      },
    );
  },
};

export const trunkRegistersPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'trunk_register',
  load({ api, resources }) {
    const { trunks } = resources.services;
    const visible = resources.visibleTenants;
    const path = '/trunks/:trunk_id/registers/iax/:register_iax_id';
    const acl = 'confd.trunks.{trunk_id}.registers.iax.{register_iax_id}';
    const params = Type.Object({ trunk_id: Type.String(), register_iax_id: Type.String() });
    const actions = [
      { method: 'put', verb: 'Associate', suffix: 'update', call: trunks.associateRegister },
      { method: 'delete', verb: 'Dissociate', suffix: 'delete', call: trunks.dissociateRegister },
    ] as const;
    for (const action of actions) {
      api[action.method](
        path,
        {
          config: { acl: `${acl}.${action.suffix}` },
          schema: {
            summary: `${action.verb} trunk and IAX register`,
            tags: ['trunks', 'registers'],
            params,
            response: { 204: NoContent },
          },
        },
        async (request, reply) => {
          const values = request.params as { trunk_id: string; register_iax_id: string };
          const scope = await tenantScopeOf(request, visible, true);
          await action.call(scope, trunkIdOf(values.trunk_id), registerIdOf(values.register_iax_id));
          return reply.code(204).send(null);
        },
      );
    }
  },
};
