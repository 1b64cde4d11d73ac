/**
 * Slows down, then refuses, repeated login failures, without letting anyone lock a known user
 * out. Wazo has no such guard (every POST /token is a password check, so a password can be
 * guessed at the speed of PBKDF2); this is wazo-ts's (config `login_failures`, docs/security.md
 * "Login throttling and lockout"). Failures are counted in fixed windows of `window_seconds`:
 * - per (login, address) pair: slowed from half of `max_per_pair` (50 ms doubling, at most 1 s),
 *   refused with 429 at it until the window ends, even with the right password (otherwise the
 *   refusal would tell the guesser it found it);
 * - per login across addresses: beyond `max_per_login`, refused only from addresses the login
 *   has not succeeded from within `known_address_seconds`, so a botnet spreading guesses cannot
 *   lock the user out of its own desk;
 * - per address across logins: beyond `max_per_address`, logins not known there are slowed
 *   (100 ms doubling, at most 2 s), never refused, so one office behind NAT, or a gateway
 *   address, cannot lock everyone out.
 * A success forgets its pair's failures and remembers the address for the login; it does not
 * reset the login's count, or each success of the real user would hand an attacker elsewhere a
 * fresh budget. Memory is bounded: each map keeps at most `maxEntries` keys, oldest dropped first.
 */
import { TooManyRequestsError } from '@wazo-ts/errors';
import { type Counter, createFailureCounters } from './failure-counters.js';
import { createKnownAddresses } from './known-addresses.js';

export interface LoginFailureConfig {
  max_per_pair: number;
  max_per_login: number;
  max_per_address: number;
  window_seconds: number;
  known_address_seconds: number;
}

export interface LoginGuardOptions {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  maxEntries?: number;
  maxKnownPerLogin?: number;
}

export interface LoginGuard {
  /** Waits when slowed down; throws a 429 (details.retry_after, seconds) when refused. */
  admit(login: string | null, address: string): Promise<void>;
  failed(login: string | null, address: string): void;
  succeeded(login: string, address: string): void;
  /** How many keys are tracked (for the bound test and /status). */
  size(): number;
}

const MAX_DELAY_MS = 1000;
const MAX_ADDRESS_DELAY_MS = 2000;

export const tooManyFailures = (retryAfter: number) =>
  new TooManyRequestsError('Too many failed authentications, try again later', {
    details: { retry_after: retryAfter },
  });

/** From half the limit on, 50 ms doubling per failure, capped. */
function delayBelow(counter: Counter | undefined, max: number): number {
  const half = Math.ceil(max / 2);
  if (!counter || counter.failures < half) return 0;
  return Math.min(MAX_DELAY_MS, 50 * 2 ** (counter.failures - half));
}

/** Beyond the limit, 100 ms doubling per failure, capped. */
function delayBeyond(counter: Counter | undefined, max: number): number {
  if (!counter || counter.failures < max) return 0;
  return Math.min(MAX_ADDRESS_DELAY_MS, 100 * 2 ** Math.min(counter.failures - max, 16));
}

export function createLoginGuard(config: LoginFailureConfig, options: LoginGuardOptions = {}): LoginGuard {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxEntries = options.maxEntries ?? 10_000;
  const windowMs = config.window_seconds * 1000;
  const pairs = createFailureCounters(windowMs, maxEntries, now);
  const logins = createFailureCounters(windowMs, maxEntries, now);
  const addresses = createFailureCounters(windowMs, maxEntries, now);
  const known = createKnownAddresses(
    {
      retentionMs: config.known_address_seconds * 1000,
      maxLogins: maxEntries,
      maxPerLogin: options.maxKnownPerLogin ?? 5,
    },
    now,
  );
  const loginKey = (login: string) => login.toLowerCase();
  const pairKey = (login: string, address: string) => JSON.stringify([loginKey(login), address]);

  /** The delay a password login waits, or its refusal, from its own and its pair's failures. */
  const judgeLogin = (login: string, address: string, isKnown: boolean): number => {
    const pair = pairs.current(pairKey(login, address));
    if (pair && pair.failures >= config.max_per_pair) throw tooManyFailures(pairs.retryAfter(pair));
    const pairDelay = delayBelow(pair, config.max_per_pair);
    if (isKnown) return pairDelay;
    const byLogin = logins.current(loginKey(login));
    if (byLogin && byLogin.failures >= config.max_per_login)
      throw tooManyFailures(logins.retryAfter(byLogin));
    return Math.max(pairDelay, delayBelow(byLogin, config.max_per_login));
  };

  return {
    async admit(login, address) {
      const isKnown = login !== null && known.isKnown(loginKey(login), address);
      const own = login === null ? 0 : judgeLogin(login, address, isKnown);
      const crowd = isKnown ? 0 : delayBeyond(addresses.current(address), config.max_per_address);
      const delay = Math.max(own, crowd);
      if (delay > 0) await sleep(delay);
    },
    failed(login, address) {
      if (login !== null) {
        pairs.bump(pairKey(login, address));
        logins.bump(loginKey(login));
      }
      addresses.bump(address);
    },
    succeeded(login, address) {
      pairs.forget(pairKey(login, address));
      known.remember(loginKey(login), address);
    },
    size: () => pairs.size() + logins.size() + addresses.size() + known.size(),
  };
}
