/**
 * What every wazo-auth route takes from the authenticated request (`request.auth`, set by the
 * kit), with one meaning for all of them:
 * - the scoping tenant: the `Wazo-Tenant` header when the token may see that tenant (its own or a
 *   descendant: the kit checked it and answered 401 `unauthorized-tenant` otherwise), else the
 *   token's tenant. A token with no tenant at all scopes nothing: 401 `unauthorized`, as Wazo's
 *   `Tenant.autodetect()` refuses it.
 * - `me` in a user path: the token's user, `metadata.uuid`, as Wazo resolves `/users/me/...`; a
 *   token whose metadata names no user falls back to its `auth_id`, the identity its ACL's `me`
 *   matches. A token without a user (a service's) thus names no user: the service's 404.
 * - the caller's escalation guard (what it may grant or revoke).
 */
import { canGrant, canRevoke, missingPermissionError, type RequestAuth } from '@wazo-ts/daemon';
import { UnauthorizedError } from '@wazo-ts/errors';
import type { AccessGuard } from '../policies/access-guard.js';

/** The part of a Fastify request read here (so a unit test needs no server). */
export interface AuthenticatedRequest {
  auth?: RequestAuth | null;
}

const unauthorized = () => new UnauthorizedError('Unauthorized', { errorId: 'unauthorized' });

function authOf(request: AuthenticatedRequest): RequestAuth {
  // The kit sets `auth` on every route that declares an ACL; a public route never calls this.
  if (!request.auth) throw unauthorized();
  return request.auth;
}

export function scopingTenantOf(request: AuthenticatedRequest): string {
  const tenant = authOf(request).tenantUuid;
  if (!tenant) throw unauthorized();
  return tenant;
}

/** The user a path names: `me` is the caller's own user, anything else is taken as given. */
export function userOfPath(request: AuthenticatedRequest, value: string): string {
  if (value !== 'me') return value;
  const token = authOf(request).token;
  const own = token.metadata.uuid;
  return typeof own === 'string' && own !== '' ? own : token.auth_id;
}

export function accessGuardOf(request: AuthenticatedRequest): AccessGuard {
  const auth = authOf(request);
  return {
    mayAdd: (access) => canGrant(auth.token, access),
    mayRemove: (access) => canRevoke(auth.token, access),
    denied: (access) => missingPermissionError(auth.token.token, access, auth.tenantUuid),
  };
}
