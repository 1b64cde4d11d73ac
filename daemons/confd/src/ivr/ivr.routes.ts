/** The IVR resource (`/ivr`, Wazo's `ivr` plugin): list, read, create, edit, delete. */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent } from '@wazo-ts/daemon/schema';
import { ivrCreateSchema, ivrEditSchema, ivrSchema, scopeOf } from '@wazo-ts/dao';
import { idParams, intParam } from '../common/int-param.js';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const tags = ['ivr'];
const IvrIdParams = idParams('ivr_id');
const ivrIdOf = (raw: string): number => intParam(raw, 'IVR');

export const ivrPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'ivr',
  load({ api, resources }) {
    const { ivr, tenants } = resources.services;
    const visible = resources.visibleTenants;
    const itemScope = (request: Parameters<typeof scopingTenantOf>[0]) =>
      tenantScopeOf(request, visible, true);

    api.get(
      '/ivr',
      {
        config: { acl: 'confd.ivr.read' },
        schema: {
          summary: 'List IVR',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.ivr),
          response: { 200: ListOf(ivrSchema) },
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query);
        return ivr.search(await tenantScopeOf(request, visible, recurse), params);
      },
    );

    api.get(
      '/ivr/:ivr_id',
      {
        config: { acl: 'confd.ivr.{ivr_id}.read' },
        schema: { summary: 'Get IVR', tags, params: IvrIdParams, response: { 200: ivrSchema } },
      },
      async (request) => ivr.get(await itemScope(request), ivrIdOf(request.params.ivr_id)),
    );

    api.post(
      '/ivr',
      {
        config: { acl: 'confd.ivr.create' },
        schema: { summary: 'Create IVR', tags, body: ivrCreateSchema, response: { 201: ivrSchema } },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const created = await ivr.create(scopeOf(tenantUuid), tenantUuid, request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/ivr/${created.id}`))
          .send(created);
      },
    );

    api.put(
      '/ivr/:ivr_id',
      {
        config: { acl: 'confd.ivr.{ivr_id}.update' },
        schema: {
          summary: 'Update IVR',
          tags,
          params: IvrIdParams,
          body: ivrEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await ivr.edit(await itemScope(request), ivrIdOf(request.params.ivr_id), request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/ivr/:ivr_id',
      {
        config: { acl: 'confd.ivr.{ivr_id}.delete' },
        schema: { summary: 'Delete IVR', tags, params: IvrIdParams, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await ivr.delete(await itemScope(request), ivrIdOf(request.params.ivr_id));
        return reply.code(204).send(null);
      },
    );
  },
};
