/** `/policies` and `/policies/{policy_uuid|slug}[/acl/{access}]`: ACL, schema, one service call. */
import type { DaemonApi, DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent } from '@wazo-ts/daemon/schema';
import type { AuthConfig } from '../definition.js';
import { installLegacyErrors } from '../http/legacy-errors.js';
import { listQuerySchema } from '../http/list-schema.js';
import { pathParams } from '../http/path-params.js';
import { accessGuardOf, scopingTenantOf } from '../http/request-context.js';
import { addAssociationRoutes, addSplitListRoute } from '../http/routes.js';
import type { AuthResources } from '../resources.js';
import type { AuthServices } from '../services.js';
import { PolicyCreateSchema, PolicySchema, PolicyUpdateSchema, policyKeyOf } from './policies.model.js';

const PolicyParams = pathParams(['policy_uuid'], { minLength: 1 });
const AccessParams = pathParams(['policy_uuid', 'access'], { minLength: 1 });

const ListQuery = listQuerySchema({
  order: ['name', 'slug', 'description', 'uuid', 'read_only'],
  filters: ['uuid', 'name', 'slug', 'user_uuid', 'group_uuid', 'tenant_uuid'],
  booleanFilters: ['read_only'],
});

function collectionRoutes(api: DaemonApi, { policies }: AuthServices): void {
  addSplitListRoute(api, {
    path: '/policies',
    acl: 'auth.policies.read',
    summary: 'List policies',
    querystring: ListQuery,
    // Wazo's /policies page has no `filtered`.
    response: ListOf(PolicySchema),
    list: (tenantUuid, { params, recurse, filters }) =>
      policies.list({ tenantUuid, recurse }, filters, params),
  });

  api.post(
    '/policies',
    {
      config: { acl: 'auth.policies.create' },
      schema: { summary: 'Create a policy', body: PolicyCreateSchema, response: { 200: PolicySchema } },
    },
    async (request) => policies.create(scopingTenantOf(request), request.body, accessGuardOf(request)),
  );
}

function itemRoutes(api: DaemonApi, { policies }: AuthServices): void {
  api.get(
    '/policies/:policy_uuid',
    {
      config: { acl: 'auth.policies.{policy_uuid}.read' },
      schema: {
        summary: 'Read a policy (by uuid or slug)',
        params: PolicyParams,
        response: { 200: PolicySchema },
      },
    },
    async (request) => policies.get(scopingTenantOf(request), policyKeyOf(request.params.policy_uuid)),
  );

  api.put(
    '/policies/:policy_uuid',
    {
      config: { acl: 'auth.policies.{policy_uuid}.update' },
      schema: {
        summary: 'Replace a policy (by uuid or slug)',
        params: PolicyParams,
        body: PolicyUpdateSchema,
        response: { 200: PolicySchema },
      },
    },
    async (request) =>
      policies.update(
        scopingTenantOf(request),
        policyKeyOf(request.params.policy_uuid),
        request.body,
        accessGuardOf(request),
      ),
  );

  api.delete(
    '/policies/:policy_uuid',
    {
      config: { acl: 'auth.policies.{policy_uuid}.delete' },
      schema: {
        summary: 'Delete a policy (by uuid or slug)',
        params: PolicyParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await policies.delete(
        scopingTenantOf(request),
        policyKeyOf(request.params.policy_uuid),
        accessGuardOf(request),
      );
      return reply.code(204).send(null);
    },
  );
}

function accessRoutes(api: DaemonApi, { policies }: AuthServices): void {
  addAssociationRoutes(api, {
    path: '/policies/:policy_uuid/acl/:access',
    acl: { put: 'auth.policies.{policy_uuid}.update', delete: 'auth.policies.{policy_uuid}.update' },
    summary: { put: 'Add an access to a policy', delete: 'Remove an access from a policy' },
    params: AccessParams,
    change: (verb, tenant, request) => {
      const { policy_uuid, access } = request.params;
      const args = [tenant, policyKeyOf(policy_uuid), access, accessGuardOf(request)] as const;
      return verb === 'put' ? policies.addAccess(...args) : policies.removeAccess(...args);
    },
  });
}

export const policiesPlugin: DaemonPlugin<AuthConfig, AuthResources> = {
  name: 'policies',
  async load({ api, resources }) {
    await api.register(async (scope) => {
      installLegacyErrors(scope);
      collectionRoutes(scope, resources.services);
      itemRoutes(scope, resources.services);
      accessRoutes(scope, resources.services);
    });
  },
};
