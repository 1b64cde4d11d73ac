/** `/groups`, `/groups/{group_uuid}`, its users and its policies: ACL, schema, one service call. */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import type { FastifyInstance } from 'fastify';
import type { AuthConfig } from '../definition.js';
import { installLegacyErrors } from '../http/legacy-errors.js';
import { listQuerySchema, listResponseSchema } from '../http/list-schema.js';
import { accessGuardOf, scopingTenantOf, userOfPath } from '../http/request-context.js';
import { addAssociationRoutes, addSplitListRoute } from '../http/routes.js';
import { PolicySchema, policyKeyOf } from '../policies/policies.model.js';
import type { AuthResources } from '../resources.js';
import type { AuthServices } from '../services.js';
import { UserSchema } from '../users/users.model.js';
import type { GroupFilters } from './groups.dao.js';
import {
  type GroupCreateInput,
  GroupCreateSchema,
  GroupSchema,
  type GroupUpdateInput,
  GroupUpdateSchema,
} from './groups.model.js';

const params = (...names: string[]) => ({
  type: 'object',
  properties: Object.fromEntries(names.map((n) => [n, { type: 'string', minLength: 1 }])),
  required: names,
});

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

interface GroupPath {
  group_uuid: string;
}

function groupRoutes(api: FastifyInstance, { groups }: AuthServices): void {
  addSplitListRoute<unknown, GroupFilters>(api, {
    path: '/groups',
    acl: 'auth.groups.read',
    summary: 'List groups',
    querystring: GroupsQuery,
    response: listResponseSchema(GroupSchema),
    list: (tenantUuid, { params, recurse, filters }) => groups.list({ tenantUuid, recurse }, filters, params),
  });
  api.post<{ Body: GroupCreateInput }>(
    '/groups',
    {
      config: { acl: 'auth.groups.create' },
      schema: { summary: 'Create a group', body: GroupCreateSchema, response: { 200: GroupSchema } },
    },
    async (request) => groups.create(scopingTenantOf(request), request.body),
  );
  api.get<{ Params: GroupPath }>(
    '/groups/:group_uuid',
    {
      config: { acl: 'auth.groups.{group_uuid}.read' },
      schema: { summary: 'Read a group', params: params('group_uuid'), response: { 200: GroupSchema } },
    },
    async (request) => groups.get(scopingTenantOf(request), request.params.group_uuid),
  );
  api.put<{ Params: GroupPath; Body: GroupUpdateInput }>(
    '/groups/:group_uuid',
    {
      config: { acl: 'auth.groups.{group_uuid}.update' },
      schema: {
        summary: 'Rename a group',
        params: params('group_uuid'),
        body: GroupUpdateSchema,
        response: { 200: GroupSchema },
      },
    },
    async (request) => groups.update(scopingTenantOf(request), request.params.group_uuid, request.body),
  );
  api.delete<{ Params: GroupPath }>(
    '/groups/:group_uuid',
    {
      config: { acl: 'auth.groups.{group_uuid}.delete' },
      schema: { summary: 'Delete a group', params: params('group_uuid') },
    },
    async (request, reply) => {
      await groups.delete(scopingTenantOf(request), request.params.group_uuid);
      return reply.code(204).send();
    },
  );
}

function memberRoutes(api: FastifyInstance, { groups }: AuthServices): void {
  addSplitListRoute<GroupPath, object>(api, {
    path: '/groups/:group_uuid/users',
    acl: 'auth.groups.{group_uuid}.users.read',
    summary: "List a group's users",
    params: params('group_uuid'),
    querystring: GroupUsersQuery,
    response: listResponseSchema(UserSchema),
    list: (tenant, { params, filters }, request) =>
      groups.listUsers(tenant, request.params.group_uuid, filters, params),
  });
  addAssociationRoutes<GroupPath & { user_uuid: string }>(api, {
    path: '/groups/:group_uuid/users/:user_uuid',
    acl: {
      put: 'auth.groups.{group_uuid}.users.{user_uuid}.create',
      delete: 'auth.groups.{group_uuid}.users.{user_uuid}.delete',
    },
    summary: { put: 'Add a user to a group', delete: 'Remove a user from a group' },
    params: params('group_uuid', 'user_uuid'),
    change: (verb, tenant, request) => {
      const user = userOfPath(request, request.params.user_uuid);
      const { group_uuid } = request.params;
      return verb === 'put'
        ? groups.addUser(tenant, group_uuid, user)
        : groups.removeUser(tenant, group_uuid, user);
    },
  });
}

function policyRoutes(api: FastifyInstance, { groups }: AuthServices): void {
  addSplitListRoute<GroupPath, object>(api, {
    path: '/groups/:group_uuid/policies',
    acl: 'auth.groups.{group_uuid}.policies.read',
    summary: "List a group's policies",
    params: params('group_uuid'),
    querystring: GroupPoliciesQuery,
    response: listResponseSchema(PolicySchema),
    list: (tenant, { params, filters }, request) =>
      groups.listPolicies(tenant, request.params.group_uuid, filters, params),
  });
  addAssociationRoutes<GroupPath & { policy_uuid: string }>(api, {
    path: '/groups/:group_uuid/policies/:policy_uuid',
    acl: {
      put: 'auth.groups.{group_uuid}.policies.{policy_uuid}.create',
      delete: 'auth.groups.{group_uuid}.policies.{policy_uuid}.delete',
    },
    summary: { put: 'Give a policy to a group', delete: 'Take a policy from a group' },
    params: params('group_uuid', 'policy_uuid'),
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
