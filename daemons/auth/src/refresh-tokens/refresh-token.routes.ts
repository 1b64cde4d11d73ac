/**
 * GET /tokens, GET /users/{user_uuid|me}/tokens, DELETE /users/{user_uuid|me}/tokens/{client_id}
 * with Wazo's ACLs; the `me` routes are separate, as in Wazo, so `auth.users.me.tokens.read`
 * is the ACL they ask for.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import type { FastifyInstance } from 'fastify';
import type { AuthConfig } from '../definition.js';
import { scopingTenantOf, userOfPath } from '../http/request-context.js';
import { addListRoute } from '../http/routes.js';
import type { AuthResources } from '../resources.js';
import {
  type RefreshTokenListParams,
  refreshTokenListQuerySchema,
  refreshTokenListSchema,
} from './refresh-token.model.js';
import type { RefreshTokenService } from './refresh-token.service.js';

const clientParam = { type: 'string', minLength: 1, maxLength: 1024 } as const;

function userRoutes(api: FastifyInstance, service: RefreshTokenService, prefix: string, acl: string) {
  const params = {
    type: 'object',
    properties: { user_uuid: { type: 'string' }, client_id: clientParam },
  } as const;
  addListRoute<{ user_uuid?: string }, RefreshTokenListParams>(api, {
    path: `${prefix}/tokens`,
    acl: `${acl}.tokens.read`,
    summary: "List a user's refresh tokens",
    params,
    querystring: refreshTokenListQuerySchema,
    response: refreshTokenListSchema,
    list: (tenant, request) =>
      service.listForUser(tenant, userOfPath(request, request.params.user_uuid ?? 'me'), request.query),
  });
  api.delete<{ Params: { user_uuid?: string; client_id: string } }>(
    `${prefix}/tokens/:client_id`,
    {
      config: { acl: `${acl}.tokens.{client_id}.delete` },
      schema: { summary: "Delete a user's refresh token (access tokens stay valid)", params },
    },
    async (request, reply) => {
      const user = userOfPath(request, request.params.user_uuid ?? 'me');
      await service.deleteForUser(scopingTenantOf(request), user, request.params.client_id);
      return reply.code(204).send();
    },
  );
}

export const refreshTokensPlugin: DaemonPlugin<AuthConfig, AuthResources> = {
  name: 'refresh_tokens',
  load({ api, resources }) {
    const service = resources.services.refreshTokens;
    addListRoute<unknown, RefreshTokenListParams>(api, {
      path: '/tokens',
      acl: 'auth.tokens.read',
      summary: 'List refresh tokens',
      querystring: refreshTokenListQuerySchema,
      response: refreshTokenListSchema,
      list: (tenant, request) => service.list(tenant, request.query),
    });
    userRoutes(api, service, '/users/me', 'auth.users.me');
    userRoutes(api, service, '/users/:user_uuid', 'auth.users.{user_uuid}');
  },
};
