/**
 * The login guard's counts in wazo-auth's database (tables auth_login_failure and
 * auth_login_known_address, migration 0003), so every wazo-auth process on one database judges a
 * login from the same counts. Times are the guard's clock in epoch milliseconds, as the memory
 * store keeps them. Rows whose window or retention has ended are purged at most once a minute,
 * on a failure, so a flood of random logins holds rows for one window only.
 */
import { sql } from 'kysely';
import type { AuthDb } from '../db/auth-db.js';
import type { Counter, GuardKeys, GuardReading, GuardStoreLimits, LoginGuardStore } from './guard-store.js';

type Kind = 'pair' | 'login' | 'address';

const PURGE_EVERY_MS = 60_000;

export function createPgGuardStore(db: AuthDb, limits: GuardStoreLimits): LoginGuardStore {
  let lastPurge = 0;
  const entries = (keys: GuardKeys): [Kind, string][] => {
    const list: [Kind, string][] = [['address', keys.address]];
    if (keys.pair !== null) list.push(['pair', keys.pair]);
    if (keys.login !== null) list.push(['login', keys.login]);
    return list;
  };

  const purge = async (now: number) => {
    lastPurge = now;
    await db
      .deleteFrom('auth_login_failure')
      .where('window_start', '<=', String(now - limits.windowMs))
      .execute();
    await db
      .deleteFrom('auth_login_known_address')
      .where('succeeded_at', '<=', String(now - limits.knownRetentionMs))
      .execute();
  };

  return {
    async read(keys, now) {
      const open = String(now - limits.windowMs);
      const [rows, known] = await Promise.all([
        db
          .selectFrom('auth_login_failure')
          .select(['kind', 'key', 'failures', 'window_start'])
          .where((eb) =>
            eb.or(entries(keys).map(([kind, key]) => eb.and([eb('kind', '=', kind), eb('key', '=', key)]))),
          )
          .where('window_start', '>', open)
          .execute(),
        keys.login === null
          ? Promise.resolve(undefined)
          : db
              .selectFrom('auth_login_known_address')
              .select('succeeded_at')
              .where('login', '=', keys.login)
              .where('address', '=', keys.address)
              .where('succeeded_at', '>', String(now - limits.knownRetentionMs))
              .executeTakeFirst(),
      ]);
      const reading: GuardReading = { known: known !== undefined };
      for (const row of rows) {
        const counter: Counter = { failures: row.failures, windowStart: Number(row.window_start) };
        reading[row.kind as Kind] = counter;
      }
      return reading;
    },

    async failed(keys, now) {
      const started = String(now);
      const ended = String(now - limits.windowMs);
      await db
        .insertInto('auth_login_failure')
        .values(entries(keys).map(([kind, key]) => ({ kind, key, failures: 1, window_start: started })))
        .onConflict((oc) =>
          oc.columns(['kind', 'key']).doUpdateSet({
            failures: sql`CASE WHEN auth_login_failure.window_start <= ${ended} THEN 1
              ELSE auth_login_failure.failures + 1 END`,
            window_start: sql`CASE WHEN auth_login_failure.window_start <= ${ended} THEN ${started}::bigint
              ELSE auth_login_failure.window_start END`,
          }),
        )
        .execute();
      if (now - lastPurge >= PURGE_EVERY_MS) await purge(now);
    },

    async succeeded(keys, now) {
      await db
        .deleteFrom('auth_login_failure')
        .where('kind', '=', 'pair')
        .where('key', '=', keys.pair)
        .execute();
      await db
        .insertInto('auth_login_known_address')
        .values({ login: keys.login, address: keys.address, succeeded_at: String(now) })
        .onConflict((oc) =>
          oc.columns(['login', 'address']).doUpdateSet({
            succeeded_at: String(now),
            recency: sql`nextval('auth_login_known_address_recency')`,
          }),
        )
        .execute();
      // The newest `maxKnownPerLogin` successes of the login stay known.
      await db
        .deleteFrom('auth_login_known_address')
        .where('login', '=', keys.login)
        .where('address', 'not in', (eb) =>
          eb
            .selectFrom('auth_login_known_address')
            .select('address')
            .where('login', '=', keys.login)
            .orderBy('succeeded_at', 'desc')
            .orderBy('recency', 'desc')
            .limit(limits.maxKnownPerLogin),
        )
        .execute();
    },

    async size() {
      const [failures, known] = await Promise.all([
        db
          .selectFrom('auth_login_failure')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('auth_login_known_address')
          .select((eb) => eb.fn.count<string>('login').distinct().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return Number(failures.n) + Number(known.n);
    },
  };
}
