/**
 * Where the login guard keeps its counts: in the process (one instance, tests) or in wazo-auth's
 * database (pg-guard-store.ts), so several wazo-auth processes behind one address share one
 * failure budget instead of giving a guesser one budget per process.
 */
import { type Counter, createFailureCounters } from './failure-counters.js';
import { createKnownAddresses } from './known-addresses.js';

export type { Counter } from './failure-counters.js';

/** What the guard reads before a login: the open counters of its keys and whether the pair is known. */
export interface GuardReading {
  pair?: Counter;
  login?: Counter;
  address?: Counter;
  known: boolean;
}

/** Keys as the guard builds them: the login lower-cased, the pair from login and address. */
export interface GuardKeys {
  login: string | null;
  pair: string | null;
  address: string;
}

export interface GuardStoreLimits {
  windowMs: number;
  knownRetentionMs: number;
  /** Addresses remembered per login (the oldest success goes first). */
  maxKnownPerLogin: number;
  /** Keys per kind kept in memory (the memory store; the database purges expired rows instead). */
  maxEntries: number;
}

export interface LoginGuardStore {
  read(keys: GuardKeys, now: number): Promise<GuardReading>;
  /** One more failure for each key present; a key whose window ended starts a new one. */
  failed(keys: GuardKeys, now: number): Promise<void>;
  /** The pair's failures forgotten, the address remembered for the login. */
  succeeded(keys: GuardKeys & { login: string; pair: string }, now: number): Promise<void>;
  /** Keys tracked (the bound test, /status). */
  size(): Promise<number>;
}

export function createMemoryGuardStore(limits: GuardStoreLimits): LoginGuardStore {
  // The counters read the time the guard passes in, through this cell.
  let clock = 0;
  const now = () => clock;
  const pairs = createFailureCounters(limits.windowMs, limits.maxEntries, now);
  const logins = createFailureCounters(limits.windowMs, limits.maxEntries, now);
  const addresses = createFailureCounters(limits.windowMs, limits.maxEntries, now);
  const known = createKnownAddresses(
    {
      retentionMs: limits.knownRetentionMs,
      maxLogins: limits.maxEntries,
      maxPerLogin: limits.maxKnownPerLogin,
    },
    now,
  );
  return {
    async read(keys, at) {
      clock = at;
      const copy = (counter: Counter | undefined) => counter && { ...counter };
      return {
        pair: keys.pair === null ? undefined : copy(pairs.current(keys.pair)),
        login: keys.login === null ? undefined : copy(logins.current(keys.login)),
        address: copy(addresses.current(keys.address)),
        known: keys.login !== null && known.isKnown(keys.login, keys.address),
      };
    },
    async failed(keys, at) {
      clock = at;
      if (keys.pair !== null) pairs.bump(keys.pair);
      if (keys.login !== null) logins.bump(keys.login);
      addresses.bump(keys.address);
    },
    async succeeded(keys, at) {
      clock = at;
      pairs.forget(keys.pair);
      known.remember(keys.login, keys.address);
    },
    size: async () => pairs.size() + logins.size() + addresses.size() + known.size(),
  };
}
