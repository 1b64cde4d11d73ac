/**
 * The caller's TenantScope, as Wazo's confd builds its tenant list: the scoping tenant (the kit
 * already checked `Wazo-Tenant` against the token), plus, when recursing, every tenant below it
 * that the token sees, asked to wazo-auth. Item routes always recurse (a sub-tenant's user is
 * reachable from its parent); lists only with `recurse=true`.
 */
import { scopeOf, type TenantScope } from '@wazo-ts/dao';
import { UnauthorizedError } from '@wazo-ts/errors';
import type { FastifyRequest } from 'fastify';
import type { AuthTenantsClient } from './auth-tenants.js';

export interface VisibleTenants {
  /** The uuids of `tenantUuid` and its sub-tenants that `token` sees. */
  of(token: string, tenantUuid: string): Promise<string[]>;
  /** Forgets every cached answer (a tenant appeared or went away). */
  clear(): void;
}

export interface VisibleTenantsOptions {
  client: Pick<AuthTenantsClient, 'list'>;
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}

interface CacheEntry {
  expiresAt: number;
  uuids: Promise<string[]>;
}

/** Cached per token and tenant for a short time: a page of lists must not ask wazo-auth each time. */
export function createVisibleTenants(options: VisibleTenantsOptions): VisibleTenants {
  const { client, ttlMs } = options;
  const maxEntries = options.maxEntries ?? 1000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, CacheEntry>();

  function fetchUuids(token: string, tenantUuid: string): Promise<string[]> {
    return client.list(token, tenantUuid).then((tenants) => {
      const uuids = tenants.map((t) => t.uuid);
      return uuids.includes(tenantUuid) ? uuids : [tenantUuid, ...uuids];
    });
  }

  return {
    of(token, tenantUuid) {
      const key = `${token}\n${tenantUuid}`;
      const hit = cache.get(key);
      if (hit && hit.expiresAt > now()) return hit.uuids;
      const uuids = fetchUuids(token, tenantUuid);
      // A failure is not remembered: the next request asks again.
      uuids.catch(() => cache.delete(key));
      cache.delete(key);
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
      cache.set(key, { expiresAt: now() + ttlMs, uuids });
      return uuids;
    },
    clear: () => cache.clear(),
  };
}

function authOf(request: FastifyRequest) {
  const auth = request.auth;
  if (!auth?.tenantUuid) throw new UnauthorizedError('Unauthorized', { errorId: 'unauthorized' });
  return { token: auth.token.token, tenantUuid: auth.tenantUuid };
}

/** The tenant a create stamps: `Wazo-Tenant` when given and allowed, else the token's tenant. */
export function scopingTenantOf(request: FastifyRequest): string {
  return authOf(request).tenantUuid;
}

/** The tenants a call may see: the scoping tenant, and its visible sub-tenants when recursing. */
export async function tenantScopeOf(
  request: FastifyRequest,
  visible: VisibleTenants,
  recurse: boolean,
): Promise<TenantScope> {
  const { token, tenantUuid } = authOf(request);
  if (!recurse) return scopeOf(tenantUuid);
  return scopeOf(...(await visible.of(token, tenantUuid)));
}
