import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWazoError } from '@wazo-ts/errors';
import { createLoginGuard, type LoginFailureConfig } from './login-guard.js';

const CONFIG: LoginFailureConfig = {
  max_per_pair: 4,
  max_per_login: 6,
  max_per_address: 8,
  window_seconds: 60,
  known_address_seconds: 3600,
};

function guardAt(config = CONFIG, maxEntries = 100) {
  let now = 1_000_000;
  const slept: number[] = [];
  const guard = createLoginGuard(config, {
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

describe('login guard', () => {
  it('when a login fails repeatedly from one address, then it is slowed from half the limit and refused at the limit', async () => {
    const { guard, slept } = guardAt();
    for (let i = 0; i < 4; i++) {
      await guard.admit('Alice', '10.0.0.1');
      guard.failed('Alice', '10.0.0.1');
    }
    assert.deepEqual(slept, [50, 100]);
    const err = await refusal(guard.admit('alice', '10.0.0.1'));
    assert.equal(err?.code, 'too-many-requests');
    assert.equal(err?.details.retry_after, 60);
    assert.equal(await refusal(guard.admit('alice', '10.0.0.2')), null, 'another address is another pair');
  });

  it('when the window ends, then the pair is admitted again; a success forgets its failures', async () => {
    const { guard, advance } = guardAt();
    for (let i = 0; i < 4; i++) guard.failed('bob', 'a');
    advance(30_000);
    assert.equal((await refusal(guard.admit('bob', 'a')))?.details.retry_after, 30);
    advance(30_000);
    assert.equal(await refusal(guard.admit('bob', 'a')), null);
    for (let i = 0; i < 3; i++) guard.failed('bob', 'a');
    guard.succeeded('BOB', 'a');
    guard.failed('bob', 'a');
    assert.equal(await refusal(guard.admit('bob', 'a')), null);
  });

  it('when a login fails from many addresses, then it is refused from unknown addresses only', async () => {
    const { guard, advance } = guardAt();
    guard.succeeded('carol', 'desk');
    for (let i = 0; i < 6; i++) guard.failed('carol', `bot-${i}`);
    assert.equal((await refusal(guard.admit('carol', 'bot-99')))?.code, 'too-many-requests');
    assert.equal(await refusal(guard.admit('Carol', 'desk')), null);
    advance(3600_000 - 1);
    assert.equal(await refusal(guard.admit('carol', 'desk')), null);
    for (let i = 0; i < 6; i++) guard.failed('carol', `bot-${i}`);
    advance(1);
    assert.equal(
      (await refusal(guard.admit('carol', 'desk')))?.code,
      'too-many-requests',
      'a success older than known_address_seconds no longer counts',
    );
  });

  it('when one address fails across many logins, then unknown logins there are slowed, never refused', async () => {
    const { guard, slept } = guardAt();
    guard.succeeded('admin', 'office');
    for (let i = 0; i < 12; i++) guard.failed(`user${i}`, 'office');
    for (let i = 0; i < 3; i++) assert.equal(await refusal(guard.admit(`fresh${i}`, 'office')), null);
    assert.deepEqual(slept, [1600, 1600, 1600]);
    for (let i = 0; i < 10; i++) guard.failed(`more${i}`, 'office');
    assert.equal(await refusal(guard.admit('fresh', 'office')), null);
    assert.equal(slept.at(-1), 2000, 'the delay is capped');
    slept.length = 0;
    assert.equal(await refusal(guard.admit('admin', 'office')), null);
    assert.equal(await refusal(guard.admit('fresh', 'elsewhere')), null);
    assert.deepEqual(slept, [], 'a known pair and other addresses wait for nothing');
  });

  it('when a refresh-token login fails from an address, then only the address counts and slows', async () => {
    const { guard, slept } = guardAt();
    for (let i = 0; i < 9; i++) guard.failed(null, 'app');
    assert.equal(await refusal(guard.admit(null, 'app')), null);
    assert.deepEqual(slept, [200]);
    assert.equal(await refusal(guard.admit('dave', 'elsewhere')), null);
  });

  it('when a login succeeds from more addresses than it keeps, then the oldest is no longer known', async () => {
    const { guard } = guardAt();
    for (const address of ['first', 'second', 'third']) guard.succeeded('erin', address);
    for (let i = 0; i < 6; i++) guard.failed('erin', `bot-${i}`);
    assert.equal((await refusal(guard.admit('erin', 'first')))?.code, 'too-many-requests');
    assert.equal(await refusal(guard.admit('erin', 'second')), null);
    assert.equal(await refusal(guard.admit('erin', 'third')), null);
  });

  it('when random logins flood it, then memory stays bounded', () => {
    const { guard } = guardAt(undefined, 50);
    for (let i = 0; i < 10_000; i++) {
      guard.failed(`random-${i}`, `addr-${i}`);
      guard.succeeded(`random-${i}`, `addr-${i}`);
    }
    assert.ok(guard.size() <= 200);
  });
});
