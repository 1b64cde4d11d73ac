/** `/policies` and `/policies/{policy_uuid|slug}[/acl/{access}]`: ACL, schema, one service call. */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import type { AuthConfig } from '../definition.js';
import { installLegacyErrors } from '../http/legacy-errors.js';
import { listQuerySchema } from '../http/list-schema.js';
import { accessGuardOf, scopingTenantOf } from '../http/request-context.js';
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

type ListQueryType = PolicyFilters & {
  search?: string;
  order?: string;
  direction?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  recurse: boolean;
};

interface PolicyPath {
  policy_uuid: string;
}

export const policiesPlugin: DaemonPlugin<AuthConfig, AuthResources> = {
  name: 'policies',
  async load({ api, resources }) {
    const { policies } = resources.services;
    await api.register(async (scope) => {
      installLegacyErrors(scope);

      scope.get<{ Querystring: ListQueryType }>(
        '/policies',
        {
          config: { acl: 'auth.policies.read' },
          schema: {
            summary: 'List policies',
            querystring: ListQuery,
            response: {
              200: {
                type: 'object',
                properties: { total: { type: 'integer' }, items: { type: 'array', items: PolicySchema } },
              },
            },
          },
        },
        async (request) => {
          const { search, order, direction, limit, offset, recurse, ...filters } = request.query;
          return policies.list({ tenantUuid: scopingTenantOf(request), recurse }, filters, {
            search,
            order,
            direction,
            limit,
            offset,
          });
        },
      );

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

      for (const method of ['put', 'delete'] as const) {
        scope[method]<{ Params: PolicyPath & { access: string } }>(
          '/policies/:policy_uuid/acl/:access',
          {
            config: { acl: 'auth.policies.{policy_uuid}.update' },
            schema: {
              summary: method === 'put' ? 'Add an access to a policy' : 'Remove an access from a policy',
              params: AccessParams,
            },
          },
          async (request, reply) => {
            const { policy_uuid, access } = request.params;
            const args = [
              scopingTenantOf(request),
              policyKeyOf(policy_uuid),
              access,
              accessGuardOf(request),
            ] as const;
            await (method === 'put' ? policies.addAccess(...args) : policies.removeAccess(...args));
            return reply.code(204).send();
          },
        );
      }
    });
  },
};
