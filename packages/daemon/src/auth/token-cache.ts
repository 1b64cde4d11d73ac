/**
 * What a daemon remembers of wazo-auth's answers: known tokens until they expire (or are revoked),
 * and unknown tokens for a few seconds, in a separate, smaller LRU so a flood of random tokens
 * cannot push the valid ones out.
 */
import type { Clock } from './clock.js';
import { createLru } from './lru.js';
import type { TokenInfo } from './types.js';

export interface CachedToken {
  info: TokenInfo;
  /** Tenant answers of wazo-auth for this token (tenant uuid → allowed). */
  tenants: Map<string, boolean>;
}

export interface TokenCacheOptions {
  /** Known tokens kept at most (10 000 by default). */
  maxEntries?: number;
  /** Unknown tokens remembered at most (1 000 by default). */
  maxNegativeEntries?: number;
  /** Milliseconds an unknown token is answered without asking again (5 000 by default). */
  negativeTtlMs?: number;
  /**
   * Upper bound on how long a known token is trusted without asking again, for deployments that
   * cannot rely on `auth_session_deleted` events reaching every daemon. None by default.
   */
  maxTtlMs?: number;
}

export interface TokenCache {
  get(token: string): CachedToken | undefined;
  set(info: TokenInfo): CachedToken;
  isKnownUnknown(token: string): boolean;
  setUnknown(token: string): void;
  deleteToken(token: string): void;
  deleteSession(sessionUuid: string): void;
  /** Forgets everything, known and unknown tokens alike. */
  clear(): void;
  readonly size: number;
}

interface Entry extends CachedToken {
  staleAt: number;
}

export function createTokenCache(clock: Clock, options: TokenCacheOptions = {}): TokenCache {
  const negativeTtl = options.negativeTtlMs ?? 5_000;
  const maxTtl = options.maxTtlMs ?? Number.POSITIVE_INFINITY;
  const bySession = new Map<string, Set<string>>();
  const unindex = (token: string, entry: Entry) => {
    const tokens = bySession.get(entry.info.session_uuid);
    tokens?.delete(token);
    if (tokens?.size === 0) bySession.delete(entry.info.session_uuid);
  };
  const known = createLru<string, Entry>(options.maxEntries ?? 10_000, unindex);
  const unknown = createLru<string, number>(options.maxNegativeEntries ?? 1_000);

  function deleteToken(token: string): void {
    const entry = known.get(token);
    if (entry) unindex(token, entry);
    known.delete(token);
    unknown.delete(token);
  }

  return {
    get(token) {
      const entry = known.get(token);
      if (entry === undefined) return undefined;
      if (clock.now() < entry.staleAt) return entry;
      deleteToken(token);
      return undefined;
    },
    set(info) {
      deleteToken(info.token);
      const entry: Entry = {
        info,
        tenants: new Map(),
        staleAt: Math.min(info.expiresAt, clock.now() + maxTtl),
      };
      known.set(info.token, entry);
      const tokens = bySession.get(info.session_uuid) ?? new Set<string>();
      bySession.set(info.session_uuid, tokens.add(info.token));
      return entry;
    },
    isKnownUnknown(token) {
      const until = unknown.get(token);
      if (until === undefined) return false;
      if (clock.now() < until) return true;
      unknown.delete(token);
      return false;
    },
    setUnknown(token) {
      unknown.set(token, clock.now() + negativeTtl);
    },
    deleteToken,
    deleteSession(sessionUuid) {
      for (const token of [...(bySession.get(sessionUuid) ?? [])]) deleteToken(token);
    },
    clear() {
      known.clear();
      unknown.clear();
      bySession.clear();
    },
    get size() {
      return known.size;
    },
  };
}
