/**
 * The trunks resource (`/trunks`, Wazo's `trunk` plugin: list, read, create, edit, delete) and a
 * trunk's endpoint (`trunk_endpoint`: `PUT|DELETE /trunks/{trunk_id}/endpoints/<sip|iax|custom>/{key}`,
 * both 204 and a no-op when already so).
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import { scopeOf, trunkCreateSchema, trunkEditSchema, trunkSchema } from '@wazo-ts/dao';
import { idParams, intParam } from '../common/int-param.js';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { trunkIdOf } from './trunk-id.js';

const tags = ['trunks'];
const TrunkIdParams = idParams('trunk_id');

export const trunksPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'trunk',
  load({ api, resources }) {
    const { trunks, tenants } = resources.services;
    const visible = resources.visibleTenants;
    const itemScope = (request: Parameters<typeof scopingTenantOf>[0]) =>
      tenantScopeOf(request, visible, true);

    api.get(
      '/trunks',
      {
        config: { acl: 'confd.trunks.read' },
        schema: {
          summary: 'List trunks',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.trunks),
          response: { 200: ListOf(trunkSchema) },
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query);
        return trunks.search(await tenantScopeOf(request, visible, recurse), params);
      },
    );

    api.get(
      '/trunks/:trunk_id',
      {
        config: { acl: 'confd.trunks.{trunk_id}.read' },
        schema: { summary: 'Get trunk', tags, params: TrunkIdParams, response: { 200: trunkSchema } },
      },
      async (request) => trunks.get(await itemScope(request), trunkIdOf(request.params.trunk_id)),
    );

    api.post(
      '/trunks',
      {
        config: { acl: 'confd.trunks.create' },
        schema: { summary: 'Create trunk', tags, body: trunkCreateSchema, response: { 201: trunkSchema } },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const trunk = await trunks.create(scopeOf(tenantUuid), tenantUuid, request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/trunks/${trunk.id}`))
          .send(trunk);
      },
    );

    api.put(
      '/trunks/:trunk_id',
      {
        config: { acl: 'confd.trunks.{trunk_id}.update' },
        schema: {
          summary: 'Update trunk',
          tags,
          params: TrunkIdParams,
          body: trunkEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await trunks.edit(await itemScope(request), trunkIdOf(request.params.trunk_id), request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/trunks/:trunk_id',
      {
        config: { acl: 'confd.trunks.{trunk_id}.delete' },
        schema: { summary: 'Delete trunk', tags, params: TrunkIdParams, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await trunks.delete(await itemScope(request), trunkIdOf(request.params.trunk_id));
        return reply.code(204).send(null);
      },
    );
  },
};

export const trunkEndpointsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'trunk_endpoint',
  load({ api, resources }) {
    const { trunks } = resources.services;
    const visible = resources.visibleTenants;
    const kinds = [
      { protocol: 'sip', param: 'sip_uuid', noun: 'SIP', resource: 'SIPEndpoint' },
      { protocol: 'iax', param: 'iax_id', noun: 'IAX', resource: 'IAXEndpoint' },
      { protocol: 'custom', param: 'custom_id', noun: 'custom', resource: 'CustomEndpoint' },
    ] as const;

    for (const { protocol, param, noun, resource } of kinds) {
      const path = `/trunks/:trunk_id/endpoints/${protocol}/:${param}`;
      const acl = `confd.trunks.{trunk_id}.endpoints.${protocol}.{${param}}`;
      const params = Type.Object({ trunk_id: Type.String(), [param]: Type.String() });
      const ids = (request: { params: unknown }) => {
        const values = request.params as Record<string, string>;
        const key = values[param]!;
        // IAX and custom endpoints are Wazo's `<int:...>`: anything else is their 404.
        return [trunkIdOf(values.trunk_id!), protocol === 'sip' ? key : intParam(key, resource)] as const;
      };
      const actions = [
        { method: 'put', verb: 'Associate', suffix: 'update', call: trunks.associateEndpoint },
        { method: 'delete', verb: 'Dissociate', suffix: 'delete', call: trunks.dissociateEndpoint },
      ] as const;
      for (const action of actions) {
        api[action.method](
          path,
          {
            config: { acl: `${acl}.${action.suffix}` },
            schema: {
              summary: `${action.verb} trunk and ${noun} endpoint`,
              tags: ['trunks', 'endpoints'],
              params,
              response: { 204: NoContent },
            },
          },
          async (request, reply) => {
            const [trunkId, key] = ids(request);
            await action.call(await tenantScopeOf(request, visible, true), trunkId, protocol, key);
            return reply.code(204).send(null);
          },
        );
      }
    }
  },
};
