/**
 * A live token by its uuid: from the token cache when it is there, else one database read that
 * fills the cache. Shared by the token checks (HEAD/GET /token/{t}, scopes/check) and wazo-auth's
 * local verifier, so both see the same revocations at the same moment.
 */
import { compileAcl } from '@wazo-ts/daemon';
import type { AuthDb } from '../db/auth-db.js';
import type { TokenDao } from './token.dao.js';
import { isExpired } from './token.model.js';
import type { CachedToken, TokenCache } from './token-cache.js';

export type TokenLookup = (tokenUuid: string) => Promise<CachedToken | null>;

export interface TokenLookupDeps {
  db: AuthDb;
  dao: Pick<TokenDao, 'getWithTenant'>;
  /** Null: every lookup reads the database. */
  cache: TokenCache | null;
  now: () => number;
}

export function createTokenLookup(deps: TokenLookupDeps): TokenLookup {
  const { db, dao, cache } = deps;
  return async (tokenUuid) => {
    const now = deps.now();
    const hit = cache?.get(tokenUuid, now);
    if (hit) return hit;
    // Taken before the read: an eviction while it runs keeps a now-deleted row out of the cache.
    const ticket = cache?.ticket() ?? 0;
    const found = await dao.getWithTenant(db, tokenUuid);
    if (!found || isExpired(found.stored, now)) return null;
    const { stored } = found;
    const matcher = compileAcl(stored.acl, { authId: stored.authId, sessionUuid: stored.sessionUuid });
    const entry: CachedToken = { ...found, matcher };
    cache?.fill(ticket, entry);
    return entry;
  };
}
