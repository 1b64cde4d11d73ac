/**
 * The token verifier of every daemon but wazo-auth: asks wazo-auth once per token (GET, no scope,
 * since ACLs are checked locally) and remembers the answer until the token expires or its session
 * is revoked. Concurrent requests with the same token share one lookup. A `fresh` lookup skips
 * the cache (and refreshes it), for re-checks that must not trust a possibly missed revocation.
 */
import type { Logger } from 'pino';
import type { AuthClientConfig } from '../config/schema.js';
import { maskToken } from '../logging/redact.js';
import { type AuthTransport, authServerUnreachable, createAuthTransport } from './auth-transport.js';
import { type Clock, type Scheduler, systemClock } from './clock.js';
import { type CachedToken, createTokenCache, type TokenCacheOptions } from './token-cache.js';
import type { TokenInfo, TokenLookupOptions, TokenVerifier } from './types.js';
import { parseTokenDocument } from './wazo-token.js';

export type AuthLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

export interface HttpTokenVerifierOptions {
  config: AuthClientConfig;
  logger: AuthLogger;
  clock?: Clock;
  /** Times the deadline of each call to wazo-auth (`timeout`). */
  scheduler?: Scheduler;
  /** Replaces the node:http(s) client (tests, or a gateway's in-process call). */
  transport?: AuthTransport;
  cache?: TokenCacheOptions;
}

export interface HttpTokenVerifier extends TokenVerifier {
  /** Known tokens held in the cache. */
  readonly cachedTokens: number;
  forgetAll(): void;
  /** Closes idle connections to wazo-auth. */
  close(): void;
}

// Answers of wazo-auth kept per token: more tenants than this means a client walking uuids.
const MAX_TENANT_ANSWERS = 100;
// A token is a UUID; anything far longer is not worth a call to wazo-auth.
const MAX_TOKEN_LENGTH = 512;

interface Lookup<T> {
  promise: Promise<T>;
  /** Cleared by a revocation during the lookup, so a stale answer is returned but not kept. */
  cacheable: boolean;
}

export function createHttpTokenVerifier(options: HttpTokenVerifierOptions): HttpTokenVerifier {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const transport = options.transport ?? createAuthTransport(config, options.scheduler);
  const cache = createTokenCache(clock, options.cache);
  const lookups = new Map<string, Lookup<TokenInfo | null>>();
  const tenantLookups = new Map<string, Promise<boolean>>();

  async function call(method: 'GET' | 'HEAD', path: string) {
    try {
      return await transport.request({ method, path });
    } catch (error) {
      throw authServerUnreachable(config, error);
    }
  }

  async function fetchToken(token: string): Promise<TokenInfo | null> {
    const response = await call('GET', `/0.1/token/${encodeURIComponent(token)}`);
    if (response.status === 404) return null;
    if (response.status !== 200)
      throw authServerUnreachable(config, new Error(`wazo-auth answered ${response.status}`));
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      throw authServerUnreachable(config, new Error('wazo-auth answered invalid JSON'));
    }
    const info = parseTokenDocument(body);
    if (info instanceof Error) throw authServerUnreachable(config, info);
    return info.expiresAt > clock.now() ? { ...info, token } : null;
  }

  function lookUp(token: string): Promise<TokenInfo | null> {
    const lookup: Lookup<TokenInfo | null> = { promise: fetchToken(token), cacheable: true };
    lookups.set(token, lookup);
    lookup.promise = lookup.promise
      .then((info) => {
        if (lookup.cacheable && info) cache.set(info);
        if (lookup.cacheable && !info) {
          // A fresh lookup may find a cached token gone: the old answer must not outlive it.
          cache.deleteToken(token);
          cache.setUnknown(token);
        }
        logger.debug({ token: maskToken(token), found: info !== null }, 'token looked up in wazo-auth');
        return info;
      })
      .finally(() => lookups.delete(token));
    return lookup.promise;
  }

  async function get(token: string, options: TokenLookupOptions = {}): Promise<TokenInfo | null> {
    if (token === '' || token.length > MAX_TOKEN_LENGTH) return null;
    if (!options.fresh) {
      const cached = cache.get(token);
      if (cached) return cached.info;
      if (cache.isKnownUnknown(token)) return null;
    }
    // A lookup already under way is being answered by wazo-auth right now: fresh enough to share.
    return lookups.get(token)?.promise ?? lookUp(token);
  }

  async function askTenant(info: TokenInfo, tenantUuid: string, cached: CachedToken | undefined) {
    const query = `tenant=${encodeURIComponent(tenantUuid)}`;
    const response = await call('HEAD', `/0.1/token/${encodeURIComponent(info.token)}?${query}`);
    if (response.status === 404) {
      revokeToken(info.token);
      return false;
    }
    if (response.status !== 204 && response.status !== 403) {
      throw authServerUnreachable(config, new Error(`wazo-auth answered ${response.status}`));
    }
    const allowed = response.status === 204;
    if (cached && cached.tenants.size < MAX_TENANT_ANSWERS) cached.tenants.set(tenantUuid, allowed);
    return allowed;
  }

  async function canAccessTenant(info: TokenInfo, tenantUuid: string): Promise<boolean> {
    if (tenantUuid === '') return false;
    if (tenantUuid === info.metadata.tenant_uuid) return true;
    const cached = cache.get(info.token);
    const known = cached?.tenants.get(tenantUuid);
    if (known !== undefined) return known;
    const key = `${info.token}\n${tenantUuid}`;
    const pending =
      tenantLookups.get(key) ?? askTenant(info, tenantUuid, cached).finally(() => tenantLookups.delete(key));
    tenantLookups.set(key, pending);
    return pending;
  }

  function revokeToken(token: string): void {
    cache.deleteToken(token);
    const lookup = lookups.get(token);
    if (lookup) lookup.cacheable = false;
  }

  function revokeSession(sessionUuid: string): void {
    cache.deleteSession(sessionUuid);
    // The session of a token being looked up is not known yet: none of them may be cached.
    for (const lookup of lookups.values()) lookup.cacheable = false;
  }

  function forgetAll(): void {
    cache.clear();
    for (const lookup of lookups.values()) lookup.cacheable = false;
  }

  return {
    get,
    canAccessTenant,
    revokeToken,
    revokeSession,
    forgetAll,
    get cachedTokens() {
      return cache.size;
    },
    close: () => transport.close(),
  };
}
