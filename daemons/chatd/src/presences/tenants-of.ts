/**
 * The tenants a request may see: its scoping tenant (`Wazo-Tenant`, checked by the kit), and with
 * `recurse` the tenants below it that the token sees, asked to wazo-auth and kept a few seconds
 * per token so a client's bursts of presence reads do not each ask again.
 */
import { UnauthorizedError } from '@wazo-ts/errors';
import type { FastifyRequest } from 'fastify';

export interface TenantsOfOptions {
  visibleTenants(token: string, tenantUuid: string): Promise<string[]>;
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export function createTenantsOf({
  visibleTenants,
  ttlMs = 10_000,
  maxEntries = 1000,
  now = Date.now,
}: TenantsOfOptions) {
  const cache = new Map<string, { expiresAt: number; uuids: Promise<string[]> }>();
  return async (request: FastifyRequest, recurse: boolean): Promise<string[]> => {
    const auth = request.auth;
    if (!auth?.tenantUuid) throw new UnauthorizedError('Unauthorized', { errorId: 'unauthorized' });
    if (!recurse) return [auth.tenantUuid];
    const key = `${auth.token.token}\n${auth.tenantUuid}`;
    const hit = cache.get(key);
    if (hit && hit.expiresAt > now()) return hit.uuids;
    const uuids = visibleTenants(auth.token.token, auth.tenantUuid);
    uuids.catch(() => cache.delete(key));
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(key, { expiresAt: now() + ttlMs, uuids });
    return uuids;
  };
}
