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
 * fresh budget. The counts live in a store (guard-store.ts): wazo-auth's database, so every
 * process on it shares one budget, or the process's memory (bounded: each map keeps at most
 * `maxEntries` keys, oldest dropped first).
 */
import { TooManyRequestsError } from '@wazo-ts/errors';
import {
  type Counter,
  createMemoryGuardStore,
  type GuardStoreLimits,
  type LoginGuardStore,
} from './guard-store.js';

export interface LoginFailureConfig {
  max_per_pair: number;
  max_per_login: number;
  max_per_address: number;
  window_seconds: number;
  known_address_seconds: number;
}

export interface LoginGuardOptions {
  /** Where the counts live; the process's memory when absent. */
  store?: (limits: GuardStoreLimits) => LoginGuardStore;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  maxEntries?: number;
  maxKnownPerLogin?: number;
}

export interface LoginGuard {
  /** Waits when slowed down; throws a 429 (details.retry_after, seconds) when refused. */
  admit(login: string | null, address: string): Promise<void>;
  failed(login: string | null, address: string): Promise<void>;
  succeeded(login: string, address: string): Promise<void>;
  /** How many keys are tracked (for the bound test and /status). */
  size(): Promise<number>;
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
  const windowMs = config.window_seconds * 1000;
  const store = (options.store ?? createMemoryGuardStore)({
    windowMs,
    knownRetentionMs: config.known_address_seconds * 1000,
    maxKnownPerLogin: options.maxKnownPerLogin ?? 5,
    maxEntries: options.maxEntries ?? 10_000,
  });
  const loginKey = (login: string) => login.toLowerCase();
  const keysOf = (login: string | null, address: string) => ({
    login: login === null ? null : loginKey(login),
    pair: login === null ? null : JSON.stringify([loginKey(login), address]),
    address,
  });
  const retryAfter = (counter: Counter, at: number) =>
    Math.max(1, Math.ceil((counter.windowStart + windowMs - at) / 1000));

  return {
    async admit(login, address) {
      const at = now();
      const reading = await store.read(keysOf(login, address), at);
      let own = 0;
      if (login !== null) {
        // The delay a password login waits, or its refusal, from its own and its pair's failures.
        const { pair } = reading;
        if (pair && pair.failures >= config.max_per_pair) throw tooManyFailures(retryAfter(pair, at));
        own = delayBelow(pair, config.max_per_pair);
        if (!reading.known) {
          const byLogin = reading.login;
          if (byLogin && byLogin.failures >= config.max_per_login)
            throw tooManyFailures(retryAfter(byLogin, at));
          own = Math.max(own, delayBelow(byLogin, config.max_per_login));
        }
      }
      const crowd = reading.known ? 0 : delayBeyond(reading.address, config.max_per_address);
      const delay = Math.max(own, crowd);
      if (delay > 0) await sleep(delay);
    },
    failed: (login, address) => store.failed(keysOf(login, address), now()),
    async succeeded(login, address) {
      const keys = keysOf(login, address);
      await store.succeeded({ ...keys, login: loginKey(login), pair: keys.pair as string }, now());
    },
    size: () => store.size(),
  };
}
