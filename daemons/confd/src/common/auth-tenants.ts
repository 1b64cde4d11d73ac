/**
 * confd's one question to wazo-auth about tenants: which tenants a token sees below a tenant
 * (`GET /0.1/tenants` with `Wazo-Tenant`), as Wazo's confd asks for `recurse=true` and its sync.
 * Any failure is the kit's 503 `authentication-server-unreachable`.
 */
import { type AuthClientConfig, authServerUnreachable, createAuthTransport } from '@wazo-ts/daemon';

export interface AuthTenant {
  uuid: string;
  slug: string | null;
  name: string | null;
}

export interface AuthTenantsClient {
  /** The tenant itself and every tenant below it that `token` may see; none when it may not list. */
  list(token: string, tenantUuid?: string): Promise<AuthTenant[]>;
  close(): void;
}

function parseTenants(body: string): AuthTenant[] {
  const parsed = JSON.parse(body) as { items?: unknown };
  if (!Array.isArray(parsed.items)) throw new Error('no items in the tenant list');
  return parsed.items.map((item: Record<string, unknown>) => {
    if (typeof item.uuid !== 'string') throw new Error('a tenant without uuid');
    return {
      uuid: item.uuid,
      slug: typeof item.slug === 'string' ? item.slug : null,
      name: typeof item.name === 'string' ? item.name : null,
    };
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
        // As xivo's Token.visible_tenants: a token that may not list tenants (a plain user's)
        // sees its scoping tenant alone, which the kit has already checked it may use.
        if (response.status === 401) return [];
        if (response.status !== 200) throw new Error(`wazo-auth answered ${response.status}`);
        return parseTenants(response.body);
      } catch (error) {
        throw authServerUnreachable(config, error);
      }
    },
    close: () => transport.close(),
  };
}
