/** `/policies` and `/policies/{policy_uuid|slug}[/acl/{access}]`: ACL, schema, one service call. */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import type { AuthConfig } from '../definition.js';
import { installLegacyErrors } from '../http/legacy-errors.js';
import { listQuerySchema } from '../http/list-schema.js';
import { accessGuardOf, scopingTenantOf } from '../http/request-context.js';
import { addAssociationRoutes, addSplitListRoute } from '../http/routes.js';
import type { AuthResources } from '../resources.js';
import type { PolicyFilters } from './policies.dao.js';
import {
  type PolicyCreateInput,
  PolicyCreateSchema,
  PolicySchema,
  type PolicyUpdateInput,
  PolicyUpdateSchema,
  policyKeyOf,
} from './policies.model.js';

const PolicyParams = {
  type: 'object',
  properties: { policy_uuid: { type: 'string', minLength: 1 } },
  required: ['policy_uuid'],
} as const;

const AccessParams = {
  type: 'object',
  properties: { policy_uuid: { type: 'string', minLength: 1 }, access: { type: 'string', minLength: 1 } },
  required: ['policy_uuid', 'access'],
} as const;

const ListQuery = listQuerySchema({
  order: ['name', 'slug', 'description', 'uuid', 'read_only'],
  filters: ['uuid', 'name', 'slug', 'user_uuid', 'group_uuid', 'tenant_uuid'],
  booleanFilters: ['read_only'],
});

interface PolicyPath {
  policy_uuid: string;
}

export const policiesPlugin: DaemonPlugin<AuthConfig, AuthResources> = {
  name: 'policies',
  async load({ api, resources }) {
    const { policies } = resources.services;
    await api.register(async (scope) => {
      installLegacyErrors(scope);

      addSplitListRoute<unknown, PolicyFilters>(scope, {
        path: '/policies',
        acl: 'auth.policies.read',
        summary: 'List policies',
        querystring: ListQuery,
        response: {
          type: 'object',
          properties: { total: { type: 'integer' }, items: { type: 'array', items: PolicySchema } },
        },
        list: (tenantUuid, { params, recurse, filters }) =>
          policies.list({ tenantUuid, recurse }, filters, params),
      });

      scope.post<{ Body: PolicyCreateInput }>(
        '/policies',
        {
          config: { acl: 'auth.policies.create' },
          schema: { summary: 'Create a policy', body: PolicyCreateSchema, response: { 200: PolicySchema } },
        },
        async (request) => policies.create(scopingTenantOf(request), request.body, accessGuardOf(request)),
      );

      scope.get<{ Params: PolicyPath }>(
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

      scope.put<{ Params: PolicyPath; Body: PolicyUpdateInput }>(
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

      scope.delete<{ Params: PolicyPath }>(
        '/policies/:policy_uuid',
        {
          config: { acl: 'auth.policies.{policy_uuid}.delete' },
          schema: { summary: 'Delete a policy (by uuid or slug)', params: PolicyParams },
        },
        async (request, reply) => {
          await policies.delete(
            scopingTenantOf(request),
            policyKeyOf(request.params.policy_uuid),
            accessGuardOf(request),
          );
          return reply.code(204).send();
        },
      );

      addAssociationRoutes<PolicyPath & { access: string }>(scope, {
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
    });
  },
};
