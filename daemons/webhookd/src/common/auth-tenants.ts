/**
 * webhookd's one question to wazo-auth about tenants: which tenants a caller's token sees below a
 * tenant (`GET /0.1/tenants` with `Wazo-Tenant`), as Wazo's webhookd asks for `recurse=true` and
 * item routes. Any failure is the kit's 503 `authentication-server-unreachable`.
 */
import { type AuthClientConfig, authServerUnreachable, createAuthTransport } from '@wazo-ts/daemon';

export interface AuthTenantsClient {
  /** Uuids of the tenant itself and of every tenant below it that `token` may see. */
  visible(token: string, tenantUuid: string): Promise<string[]>;
  close(): void;
}

function parseUuids(body: string): string[] {
  const parsed = JSON.parse(body) as { items?: unknown };
  if (!Array.isArray(parsed.items)) throw new Error('no items in the tenant list');
  return parsed.items.map((item: { uuid?: unknown }) => {
    if (typeof item.uuid !== 'string') throw new Error('a tenant without uuid');
    return item.uuid;
  });
}

export function createAuthTenantsClient(config: AuthClientConfig): AuthTenantsClient {
  const transport = createAuthTransport(config);
  return {
    async visible(token, tenantUuid) {
      const headers = { 'x-auth-token': token, 'wazo-tenant': tenantUuid };
      try {
        const response = await transport.request({ method: 'GET', path: '/0.1/tenants', headers });
        // A token that may not list tenants (a plain user's) sees its scoping tenant alone, which
        // the kit has already checked it may use.
        const uuids =
          response.status === 401 ? [] : response.status === 200 ? parseUuids(response.body) : null;
        if (!uuids) throw new Error(`wazo-auth answered ${response.status}`);
        return uuids.includes(tenantUuid) ? uuids : [tenantUuid, ...uuids];
      } catch (error) {
        throw authServerUnreachable(config, error);
      }
    },
    close: () => transport.close(),
  };
}

/** Cached per token and tenant for a short time: a page of calls must not ask wazo-auth each time. */
export function cachedVisibleTenants(
  client: Pick<AuthTenantsClient, 'visible'>,
  options: { ttlMs: number; maxEntries?: number; now?: () => number },
): Pick<AuthTenantsClient, 'visible'> {
  const maxEntries = options.maxEntries ?? 1000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { expiresAt: number; uuids: Promise<string[]> }>();
  return {
    visible(token, tenantUuid) {
      const key = `${token}\n${tenantUuid}`;
      const hit = cache.get(key);
      if (hit && hit.expiresAt > now()) return hit.uuids;
      const uuids = client.visible(token, tenantUuid);
      uuids.catch(() => cache.delete(key));
      cache.delete(key);
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
      cache.set(key, { expiresAt: now() + options.ttlMs, uuids });
      return uuids;
    },
  };
}
