/**
 * Applications (`/applications`): list, read, create, edit, delete. A create stamps the scoping
 * tenant; item operations see the visible sub-tenants too, as Wazo's.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import { applicationBodySchema, applicationSchema } from '@wazo-ts/dao';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const ApplicationParams = Type.Object({ application_uuid: Type.String() });

export const applicationsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'application',
  load({ api, resources }) {
    const { applications, tenants } = resources.services;
    const visible = resources.visibleTenants;
    const wideScope = (request: Parameters<typeof tenantScopeOf>[0]) => tenantScopeOf(request, visible, true);
    const tags = ['applications'];

    api.get(
      '/applications',
      {
        config: { acl: 'confd.applications.read' },
        schema: {
          summary: 'List applications',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.applications),
          response: { 200: ListOf(applicationSchema) },
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query);
        return applications.search(await tenantScopeOf(request, visible, recurse), params);
      },
    );

    api.get(
      '/applications/:application_uuid',
      {
        config: { acl: 'confd.applications.{application_uuid}.read' },
        schema: {
          summary: 'Get application',
          tags,
          params: ApplicationParams,
          response: { 200: applicationSchema },
        },
      },
      async (request) => applications.get(await wideScope(request), request.params.application_uuid),
    );

    api.post(
      '/applications',
      {
        config: { acl: 'confd.applications.create' },
        schema: {
          summary: 'Create application',
          tags,
          body: applicationBodySchema,
          response: { 201: applicationSchema },
        },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const application = await applications.create(tenantUuid, request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/applications/${application.uuid}`))
          .send(application);
      },
    );

    api.put(
      '/applications/:application_uuid',
      {
        config: { acl: 'confd.applications.{application_uuid}.update' },
        schema: {
          summary: 'Update application',
          tags,
          params: ApplicationParams,
          body: applicationBodySchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await applications.edit(await wideScope(request), request.params.application_uuid, request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/applications/:application_uuid',
      {
        config: { acl: 'confd.applications.{application_uuid}.delete' },
        schema: {
          summary: 'Delete application',
          tags,
          params: ApplicationParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await applications.delete(await wideScope(request), request.params.application_uuid);
        return reply.code(204).send(null);
      },
    );
  },
};
