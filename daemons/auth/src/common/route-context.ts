/**
 * What every wazo-auth resource route takes from the authenticated request: the scoping tenant,
 * the caller's escalation guard, and `me` resolved to the caller's own uuid.
 */
import {
  canGrant,
  canRevoke,
  httpStatusOf,
  missingPermissionError,
  type RequestAuth,
  renderError,
} from '@wazo-ts/daemon';
import { isWazoError, UnauthorizedError } from '@wazo-ts/errors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessGuard } from './access-guard.js';

function authOf(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw new UnauthorizedError('Unauthorized', { errorId: 'unauthorized' });
  return request.auth;
}

/** The scoping tenant: `Wazo-Tenant` when allowed, else the token's tenant (the kit decided). */
export function scopingTenantOf(request: FastifyRequest): string {
  const tenant = authOf(request).tenantUuid;
  if (!tenant) throw new UnauthorizedError('Unauthorized', { errorId: 'unauthorized' });
  return tenant;
}

export function accessGuardOf(request: FastifyRequest): AccessGuard {
  const auth = authOf(request);
  return {
    mayAdd: (access) => canGrant(auth.token, access),
    mayRemove: (access) => canRevoke(auth.token, access),
    denied: (access) => missingPermissionError(auth.token.token, access, auth.tenantUuid),
  };
}

/** `me` in a user path stands for the token's own user, as the `me` of its ACL does. */
export function userUuidOf(request: FastifyRequest, value: string): string {
  return value === 'me' ? authOf(request).token.auth_id : value;
}

/**
 * wazo-auth answers a few errors with its legacy body `{reason, timestamp, status_code}` on routes
 * whose other errors are APIErrors (policy 404/403/409, group 409, a wrong old password: Wazo's
 * TokenServiceExceptions).
 * Services name them by error id; this scope renders those ids legacy and hands the rest to the
 * daemon's handler.
 */
export const LEGACY_ERROR_IDS: ReadonlySet<string> = new Set([
  'unknown-policy',
  'read-only-policy',
  'duplicate-policy',
  'duplicate-access',
  'duplicate-group',
  'authentication-failed',
]);

export function installLegacyErrors(scope: FastifyInstance): void {
  scope.setErrorHandler((error, _request, reply) => {
    // Rethrown errors reach the daemon's own handler, which renders everything else.
    if (!isWazoError(error) || !LEGACY_ERROR_IDS.has(error.errorId)) throw error;
    return reply.code(httpStatusOf(error)).send(renderError(error, 'legacy'));
  });
}
