/**
 * What the routes of tokens, sessions and refresh tokens read from `request.auth`: the scoping
 * tenant and the `me` alias of user paths (the token's user, `metadata.uuid`, as Wazo resolves
 * `/users/me/tokens`).
 */
import type { RequestAuth } from '@wazo-ts/daemon';
import { UnauthorizedError } from '@wazo-ts/errors';

interface WithAuth {
  auth: RequestAuth | null;
}

function authOf(request: WithAuth): RequestAuth {
  // The kit sets `auth` on every route that declares an ACL; a public route never calls this.
  if (!request.auth) throw new UnauthorizedError('Unauthorized');
  return request.auth;
}

export function scopingTenantOf(request: WithAuth): string {
  const auth = authOf(request);
  return auth.tenantUuid ?? '';
}

export function userOfPath(request: WithAuth, userUuid: string): string {
  if (userUuid !== 'me') return userUuid;
  const token = authOf(request).token;
  const own = token.metadata.uuid;
  return typeof own === 'string' && own !== '' ? own : token.auth_id;
}

export const booleanQuery = { type: 'boolean' } as const;
