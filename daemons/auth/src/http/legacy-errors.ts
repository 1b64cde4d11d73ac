/**
 * wazo-auth answers a few errors with its legacy body `{reason, timestamp, status_code}` on routes
 * whose other errors are APIErrors (policy 404/403/409, group 409, a wrong old password: Wazo's
 * TokenServiceExceptions).
 * Services name them by error id; this scope renders those ids legacy and hands the rest to the
 * daemon's handler.
 */
import { httpStatusOf, renderError } from '@wazo-ts/daemon';
import { isWazoError } from '@wazo-ts/errors';
import type { FastifyInstance } from 'fastify';

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
