/**
 * Reading, checking and revoking tokens (GET/HEAD/DELETE /token/{t}, scopes/check), and the
 * periodic purge of expired ones. A token is its session: revoking deletes the session, which
 * emits auth_session_deleted so every daemon drops the token from its cache.
 */

import type { UnitOfWork } from '@wazo-ts/db';
import type { AuthDatabase } from '../db/schema.js';
import type { SessionNotifier } from '../sessions/session.notifier.js';
import type { TenantTree } from '../tenant-tree/index.js';
import type { TokenDao } from './token.dao.js';
import { noSuchToken, unauthorizedScope, unauthorizedTenant } from './token.errors.js';
import { type Token, toTokenDocument } from './token.model.js';
import type { CachedToken } from './token-cache.js';
import type { TokenLookup } from './token-lookup.js';

export interface TokenServiceDeps {
  uow: UnitOfWork<AuthDatabase>;
  dao: TokenDao;
  /** Live tokens, cached (see token-cache.ts): a check is usually no query at all. */
  lookup: TokenLookup;
  notifier: SessionNotifier;
  tenants: TenantTree;
  now: () => number;
}

export function createTokenService(deps: TokenServiceDeps) {
  const { uow, dao, tenants } = deps;

  const live = async (tokenUuid: string): Promise<CachedToken> => {
    const token = await deps.lookup(tokenUuid);
    if (!token) throw noSuchToken();
    return token;
  };

  /**
   * Wazo's rule: the token's user's tenant (fixed for the user's life, so cached with the token),
   * or a descendant, found by one indexed walk up from `tenantUuid`; internal tokens pass.
   */
  const assertTenant = async (token: CachedToken, tenantUuid: string | null | undefined) => {
    if (!tenantUuid || token.stored.authId === 'wazo-auth') return;
    if (token.userTenant === tenantUuid) return;
    const own = token.userTenant ?? token.stored.metadata.tenant_uuid;
    const allowed =
      typeof own === 'string' && (await uow.read((tx) => tenants.isInSubtree(tx.db, own, tenantUuid)));
    if (!allowed) throw unauthorizedTenant(tenantUuid);
  };

  return {
    /** The token if it is live, grants `scope` and may use `tenant`; 404 / 403 otherwise. */
    async check(tokenUuid: string, scope?: string, tenantUuid?: string): Promise<Token> {
      const token = await live(tokenUuid);
      if (scope && !token.matcher.matches(scope)) throw unauthorizedScope(scope);
      await assertTenant(token, tenantUuid);
      return toTokenDocument(token.stored);
    },

    async checkScopes(tokenUuid: string, scopes: string[], tenantUuid?: string | null) {
      const token = await live(tokenUuid);
      const statuses: Record<string, boolean> = {};
      for (const scope of new Set(scopes)) statuses[scope] = token.matcher.matches(scope);
      await assertTenant(token, tenantUuid);
      return { scopes: statuses };
    },

    /** Revokes the token and its session; a no-op for unknown tokens (Wazo answers success). */
    revoke(tokenUuid: string): Promise<void> {
      return uow.run(async (tx) => {
        const deleted = await dao.deleteByToken(tx.db, tokenUuid);
        if (deleted) deps.notifier.deleted(tx, deleted);
      });
    },

    /** Deletes expired tokens in batches, each batch with its events; returns how many went. */
    async purgeExpired(batchSize = 5000): Promise<number> {
      let total = 0;
      for (;;) {
        const deleted = await uow.run(async (tx) => {
          const gone = await dao.purgeExpired(tx.db, new Date(deps.now()), batchSize);
          for (const session of gone) deps.notifier.deleted(tx, session);
          return gone.length;
        });
        total += deleted;
        if (deleted < batchSize) return total;
      }
    },

    /** Announces auth_session_expire_soon for tokens expiring within the next `seconds`. */
    notifyExpiringSoon(seconds: number): Promise<number> {
      return uow.run(async (tx) => {
        const from = new Date(deps.now());
        const soon = await dao.expiringBetween(tx.db, from, new Date(from.getTime() + seconds * 1000));
        for (const session of soon) deps.notifier.expireSoon(tx, session);
        return soon.length;
      });
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
