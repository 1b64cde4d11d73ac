/**
 * What chatd reads from wazo-auth: tenants, sessions and refresh tokens (start-up sync, with the
 * service token), and the tenants a caller's token sees below its scoping tenant (recurse).
 */
import type { RestClient } from './rest-client.js';
import { listAll } from './rest-client.js';

export interface AuthSession {
  uuid: string;
  user_uuid: string;
  tenant_uuid: string;
  mobile: boolean;
}

export interface AuthRefreshToken {
  client_id: string;
  user_uuid: string;
  tenant_uuid: string;
  mobile: boolean;
}

const PAGE = 500;

export function createAuthSource(client: RestClient) {
  return {
    async tenantUuids(token: string): Promise<string[]> {
      const tenants = await listAll<{ uuid: string }>(client, '/0.1/tenants', token, PAGE);
      return tenants.map((t) => t.uuid);
    },
    sessions: (token: string) => listAll<AuthSession>(client, '/0.1/sessions?recurse=true', token, PAGE),
    refreshTokens: (token: string) =>
      listAll<AuthRefreshToken>(client, '/0.1/tokens?recurse=true', token, PAGE),
    /**
     * `tenantUuid` and the tenants below it that `token` sees. A token that may not list tenants
     * (a user's) sees its scoping tenant alone, which the kit has checked it may use.
     */
    async visibleTenants(token: string, tenantUuid: string): Promise<string[]> {
      const { status, body } = await client.get('/0.1/tenants?recurse=true', token, {
        'wazo-tenant': tenantUuid,
      });
      if (status === 401 || status === 403) return [tenantUuid];
      if (status !== 200) throw new Error(`wazo-auth answered ${status} to GET /tenants`);
      const uuids = ((body as { items?: { uuid: string }[] }).items ?? []).map((t) => t.uuid);
      return uuids.includes(tenantUuid) ? uuids : [tenantUuid, ...uuids];
    },
  };
}

export type AuthSource = ReturnType<typeof createAuthSource>;
