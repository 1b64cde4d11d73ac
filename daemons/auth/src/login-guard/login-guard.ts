/**
 * Slows down, then refuses, repeated login failures for one login or from one client address.
 *
 * Wazo has no such guard: wazo-auth answers every POST /token with a password check, so a
 * password can be guessed at the speed of PBKDF2. This is an addition of wazo-ts (config
 * `login_failures`). Rules:
 * - failures are counted per login (case-insensitive) and per address, in a fixed window of
 *   `window_seconds` that starts with the first failure;
 * - from half the limit on, each attempt waits a little longer (50 ms doubling, at most 1 s);
 * - at the limit, attempts are refused with 429 and `Retry-After` until the window ends, even
 *   with the right password (otherwise the refusal would tell the guesser it found it);
 * - a success resets the login's counter (not the address's: a shared NAT keeps its budget);
 * - memory is bounded: each map keeps at most `maxEntries` keys, dropping the oldest first, so
 *   random logins cannot grow it (one address can only add `max_per_address` of them per window).
 */
import { TooManyRequestsError } from '@wazo-ts/errors';

export interface LoginFailureConfig {
  max_per_login: number;
  max_per_address: number;
  window_seconds: number;
}

export interface LoginGuardOptions {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  maxEntries?: number;
}

interface Counter {
  failures: number;
  windowStart: number;
}

export interface LoginGuard {
  /** Waits when slowed down; throws a 429 (details.retry_after, seconds) when refused. */
  admit(login: string | null, address: string): Promise<void>;
  failed(login: string | null, address: string): void;
  succeeded(login: string): void;
  /** How many keys are tracked (for the bound test and /status). */
  size(): number;
}

const MAX_DELAY_MS = 1000;

export const tooManyFailures = (retryAfter: number) =>
  new TooManyRequestsError('Too many failed authentications, try again later', {
    details: { retry_after: retryAfter },
  });

export function createLoginGuard(config: LoginFailureConfig, options: LoginGuardOptions = {}): LoginGuard {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxEntries = options.maxEntries ?? 10_000;
  const windowMs = config.window_seconds * 1000;
  const logins = new Map<string, Counter>();
  const addresses = new Map<string, Counter>();

  const current = (map: Map<string, Counter>, key: string): Counter | undefined => {
    const counter = map.get(key);
    if (counter && now() - counter.windowStart >= windowMs) {
      map.delete(key);
      return undefined;
    }
    return counter;
  };
  const bump = (map: Map<string, Counter>, key: string) => {
    const counter = current(map, key);
    if (counter) {
      counter.failures += 1;
      return;
    }
    while (map.size >= maxEntries) map.delete(map.keys().next().value as string);
    map.set(key, { failures: 1, windowStart: now() });
  };
  const retryAfter = (counter: Counter) =>
    Math.max(1, Math.ceil((counter.windowStart + windowMs - now()) / 1000));
  const delayFor = (counter: Counter | undefined, max: number) => {
    const half = Math.ceil(max / 2);
    if (!counter || counter.failures < half) return 0;
    return Math.min(MAX_DELAY_MS, 50 * 2 ** (counter.failures - half));
  };
  const key = (login: string) => login.toLowerCase();

  return {
    async admit(login, address) {
      const byLogin = login === null ? undefined : current(logins, key(login));
      const byAddress = current(addresses, address);
      const refused = [
        byLogin && byLogin.failures >= config.max_per_login ? byLogin : undefined,
        byAddress && byAddress.failures >= config.max_per_address ? byAddress : undefined,
      ].filter((c): c is Counter => c !== undefined);
      if (refused.length > 0) throw tooManyFailures(Math.max(...refused.map(retryAfter)));
      const delay = Math.max(
        delayFor(byLogin, config.max_per_login),
        delayFor(byAddress, config.max_per_address),
      );
      if (delay > 0) await sleep(delay);
    },
    failed(login, address) {
      if (login !== null) bump(logins, key(login));
      bump(addresses, address);
    },
    succeeded(login) {
      logins.delete(key(login));
    },
    size: () => logins.size + addresses.size,
  };
}
