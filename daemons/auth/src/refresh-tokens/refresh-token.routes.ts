/**
 * GET /tokens, GET /users/{user_uuid|me}/tokens, DELETE /users/{user_uuid|me}/tokens/{client_id}
 * with Wazo's ACLs; the `me` routes are separate, as in Wazo, so `auth.users.me.tokens.read`
 * is the ACL they ask for.
 */
import type { DaemonApi, DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent, Type } from '@wazo-ts/daemon/schema';
import type { AuthConfig } from '../definition.js';
import { scopingTenantOf, userOfPath } from '../http/request-context.js';
import { addListRoute } from '../http/routes.js';
import type { AuthResources } from '../resources.js';
import { RefreshTokenListQuerySchema, RefreshTokenListSchema } from './refresh-token.model.js';
import type { RefreshTokenService } from './refresh-token.service.js';

const ClientId = Type.String({ minLength: 1, maxLength: 1024 });
/** The params of the `/users/me` routes and of the `/users/{user_uuid}` ones. */
const OWN = { list: Type.Object({}), one: Type.Object({ client_id: ClientId }) };
const BY_UUID = {
  list: Type.Object({ user_uuid: Type.String() }),
  one: Type.Object({ user_uuid: Type.String(), client_id: ClientId }),
};

interface UserPaths {
  prefix: string;
  acl: string;
  params: typeof OWN | typeof BY_UUID;
}

const userIn = (params: object): string =>
  'user_uuid' in params && typeof params.user_uuid === 'string' ? params.user_uuid : 'me';

function userRoutes(api: DaemonApi, service: RefreshTokenService, { prefix, acl, params }: UserPaths) {
  addListRoute(api, {
    path: `${prefix}/tokens`,
    acl: `${acl}.tokens.read`,
    summary: "List a user's refresh tokens",
    params: params.list,
    querystring: RefreshTokenListQuerySchema,
    response: RefreshTokenListSchema,
    list: (tenant, request) =>
      service.listForUser(tenant, userOfPath(request, userIn(request.params)), request.query),
  });
  api.delete(
    `${prefix}/tokens/:client_id`,
    {
      config: { acl: `${acl}.tokens.{client_id}.delete` },
      schema: {
        summary: "Delete a user's refresh token (access tokens stay valid)",
        params: params.one,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const user = userOfPath(request, userIn(request.params));
      await service.deleteForUser(scopingTenantOf(request), user, request.params.client_id);
      return reply.code(204).send(null);
    },
  );
}

export const refreshTokensPlugin: DaemonPlugin<AuthConfig, AuthResources> = {
  name: 'refresh_tokens',
  load({ api, resources }) {
    const service = resources.services.refreshTokens;
    addListRoute(api, {
      path: '/tokens',
      acl: 'auth.tokens.read',
      summary: 'List refresh tokens',
      querystring: RefreshTokenListQuerySchema,
      response: RefreshTokenListSchema,
      list: (tenant, request) => service.list(tenant, request.query),
    });
    userRoutes(api, service, { prefix: '/users/me', acl: 'auth.users.me', params: OWN });
    userRoutes(api, service, { prefix: '/users/:user_uuid', acl: 'auth.users.{user_uuid}', params: BY_UUID });
  },
};
