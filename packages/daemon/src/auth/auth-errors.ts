/**
 * The 401s of a request check, with xivo-lib-python's messages, error ids and detail keys.
 *
 * One deliberate difference: Wazo echoes the whole token in `details.invalid_token`. Error details
 * end up in logs and traces, and for `missing_permission_or_invalid_tenant` the token is a valid
 * one, so we send it masked as Wazo's logs do (same shape, last 8 characters kept).
 */
import { UnauthorizedError } from '@wazo-ts/errors';
import { maskToken } from '../logging/redact.js';

function shown(token: string): string {
  return token === '' ? '' : maskToken(token);
}

/** No token, or one wazo-auth does not know or that expired. */
export function invalidTokenError(token: string, requiredAccess: string | null): UnauthorizedError {
  const details: Record<string, unknown> = { invalid_token: shown(token), reason: 'not_found_or_expired' };
  if (requiredAccess) details.required_access = requiredAccess;
  return new UnauthorizedError('Unauthorized', { errorId: 'unauthorized', details });
}

/** A valid token whose ACL lacks the route's access. */
export function missingPermissionError(
  token: string,
  requiredAccess: string,
  tenantUuid: string | null,
): UnauthorizedError {
  return new UnauthorizedError('Unauthorized', {
    errorId: 'unauthorized',
    details: {
      invalid_token: shown(token),
      reason: 'missing_permission_or_invalid_tenant',
      required_access: requiredAccess,
      tenant_uuid: tenantUuid,
    },
  });
}

/** A `Wazo-Tenant` (or `?tenant=`) that is neither the token's tenant nor one of its descendants. */
export function unauthorizedTenantError(tenantUuid: string): UnauthorizedError {
  return new UnauthorizedError('Unauthorized tenant', {
    errorId: 'unauthorized-tenant',
    details: { tenant_uuid: tenantUuid },
  });
}
