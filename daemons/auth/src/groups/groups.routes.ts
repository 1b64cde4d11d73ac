/** `/groups`, `/groups/{group_uuid}`, its users and its policies: ACL, schema, one service call. */
import type { DaemonApi, DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent } from '@wazo-ts/daemon/schema';
import type { AuthConfig } from '../definition.js';
import { installLegacyErrors } from '../http/legacy-errors.js';
import { listQuerySchema, listResponseSchema } from '../http/list-schema.js';
import { pathParams } from '../http/path-params.js';
import { accessGuardOf, scopingTenantOf, userOfPath } from '../http/request-context.js';
import { addAssociationRoutes, addSplitListRoute } from '../http/routes.js';
import { PolicySchema, policyKeyOf } from '../policies/policies.model.js';
import type { AuthResources } from '../resources.js';
import type { AuthServices } from '../services.js';
import { UserSchema } from '../users/users.model.js';
import { GroupCreateSchema, GroupSchema, GroupUpdateSchema } from './groups.model.js';

const GroupParams = pathParams(['group_uuid'], { minLength: 1 });
const GroupUserParams = pathParams(['group_uuid', 'user_uuid'], { minLength: 1 });
const GroupPolicyParams = pathParams(['group_uuid', 'policy_uuid'], { minLength: 1 });

const GroupsQuery = listQuerySchema({
  order: ['name', 'slug', 'uuid', 'read_only'],
  filters: ['uuid', 'name', 'slug', 'user_uuid', 'policy_uuid', 'policy_slug'],
  booleanFilters: ['read_only'],
});
const GroupUsersQuery = listQuerySchema({
  order: ['username', 'firstname', 'lastname'],
  filters: ['uuid', 'username', 'firstname', 'lastname', 'purpose', 'email_address'],
});
const GroupPoliciesQuery = listQuerySchema({
  order: ['name', 'description', 'uuid'],
  filters: ['uuid', 'name', 'slug'],
});

function groupRoutes(api: DaemonApi, { groups }: AuthServices): void {
  addSplitListRoute(api, {
    path: '/groups',
    acl: 'auth.groups.read',
    summary: 'List groups',
    querystring: GroupsQuery,
    response: listResponseSchema(GroupSchema),
    list: (tenantUuid, { params, recurse, filters }) => groups.list({ tenantUuid, recurse }, filters, params),
  });
  api.post(
    '/groups',
    {
      config: { acl: 'auth.groups.create' },
      schema: { summary: 'Create a group', body: GroupCreateSchema, response: { 200: GroupSchema } },
    },
    async (request) => groups.create(scopingTenantOf(request), request.body),
  );
  api.get(
    '/groups/:group_uuid',
    {
      config: { acl: 'auth.groups.{group_uuid}.read' },
      schema: { summary: 'Read a group', params: GroupParams, response: { 200: GroupSchema } },
    },
    async (request) => groups.get(scopingTenantOf(request), request.params.group_uuid),
  );
  api.put(
    '/groups/:group_uuid',
    {
      config: { acl: 'auth.groups.{group_uuid}.update' },
      schema: {
        summary: 'Rename a group',
        params: GroupParams,
        body: GroupUpdateSchema,
        response: { 200: GroupSchema },
      },
    },
    async (request) => groups.update(scopingTenantOf(request), request.params.group_uuid, request.body),
  );
  api.delete(
    '/groups/:group_uuid',
    {
      config: { acl: 'auth.groups.{group_uuid}.delete' },
      schema: { summary: 'Delete a group', params: GroupParams, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await groups.delete(scopingTenantOf(request), request.params.group_uuid);
      return reply.code(204).send(null);
    },
  );
}

function memberRoutes(api: DaemonApi, { groups }: AuthServices): void {
  addSplitListRoute(api, {
    path: '/groups/:group_uuid/users',
    acl: 'auth.groups.{group_uuid}.users.read',
    summary: "List a group's users",
    params: GroupParams,
    querystring: GroupUsersQuery,
    response: listResponseSchema(UserSchema),
    list: (tenant, { params, filters }, request) =>
      groups.listUsers(tenant, request.params.group_uuid, filters, params),
  });
  addAssociationRoutes(api, {
    path: '/groups/:group_uuid/users/:user_uuid',
    acl: {
      put: 'auth.groups.{group_uuid}.users.{user_uuid}.create',
      delete: 'auth.groups.{group_uuid}.users.{user_uuid}.delete',
    },
    summary: { put: 'Add a user to a group', delete: 'Remove a user from a group' },
    params: GroupUserParams,
    change: (verb, tenant, request) => {
      const user = userOfPath(request, request.params.user_uuid);
      const { group_uuid } = request.params;
      return verb === 'put'
        ? groups.addUser(tenant, group_uuid, user)
        : groups.removeUser(tenant, group_uuid, user);
    },
  });
}

function policyRoutes(api: DaemonApi, { groups }: AuthServices): void {
  addSplitListRoute(api, {
    path: '/groups/:group_uuid/policies',
    acl: 'auth.groups.{group_uuid}.policies.read',
    summary: "List a group's policies",
    params: GroupParams,
    querystring: GroupPoliciesQuery,
    response: listResponseSchema(PolicySchema),
    list: (tenant, { params, filters }, request) =>
      groups.listPolicies(tenant, request.params.group_uuid, filters, params),
  });
  addAssociationRoutes(api, {
    path: '/groups/:group_uuid/policies/:policy_uuid',
    acl: {
      put: 'auth.groups.{group_uuid}.policies.{policy_uuid}.create',
      delete: 'auth.groups.{group_uuid}.policies.{policy_uuid}.delete',
    },
    summary: { put: 'Give a policy to a group', delete: 'Take a policy from a group' },
    params: GroupPolicyParams,
    change: (verb, tenant, request) => {
      const args = [
        tenant,
        request.params.group_uuid,
        policyKeyOf(request.params.policy_uuid),
        accessGuardOf(request),
      ] as const;
      return verb === 'put' ? groups.addPolicy(...args) : groups.removePolicy(...args);
    },
  });
}

export const groupsPlugin: DaemonPlugin<AuthConfig, AuthResources> = {
  name: 'groups',
  async load({ api, resources }) {
    const { services } = resources;
    await api.register(async (scope) => {
      installLegacyErrors(scope);
      groupRoutes(scope, services);
      memberRoutes(scope, services);
      policyRoutes(scope, services);
    });
  },
};
