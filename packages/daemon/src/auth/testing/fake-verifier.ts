/**
 * An in-memory TokenVerifier for tests of routes and plugins: tokens are added by hand, tenant
 * trees are plain parent links, and every call is counted.
 */
import type { TokenInfo, TokenVerifier } from '../types.js';

export interface FakeTokenVerifier extends TokenVerifier {
  /** Adds a token; unspecified fields get plausible values (one hour of life, tenant `t1`). */
  add(token: Partial<TokenInfo> & { token: string }): TokenInfo;
  /** Declares `child` a descendant of `parent` for canAccessTenant. */
  addSubtenant(parent: string, child: string): void;
  /** Makes every call throw this error (e.g. the 503 of an unreachable wazo-auth). */
  failWith(error: Error | null): void;
  readonly calls: { get: number; canAccessTenant: number };
}

export function createFakeTokenVerifier(): FakeTokenVerifier {
  const tokens = new Map<string, TokenInfo>();
  const parents = new Map<string, string>();
  const calls = { get: 0, canAccessTenant: 0 };
  let failure: Error | null = null;

  const isDescendant = (tenant: string, ancestor: string): boolean => {
    for (let t: string | undefined = tenant; t !== undefined; t = parents.get(t))
      if (t === ancestor) return true;
    return false;
  };

  return {
    calls,
    add(partial) {
      const info: TokenInfo = {
        auth_id: 'user-uuid',
        session_uuid: `session-${partial.token}`,
        acl: [],
        expiresAt: Date.now() + 3_600_000,
        metadata: { tenant_uuid: 't1', uuid: partial.auth_id ?? 'user-uuid' },
        ...partial,
      };
      tokens.set(info.token, info);
      return info;
    },
    addSubtenant: (parent, child) => void parents.set(child, parent),
    failWith: (error) => {
      failure = error;
    },
    async get(token) {
      calls.get += 1;
      if (failure) throw failure;
      return tokens.get(token) ?? null;
    },
    async canAccessTenant(info, tenantUuid) {
      calls.canAccessTenant += 1;
      if (failure) throw failure;
      const own = info.metadata.tenant_uuid;
      return typeof own === 'string' && isDescendant(tenantUuid, own);
    },
    revokeSession(sessionUuid) {
      for (const [token, info] of tokens) if (info.session_uuid === sessionUuid) tokens.delete(token);
    },
    revokeToken: (token) => void tokens.delete(token),
  };
}
