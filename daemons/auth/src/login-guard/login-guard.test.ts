import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isWazoError } from '@wazo-ts/errors';
import { type AuthTestDatabase, createAuthTestDatabase } from '../testing/auth-database.js';
import { createMemoryGuardStore, type GuardStoreLimits, type LoginGuardStore } from './guard-store.js';
import { createLoginGuard, type LoginFailureConfig } from './login-guard.js';
import { createPgGuardStore } from './pg-guard-store.js';

const CONFIG: LoginFailureConfig = {
  max_per_pair: 4,
  max_per_login: 6,
  max_per_address: 8,
  window_seconds: 60,
  known_address_seconds: 3600,
};

type StoreMaker = (limits: GuardStoreLimits) => LoginGuardStore;

/** Each test's guard starts at its own time, so rows a database store kept from another test are out of its windows. */
let epoch = 1_000_000;

function guardAt(store: StoreMaker, config = CONFIG, maxEntries = 100) {
  epoch += 10 * 86_400_000;
  let now = epoch;
  const slept: number[] = [];
  const guard = createLoginGuard(config, {
    store,
    now: () => now,
    sleep: async (ms) => void slept.push(ms),
    maxEntries,
    maxKnownPerLogin: 2,
  });
  return { guard, slept, advance: (ms: number) => (now += ms) };
}

const refusal = async (promise: Promise<void>) => {
  try {
    await promise;
  } catch (err) {
    if (isWazoError(err)) return err;
  }
  return null;
};

let database: AuthTestDatabase;
before(async () => {
  database = await createAuthTestDatabase();
});
after(() => database.drop());

const STORES: [string, StoreMaker][] = [
  ['in memory', createMemoryGuardStore],
  ['in the database', (limits) => createPgGuardStore(database.db, limits)],
];

for (const [where, store] of STORES)
  describe(`login guard, counts ${where}`, () => {
    it('when a login fails repeatedly from one address, then it is slowed from half the limit and refused at the limit', async () => {
      const { guard, slept } = guardAt(store);
      for (let i = 0; i < 4; i++) {
        await guard.admit('Alice', '10.0.0.1');
        await guard.failed('Alice', '10.0.0.1');
      }
      assert.deepEqual(slept, [50, 100]);
      const err = await refusal(guard.admit('alice', '10.0.0.1'));
      assert.equal(err?.code, 'too-many-requests');
      assert.equal(err?.details.retry_after, 60);
      assert.equal(await refusal(guard.admit('alice', '10.0.0.2')), null, 'another address is another pair');
    });

    it('when the window ends, then the pair is admitted again; a success forgets its failures', async () => {
      const { guard, advance } = guardAt(store);
      for (let i = 0; i < 4; i++) await guard.failed('bob', 'a');
      advance(30_000);
      assert.equal((await refusal(guard.admit('bob', 'a')))?.details.retry_after, 30);
      advance(30_000);
      assert.equal(await refusal(guard.admit('bob', 'a')), null);
      for (let i = 0; i < 3; i++) await guard.failed('bob', 'a');
      await guard.succeeded('BOB', 'a');
      await guard.failed('bob', 'a');
      assert.equal(await refusal(guard.admit('bob', 'a')), null);
    });

    it('when a login fails from many addresses, then it is refused from unknown addresses only', async () => {
      const { guard, advance } = guardAt(store);
      await guard.succeeded('carol', 'desk');
      for (let i = 0; i < 6; i++) await guard.failed('carol', `bot-${i}`);
      assert.equal((await refusal(guard.admit('carol', 'bot-99')))?.code, 'too-many-requests');
      assert.equal(await refusal(guard.admit('Carol', 'desk')), null);
      advance(3600_000 - 1);
      assert.equal(await refusal(guard.admit('carol', 'desk')), null);
      for (let i = 0; i < 6; i++) await guard.failed('carol', `bot-${i}`);
      advance(1);
      assert.equal(
        (await refusal(guard.admit('carol', 'desk')))?.code,
        'too-many-requests',
        'a success older than known_address_seconds no longer counts',
      );
    });

    it('when one address fails across many logins, then unknown logins there are slowed, never refused', async () => {
      const { guard, slept } = guardAt(store);
      await guard.succeeded('admin', 'office');
      for (let i = 0; i < 12; i++) await guard.failed(`user${i}`, 'office');
      for (let i = 0; i < 3; i++) assert.equal(await refusal(guard.admit(`fresh${i}`, 'office')), null);
      assert.deepEqual(slept, [1600, 1600, 1600]);
      for (let i = 0; i < 10; i++) await guard.failed(`more${i}`, 'office');
      assert.equal(await refusal(guard.admit('fresh', 'office')), null);
      assert.equal(slept.at(-1), 2000, 'the delay is capped');
      slept.length = 0;
      assert.equal(await refusal(guard.admit('admin', 'office')), null);
      assert.equal(await refusal(guard.admit('fresh', 'elsewhere')), null);
      assert.deepEqual(slept, [], 'a known pair and other addresses wait for nothing');
    });

    it('when a refresh-token login fails from an address, then only the address counts and slows', async () => {
      const { guard, slept } = guardAt(store);
      for (let i = 0; i < 9; i++) await guard.failed(null, 'app');
      assert.equal(await refusal(guard.admit(null, 'app')), null);
      assert.deepEqual(slept, [200]);
      assert.equal(await refusal(guard.admit('dave', 'elsewhere')), null);
    });

    it('when a login succeeds from more addresses than it keeps, then the oldest is no longer known', async () => {
      const { guard } = guardAt(store);
      for (const address of ['first', 'second', 'third']) await guard.succeeded('erin', address);
      for (let i = 0; i < 6; i++) await guard.failed('erin', `bot-${i}`);
      assert.equal((await refusal(guard.admit('erin', 'first')))?.code, 'too-many-requests');
      assert.equal(await refusal(guard.admit('erin', 'second')), null);
      assert.equal(await refusal(guard.admit('erin', 'third')), null);
    });

    it('when random logins flood it, then what it keeps stays bounded', async (t) => {
      const { guard, advance } = guardAt(store, undefined, 50);
      if (where === 'in memory') {
        for (let i = 0; i < 10_000; i++) {
          await guard.failed(`random-${i}`, `addr-${i}`);
          await guard.succeeded(`random-${i}`, `addr-${i}`);
        }
        assert.ok((await guard.size()) <= 200);
        return;
      }
      t.diagnostic('the database keeps a window of rows: they go once their window and retention end');
      const before = await guard.size();
      for (let i = 0; i < 200; i++) await guard.failed(`random-${i}`, `addr-${i}`);
      assert.ok((await guard.size()) >= before + 400);
      advance(3600_000);
      await guard.failed('late', 'addr-late');
      assert.equal(await guard.size(), 3, "only the latest failure's pair, login and address remain");
    });
  });

describe('login guard, two wazo-auth processes on one database', () => {
  it('when failures are spread over both processes, then they share one budget', async () => {
    const now = () => 5_000_000;
    const guards = [0, 1].map(() =>
      createLoginGuard(CONFIG, {
        store: (limits) => createPgGuardStore(database.db, limits),
        now,
        sleep: async () => undefined,
      }),
    );
    const [first, second] = guards as [
      ReturnType<typeof createLoginGuard>,
      ReturnType<typeof createLoginGuard>,
    ];
    for (let i = 0; i < 2; i++) await first.failed('frank', '10.1.1.1');
    for (let i = 0; i < 2; i++) await second.failed('Frank', '10.1.1.1');
    for (const guard of guards)
      assert.equal((await refusal(guard.admit('frank', '10.1.1.1')))?.code, 'too-many-requests');
    await second.succeeded('frank', '10.1.1.1');
    assert.equal(
      await refusal(first.admit('frank', '10.1.1.1')),
      null,
      'a success on one forgets the pair on both',
    );
  });
});
