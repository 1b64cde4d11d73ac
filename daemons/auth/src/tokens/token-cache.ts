/**
 * wazo-auth's in-process memory of live tokens, so HEAD /token/{t} (what every Wazo daemon calls)
 * and wazo-auth's own verifier skip the database. A token row never changes after login (its ACL
 * and metadata are fixed then, and its user's tenant cannot change), so the only things that end
 * an entry are its expiry and its session's deletion:
 * - this process's deletions evict synchronously: every unit of work that queues
 *   `auth_session_deleted` evicts those sessions right after COMMIT, before the caller answers
 *   (see `evictingUnitOfWork`); `auth_tenant_deleted` (sessions gone by cascade, no event each)
 *   clears everything;
 * - another wazo-auth's deletions arrive as the same events on the bus.
 * A lookup that raced with an eviction must not put back what was evicted: each fill carries the
 * eviction count seen before its read and is dropped if an eviction happened meanwhile.
 */
import type { AclMatcher } from '@wazo-ts/daemon';
import type { StoredToken } from './token.model.js';

export interface CachedToken {
  stored: StoredToken;
  /** The token's user's tenant (null for internal tokens): the root of `?tenant=` checks. */
  userTenant: string | null;
  matcher: AclMatcher;
}

export interface TokenCache {
  /** The live entry, or undefined (an expired one is dropped). */
  get(tokenUuid: string, now: number): CachedToken | undefined;
  /** To call before reading the database for a token; hand it back to `fill`. */
  ticket(): number;
  /** Caches the entry unless an eviction happened since `ticket` was taken. */
  fill(ticket: number, entry: CachedToken): void;
  evictSession(sessionUuid: string): void;
  clear(): void;
  readonly size: number;
}

/** 10,000 live tokens of a few hundred bytes each: a few MB, far more than concurrent sessions. */
export const DEFAULT_MAX_TOKENS = 10_000;
/** Tokens re-read at least this often (ms), a bound on staleness if an event were ever missed. */
export const DEFAULT_MAX_AGE_MS = 60_000;

interface Entry extends CachedToken {
  staleAt: number;
}

export function createTokenCache(
  options: { maxEntries?: number; maxAgeMs?: number; now?: () => number } = {},
): TokenCache {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_TOKENS;
  const maxAge = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  const clock = options.now ?? Date.now;
  // Map iterates in insertion order: re-inserting on each hit keeps the coldest entry first.
  const byToken = new Map<string, Entry>();
  const bySession = new Map<string, string>();
  let evictions = 0;

  const drop = (tokenUuid: string) => {
    const entry = byToken.get(tokenUuid);
    if (!entry) return;
    byToken.delete(tokenUuid);
    bySession.delete(entry.stored.sessionUuid);
  };

  return {
    get(tokenUuid, now) {
      const entry = byToken.get(tokenUuid);
      if (!entry) return undefined;
      if (now > entry.stored.expiresAt.getTime() || now >= entry.staleAt) {
        drop(tokenUuid);
        return undefined;
      }
      byToken.delete(tokenUuid);
      byToken.set(tokenUuid, entry);
      return entry;
    },
    ticket: () => evictions,
    fill(ticket, entry) {
      if (ticket !== evictions) return;
      const { uuid, sessionUuid } = entry.stored;
      drop(uuid);
      byToken.set(uuid, { ...entry, staleAt: clock() + maxAge });
      bySession.set(sessionUuid, uuid);
      while (byToken.size > maxEntries) drop(byToken.keys().next().value as string);
    },
    evictSession(sessionUuid) {
      evictions++;
      const tokenUuid = bySession.get(sessionUuid);
      if (tokenUuid !== undefined) drop(tokenUuid);
    },
    clear() {
      evictions++;
      byToken.clear();
      bySession.clear();
    },
    get size() {
      return byToken.size;
    },
  };
}
