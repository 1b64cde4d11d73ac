/**
 * `/users`, `/users/{user_uuid}` and its password, e-mails, groups and policies. A path's `me`
 * stands for the caller's own user (its ACL's `me` already matches the caller's uuid).
 */
import type { DaemonApi, DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent, Type } from '@wazo-ts/daemon/schema';
import type { AuthConfig } from '../definition.js';
import { GroupSchema } from '../groups/groups.model.js';
import { installLegacyErrors } from '../http/legacy-errors.js';
import { listQuerySchema, listResponseSchema } from '../http/list-schema.js';
import { pathParams } from '../http/path-params.js';
import { accessGuardOf, scopingTenantOf, userOfPath } from '../http/request-context.js';
import { addAssociationRoutes, addSplitListRoute } from '../http/routes.js';
import { PolicySchema, policyKeyOf } from '../policies/policies.model.js';
import type { AuthResources } from '../resources.js';
import type { AuthServices } from '../services.js';
import {
  AdminEmailsUpdateSchema,
  EmailSchema,
  EmailsUpdateSchema,
  PasswordChangeSchema,
  UserCreateSchema,
  UserSchema,
  UserUpdateSchema,
} from './users.model.js';

const UserParams = pathParams(['user_uuid'], { minLength: 1 });
const UserPolicyParams = pathParams(['user_uuid', 'policy_uuid'], { minLength: 1 });

const UsersQuery = listQuerySchema({
  order: ['username', 'firstname', 'lastname'],
  filters: [
    'uuid',
    'username',
    'firstname',
    'lastname',
    'purpose',
    'email_address',
    'group_uuid',
    'policy_uuid',
    'policy_slug',
    'has_policy_uuid',
    'has_policy_slug',
  ],
});
const UserGroupsQuery = listQuerySchema({ order: ['name', 'uuid'], filters: ['uuid', 'name'] });
const UserPoliciesQuery = listQuerySchema({
  order: ['name', 'description', 'uuid'],
  filters: ['uuid', 'name', 'slug'],
});

function userRoutes(api: DaemonApi, { users }: AuthServices): void {
  addSplitListRoute(api, {
    path: '/users',
    acl: 'auth.users.read',
    summary: 'List users',
    querystring: UsersQuery,
    response: listResponseSchema(UserSchema),
    list: (tenantUuid, { params, recurse, filters }) => users.list({ tenantUuid, recurse }, filters, params),
  });
  api.post(
    '/users',
    {
      config: { acl: 'auth.users.create' },
      schema: { summary: 'Create a user', body: UserCreateSchema, response: { 200: UserSchema } },
    },
    async (request) => users.create(scopingTenantOf(request), request.body),
  );
  api.get(
    '/users/:user_uuid',
    {
      config: { acl: 'auth.users.{user_uuid}.read' },
      schema: { summary: 'Read a user', params: UserParams, response: { 200: UserSchema } },
    },
    async (request) => users.get(scopingTenantOf(request), userOfPath(request, request.params.user_uuid)),
  );
  api.put(
    '/users/:user_uuid',
    {
      config: { acl: 'auth.users.{user_uuid}.update' },
      schema: {
        summary: 'Replace a user',
        params: UserParams,
        body: UserUpdateSchema,
        response: { 200: UserSchema },
      },
    },
    async (request) =>
      users.update(scopingTenantOf(request), userOfPath(request, request.params.user_uuid), request.body),
  );
  api.delete(
    '/users/:user_uuid',
    {
      config: { acl: 'auth.users.{user_uuid}.delete' },
      schema: { summary: 'Delete a user', params: UserParams, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await users.delete(scopingTenantOf(request), userOfPath(request, request.params.user_uuid));
      return reply.code(204).send(null);
    },
  );
}

function credentialRoutes(api: DaemonApi, { users }: AuthServices): void {
  api.put(
    '/users/:user_uuid/password',
    {
      config: { acl: 'auth.users.{user_uuid}.password.update' },
      schema: {
        summary: "Change a user's password",
        params: UserParams,
        body: PasswordChangeSchema,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const { old_password, new_password } = request.body;
      const user = userOfPath(request, request.params.user_uuid);
      await users.changePassword(scopingTenantOf(request), user, old_password, new_password);
      return reply.code(204).send(null);
    },
  );
  for (const admin of [false, true]) {
    api.put(
      admin ? '/admin/users/:user_uuid/emails' : '/users/:user_uuid/emails',
      {
        config: { acl: `auth.${admin ? 'admin.' : ''}users.{user_uuid}.emails.update` },
        schema: {
          summary: admin
            ? "Set a user's e-mail addresses (confirmed or not)"
            : "Set a user's e-mail addresses",
          params: UserParams,
          body: admin ? AdminEmailsUpdateSchema : EmailsUpdateSchema,
          response: { 200: Type.Array(EmailSchema) },
        },
      },
      async (request) =>
        users.updateEmails(
          scopingTenantOf(request),
          userOfPath(request, request.params.user_uuid),
          request.body.emails,
          admin,
        ),
    );
  }
}

function associationRoutes(api: DaemonApi, { users }: AuthServices): void {
  addSplitListRoute(api, {
    path: '/users/:user_uuid/groups',
    acl: 'auth.users.{user_uuid}.groups.read',
    summary: "List a user's groups",
    params: UserParams,
    querystring: UserGroupsQuery,
    response: listResponseSchema(GroupSchema),
    list: (tenant, { params, filters }, request) =>
      users.listGroups(tenant, userOfPath(request, request.params.user_uuid), filters, params),
  });
  addSplitListRoute(api, {
    path: '/users/:user_uuid/policies',
    acl: 'auth.users.{user_uuid}.policies.read',
    summary: "List a user's own policies",
    params: UserParams,
    querystring: UserPoliciesQuery,
    response: listResponseSchema(PolicySchema),
    list: (tenant, { params, filters }, request) =>
      users.listPolicies(tenant, userOfPath(request, request.params.user_uuid), filters, params),
  });
  addAssociationRoutes(api, {
    path: '/users/:user_uuid/policies/:policy_uuid',
    acl: {
      put: 'auth.users.{user_uuid}.policies.{policy_uuid}.create',
      delete: 'auth.users.{user_uuid}.policies.{policy_uuid}.delete',
    },
    summary: { put: 'Give a policy to a user', delete: 'Take a policy from a user' },
    params: UserPolicyParams,
    change: (verb, tenant, request) => {
      const args = [
        tenant,
        userOfPath(request, request.params.user_uuid),
        policyKeyOf(request.params.policy_uuid),
        accessGuardOf(request),
      ] as const;
      return verb === 'put' ? users.addPolicy(...args) : users.removePolicy(...args);
    },
  });
}

export const usersPlugin: DaemonPlugin<AuthConfig, AuthResources> = {
  name: 'users',
  async load({ api, resources }) {
    const { services } = resources;
    await api.register(async (scope) => {
      installLegacyErrors(scope);
      userRoutes(scope, services);
      credentialRoutes(scope, services);
      associationRoutes(scope, services);
    });
  },
};
