/**
 * GET/DELETE /sessions and /users/{user_uuid}/sessions. ACLs are Wazo's; `me` in the user path
 * means the token's user (the ACL `auth.users.me.sessions.read` matches through the matcher's
 * `me` rule).
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent } from '@wazo-ts/daemon/schema';
import type { AuthConfig } from '../definition.js';
import { pathParams } from '../http/path-params.js';
import { scopingTenantOf, userOfPath } from '../http/request-context.js';
import { addListRoute } from '../http/routes.js';
import type { AuthResources } from '../resources.js';
import { SessionListQuerySchema, SessionListSchema } from './session.model.js';

const sessionParam = pathParams(['session_uuid']);
const userParam = pathParams(['user_uuid']);
const userSessionParams = pathParams(['user_uuid', 'session_uuid']);

export const sessionsPlugin: DaemonPlugin<AuthConfig, AuthResources> = {
  name: 'sessions',
  load({ api, resources }) {
    const { sessions } = resources.services;

    addListRoute(api, {
      path: '/sessions',
      acl: 'auth.sessions.read',
      summary: 'List sessions',
      querystring: SessionListQuerySchema,
      response: SessionListSchema,
      list: (tenant, request) => sessions.list(tenant, request.query),
    });
    api.delete(
      '/sessions/:session_uuid',
      {
        config: { acl: 'auth.sessions.{session_uuid}.delete' },
        schema: {
          summary: 'Delete a session (204 even when absent)',
          params: sessionParam,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await sessions.delete(scopingTenantOf(request), request.params.session_uuid);
        return reply.code(204).send(null);
      },
    );
    addListRoute(api, {
      path: '/users/:user_uuid/sessions',
      acl: 'auth.users.{user_uuid}.sessions.read',
      summary: "List a user's sessions",
      params: userParam,
      querystring: SessionListQuerySchema,
      response: SessionListSchema,
      list: (tenant, request) =>
        sessions.listForUser(tenant, userOfPath(request, request.params.user_uuid), request.query),
    });
    api.delete(
      '/users/:user_uuid/sessions/:session_uuid',
      {
        config: { acl: 'auth.users.{user_uuid}.sessions.{session_uuid}.delete' },
        schema: {
          summary: "Delete one of a user's sessions",
          params: userSessionParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const { user_uuid, session_uuid } = request.params;
        await sessions.deleteForUser(scopingTenantOf(request), userOfPath(request, user_uuid), session_uuid);
        return reply.code(204).send(null);
      },
    );
  },
};
