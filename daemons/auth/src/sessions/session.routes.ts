/**
 * GET/DELETE /sessions and /users/{user_uuid}/sessions. ACLs are Wazo's; `me` in the user path
 * means the token's user (the ACL `auth.users.me.sessions.read` matches through the matcher's
 * `me` rule).
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import type { AuthConfig } from '../definition.js';
import { scopingTenantOf, userOfPath } from '../http/request-context.js';
import { addListRoute } from '../http/routes.js';
import type { AuthResources } from '../resources.js';
import { type SessionListParams, sessionListQuerySchema, sessionListSchema } from './session.model.js';

const sessionParam = {
  type: 'object',
  properties: { session_uuid: { type: 'string' } },
  required: ['session_uuid'],
} as const;
const userParam = {
  type: 'object',
  properties: { user_uuid: { type: 'string' } },
  required: ['user_uuid'],
} as const;
const userSessionParams = {
  type: 'object',
  properties: { user_uuid: { type: 'string' }, session_uuid: { type: 'string' } },
  required: ['user_uuid', 'session_uuid'],
} as const;

export const sessionsPlugin: DaemonPlugin<AuthConfig, AuthResources> = {
  name: 'sessions',
  load({ api, resources }) {
    const { sessions } = resources.services;

    addListRoute<unknown, SessionListParams>(api, {
      path: '/sessions',
      acl: 'auth.sessions.read',
      summary: 'List sessions',
      querystring: sessionListQuerySchema,
      response: sessionListSchema,
      list: (tenant, request) => sessions.list(tenant, request.query),
    });
    api.delete<{ Params: { session_uuid: string } }>(
      '/sessions/:session_uuid',
      {
        config: { acl: 'auth.sessions.{session_uuid}.delete' },
        schema: { summary: 'Delete a session (204 even when absent)', params: sessionParam },
      },
      async (request, reply) => {
        await sessions.delete(scopingTenantOf(request), request.params.session_uuid);
        return reply.code(204).send();
      },
    );
    addListRoute<{ user_uuid: string }, SessionListParams>(api, {
      path: '/users/:user_uuid/sessions',
      acl: 'auth.users.{user_uuid}.sessions.read',
      summary: "List a user's sessions",
      params: userParam,
      querystring: sessionListQuerySchema,
      response: sessionListSchema,
      list: (tenant, request) =>
        sessions.listForUser(tenant, userOfPath(request, request.params.user_uuid), request.query),
    });
    api.delete<{ Params: { user_uuid: string; session_uuid: string } }>(
      '/users/:user_uuid/sessions/:session_uuid',
      {
        config: { acl: 'auth.users.{user_uuid}.sessions.{session_uuid}.delete' },
        schema: { summary: "Delete one of a user's sessions", params: userSessionParams },
      },
      async (request, reply) => {
        const { user_uuid, session_uuid } = request.params;
        await sessions.deleteForUser(scopingTenantOf(request), userOfPath(request, user_uuid), session_uuid);
        return reply.code(204).send();
      },
    );
  },
};
