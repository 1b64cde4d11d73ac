/**
 * The tenants a request may see, as Wazo's dird: the scoping tenant (`Wazo-Tenant`, already
 * checked against the token by the kit), and with `recurse` every tenant below it the token sees
 * (asked to wazo-auth, cached a few seconds per token and tenant). Item routes always recurse.
 */
import { UnauthorizedError } from '@wazo-ts/errors';
import type { FastifyRequest } from 'fastify';
import type { AuthTenantsClient } from './auth-tenants.js';

export interface TenantScopes {
  /** The tenant a create stamps. */
  tenantOf(request: FastifyRequest): string;
  /** The tenant uuids the request sees: its tenant, and its sub-tenants when `recurse`. */
  visible(request: FastifyRequest, recurse: boolean): Promise<string[]>;
  /** Forgets every cached answer (a tenant appeared or went away). */
  clear(): void;
}

export interface TenantScopesOptions {
  client: Pick<AuthTenantsClient, 'list'>;
  ttlMs?: number;
  now?: () => number;
}

const MAX_ENTRIES = 1000;

export function createTenantScopes(options: TenantScopesOptions): TenantScopes {
  const ttlMs = options.ttlMs ?? 10_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { expiresAt: number; uuids: Promise<string[]> }>();

  const authOf = (request: FastifyRequest) => {
    const auth = request.auth;
    if (!auth?.tenantUuid) throw new UnauthorizedError('Unauthorized', { errorId: 'unauthorized' });
    return { token: auth.token.token, tenantUuid: auth.tenantUuid };
  };

  function below(token: string, tenantUuid: string): Promise<string[]> {
    const key = `${token}\n${tenantUuid}`;
    const hit = cache.get(key);
    if (hit && hit.expiresAt > now()) return hit.uuids;
    const uuids = options.client.list(token, tenantUuid).then((tenants) => {
      const found = tenants.map((t) => t.uuid);
      return found.includes(tenantUuid) ? found : [tenantUuid, ...found];
    });
    uuids.catch(() => cache.delete(key));
    cache.delete(key);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(key, { expiresAt: now() + ttlMs, uuids });
    return uuids;
  }

  return {
    tenantOf: (request) => authOf(request).tenantUuid,
    async visible(request, recurse) {
      const { token, tenantUuid } = authOf(request);
      return recurse ? below(token, tenantUuid) : [tenantUuid];
    },
    clear: () => cache.clear(),
  };
}
