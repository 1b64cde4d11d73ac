import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFakeClock } from './fake-clock.js';

describe('fake clock', () => {
  it('when advanced, then due timers run earliest first at their own time, and later ones wait', () => {
    const clock = createFakeClock(1000);
    const ran: string[] = [];
    clock.setTimeout(() => ran.push(`b@${clock.now()}`), 20);
    clock.setTimeout(() => ran.push(`a@${clock.now()}`), 10);
    const cleared = clock.setTimeout(() => ran.push('cleared'), 5);
    clock.setTimeout(() => ran.push('late'), 50);
    clock.clearTimeout(cleared);
    assert.deepEqual(clock.pendingTimers(), [10, 20, 50]);
    clock.advance(30);
    assert.deepEqual(ran, ['a@1010', 'b@1020']);
    assert.equal(clock.now(), 1030);
    assert.deepEqual(clock.pendingTimers(), [20]);
  });

  it('when a sleep is aborted, then it resolves at once and leaves no timer behind', async () => {
    const clock = createFakeClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(1000, controller.signal);
    assert.deepEqual(await clock.waitForTimers(), [1000]);
    controller.abort();
    await sleeping;
    assert.deepEqual(clock.pendingTimers(), []);
    await clock.sleep(5, controller.signal);
  });

  it('when waiting for timers, then it resolves only once that many are pending', async () => {
    const clock = createFakeClock();
    let seen: number[] | undefined;
    const waiting = clock.waitForTimers(2).then((pending) => {
      seen = pending;
    });
    void clock.sleep(30);
    await Promise.resolve();
    assert.equal(seen, undefined);
    void clock.sleep(10);
    await waiting;
    assert.deepEqual(seen, [10, 30]);
  });
});
