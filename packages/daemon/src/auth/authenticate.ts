/**
 * The check every non-public route runs before its handler, free of any HTTP framework: find the
 * token, have the verifier vouch for it, match the route's ACL locally, then check the requested
 * tenant. Errors are WazoErrors; the daemon's error handler renders them.
 */
import { type AclParams, aclMatcherFor, requiredAclFor } from '../acl/index.js';
import { invalidTokenError, missingPermissionError, unauthorizedTenantError } from './auth-errors.js';
import type { Clock } from './clock.js';
import type { RequestAuth, RouteAccess, TokenVerifier } from './types.js';

export type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

export interface AuthenticateRequestInput {
  access: RouteAccess;
  /** Path parameters, substituted into the ACL template. */
  params: Readonly<Record<string, unknown>>;
  /** Header names in lower case, as Node gives them. */
  headers: RequestHeaders;
  query: Readonly<Record<string, unknown>>;
  verifier: TokenVerifier;
  clock?: Clock;
  /** `access.acl` compiled once for the route (`compileAclTemplate`); else parsed on each call. */
  requiredAcl?: (params: AclParams) => string;
}

function firstString(value: unknown): string {
  if (Array.isArray(value)) return firstString(value[0]);
  return typeof value === 'string' ? value : '';
}

/** `?token=` when the route allows it and it is not empty, else `X-Auth-Token` (Wazo's order). */
export function tokenOf(
  input: Pick<AuthenticateRequestInput, 'headers' | 'query'>,
  fromQuery: boolean,
): string {
  const queried = fromQuery ? firstString(input.query.token) : '';
  return queried || firstString(input.headers['x-auth-token']);
}

function requestedTenantOf(input: AuthenticateRequestInput, fromQuery: boolean): string {
  const queried = fromQuery ? firstString(input.query.tenant) : '';
  return queried || firstString(input.headers['wazo-tenant']);
}

/**
 * The request's authentication, `null` for a public route. Throws a 401 WazoError when the token
 * is missing, unknown, expired, lacks the ACL or may not use the requested tenant, and the
 * verifier's 503 when wazo-auth cannot be reached.
 */
export async function authenticateRequest(input: AuthenticateRequestInput): Promise<RequestAuth | null> {
  const { access, verifier } = input;
  if ('public' in access) return null;
  const requiredAcl = input.requiredAcl?.(input.params) ?? requiredAclFor(access.acl, input.params);
  const token = tokenOf(input, access.tokenFromQuery === true);
  if (token === '') throw invalidTokenError(token, requiredAcl);

  const info = await verifier.get(token);
  // A cached token is checked again here: the cache may serve it up to its last millisecond.
  if (info === null || info.expiresAt <= (input.clock ?? Date).now())
    throw invalidTokenError(token, requiredAcl);

  const requestedTenant = requestedTenantOf(input, access.tenantFromQuery === true);
  if (!aclMatcherFor(info).matches(requiredAcl)) {
    throw missingPermissionError(token, requiredAcl, requestedTenant || null);
  }
  const tokenTenant = info.metadata.tenant_uuid ?? null;
  if (requestedTenant === '' || requestedTenant === tokenTenant) {
    return { token: info, tenantUuid: tokenTenant, requiredAcl };
  }
  if (!(await verifier.canAccessTenant(info, requestedTenant)))
    throw unauthorizedTenantError(requestedTenant);
  return { token: info, tenantUuid: requestedTenant, requiredAcl };
}
