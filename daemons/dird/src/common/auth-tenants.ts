/**
 * dird's questions to wazo-auth about tenants (`GET /0.1/tenants`): which tenants a caller sees
 * below its scoping tenant (Wazo's `get_tenant_uuids(recurse=True)`), and, with dird's own token,
 * every tenant of the stack for the provisioning resync. Any failure is the kit's 503.
 */
import { type AuthClientConfig, authServerUnreachable, createAuthTransport } from '@wazo-ts/daemon';

export interface AuthTenant {
  uuid: string;
  name: string | null;
}

export interface AuthTenantsClient {
  /** `tenantUuid` (the token's own when absent) and every tenant below it that `token` sees. */
  list(token: string, tenantUuid?: string): Promise<AuthTenant[]>;
  close(): void;
}

function parseTenants(body: string): AuthTenant[] {
  const parsed = JSON.parse(body) as { items?: unknown };
  if (!Array.isArray(parsed.items)) throw new Error('no items in the tenant list');
  return parsed.items.map((item: Record<string, unknown>) => {
    if (typeof item.uuid !== 'string') throw new Error('a tenant without uuid');
    return { uuid: item.uuid, name: typeof item.name === 'string' ? item.name : null };
  });
}

export function createAuthTenantsClient(config: AuthClientConfig): AuthTenantsClient {
  const transport = createAuthTransport(config);
  return {
    async list(token, tenantUuid) {
      const headers: Record<string, string> = { 'x-auth-token': token };
      if (tenantUuid) headers['wazo-tenant'] = tenantUuid;
      try {
        const response = await transport.request({ method: 'GET', path: '/0.1/tenants', headers });
        // A token that may not list tenants (a user's) sees its scoping tenant alone.
        if (response.status === 401 || response.status === 403) return [];
        if (response.status !== 200) throw new Error(`wazo-auth answered ${response.status}`);
        return parseTenants(response.body);
      } catch (error) {
        throw authServerUnreachable(config, error);
      }
    },
    close: () => transport.close(),
  };
}
