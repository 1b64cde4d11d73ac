/**
 * The kit's TokenVerifier for wazo-auth's own routes: it reads its own tokens instead of asking
 * itself over HTTP, through the same lookup and cache as HEAD /token/{t}. That cache is evicted
 * synchronously by this process's revocations (see tokens/token-cache.ts), so a revoked token
 * (its session deleted) stops working on the very next request, here as in the token checks.
 * The token's tenant is its user's tenant as the database has it (reference §5), not a copy taken
 * at login; nothing moves a user to another tenant, so caching it with the token is exact.
 */
import type { TokenInfo, TokenVerifier } from '@wazo-ts/daemon';
import type { Kysely } from 'kysely';
import type { AuthDatabase } from '../db/schema.js';
import { isInSubtree } from '../tenant-tree/index.js';
import { tokenDao } from '../tokens/token.dao.js';
import type { TokenCache } from '../tokens/token-cache.js';
import { createTokenLookup } from '../tokens/token-lookup.js';

export interface LocalVerifierOptions {
  now?: () => number;
  /** The daemon's token cache; without one every request reads the database. */
  cache?: TokenCache | null;
}

export function createLocalTokenVerifier(
  db: Kysely<AuthDatabase>,
  options: LocalVerifierOptions = {},
): TokenVerifier {
  const lookup = createTokenLookup({
    db,
    dao: tokenDao,
    cache: options.cache ?? null,
    now: options.now ?? Date.now,
  });
  return {
    async get(token) {
      const found = await lookup(token);
      if (!found) return null;
      const { stored, userTenant } = found;
      const metadata = { ...stored.metadata };
      if (userTenant) metadata.tenant_uuid = userTenant;
      const info: TokenInfo = {
        token: stored.uuid,
        auth_id: stored.authId,
        session_uuid: stored.sessionUuid,
        acl: stored.acl,
        expiresAt: stored.expiresAt.getTime(),
        metadata,
        xivo_user_uuid: stored.pbxUserUuid,
      };
      return info;
    },
    async canAccessTenant(token, tenantUuid) {
      const own = token.metadata.tenant_uuid;
      if (typeof own !== 'string') return false;
      return isInSubtree(db, own, tenantUuid);
    },
    // The shared cache follows the unit of work's and the bus's auth_session_deleted already.
    revokeSession() {},
    revokeToken() {},
  };
}
