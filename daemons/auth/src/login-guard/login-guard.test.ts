import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWazoError } from '@wazo-ts/errors';
import { createLoginGuard } from './login-guard.js';

function guardAt(config = { max_per_login: 4, max_per_address: 6, window_seconds: 60 }, maxEntries = 100) {
  let now = 1_000_000;
  const slept: number[] = [];
  const guard = createLoginGuard(config, {
    now: () => now,
    sleep: async (ms) => void slept.push(ms),
    maxEntries,
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
  it('when a login fails repeatedly, then it is slowed from half the limit and refused at the limit', async () => {
    const { guard, slept } = guardAt();
    for (let i = 0; i < 4; i++) {
      await guard.admit('Alice', '10.0.0.1');
      guard.failed('Alice', `10.0.0.${i}`);
    }
    assert.deepEqual(slept, [50, 100]);
    const err = await refusal(guard.admit('alice', '10.9.9.9'));
    assert.equal(err?.code, 'too-many-requests');
    assert.equal(err?.details.retry_after, 60);
  });

  it('when the window ends, then the login is admitted again; a success resets it', async () => {
    const { guard, advance } = guardAt();
    for (let i = 0; i < 4; i++) guard.failed('bob', 'a');
    advance(30_000);
    assert.equal((await refusal(guard.admit('bob', 'b')))?.details.retry_after, 30);
    advance(30_000);
    assert.equal(await refusal(guard.admit('bob', 'b')), null);
    for (let i = 0; i < 3; i++) guard.failed('bob', `x${i}`);
    guard.succeeded('BOB');
    guard.failed('bob', 'y');
    assert.equal(await refusal(guard.admit('bob', 'z')), null);
  });

  it('when one address fails across many logins, then the address is refused', async () => {
    const { guard } = guardAt();
    for (let i = 0; i < 6; i++) guard.failed(`user${i}`, '10.0.0.66');
    assert.equal((await refusal(guard.admit('fresh', '10.0.0.66')))?.code, 'too-many-requests');
    assert.equal(await refusal(guard.admit('fresh', '10.0.0.67')), null);
  });

  it('when random logins flood it, then memory stays bounded', () => {
    const { guard } = guardAt(undefined, 50);
    for (let i = 0; i < 10_000; i++) guard.failed(`random-${i}`, `addr-${i}`);
    assert.ok(guard.size() <= 100);
  });
});
