import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createInitialization, type InitializationOptions } from './initialization.js';
import type { Snapshot } from './presences.reconcile.js';

const outcome = { tenants: 1, users: 0, sessions: 0, refresh_tokens: 0, changed: 0 };

function harness(overrides: Partial<InitializationOptions> = {}) {
  const log: string[] = [];
  const retries: { run: () => void; ms: number }[] = [];
  let confdUp = true;
  const snapshots: Snapshot[] = [];
  const initialization = createInitialization({
    enabled: true,
    auth: {
      tenantUuids: async () => ['t1'],
      sessions: async () => [],
      refreshTokens: async () => [],
    },
    confd: {
      users: async () => {
        if (!confdUp) throw new Error('confd down');
        return [];
      },
    },
    async reconcile(snapshot) {
      snapshots.push(snapshot);
      log.push('reconciled');
      return outcome;
    },
    schedule(run, ms) {
      retries.push({ run, ms });
      return () => undefined;
    },
    ...overrides,
  });
  return { initialization, log, retries, snapshots, setConfdUp: (up: boolean) => (confdUp = up) };
}

describe('start-up synchronization', () => {
  it('when disabled, then chatd is ready at once and events apply immediately', async () => {
    const { initialization, log } = harness({ enabled: false });
    assert.equal(initialization.ready, true);
    await initialization.whenReady(async () => void log.push('event'));
    assert.deepEqual(log, ['event']);
  });

  it('when events arrive before the reconciliation, then they wait and apply after it, in order', async () => {
    const { initialization, log } = harness();
    await initialization.whenReady(async () => void log.push('event 1'));
    await initialization.whenReady(async () => void log.push('event 2'));
    assert.deepEqual(log, []);
    assert.equal(initialization.ready, false);
    await initialization.start('token');
    assert.deepEqual(log, ['reconciled', 'event 1', 'event 2']);
    assert.equal(initialization.ready, true);
  });

  it('when a daemon is not up, then it retries later with a growing delay and succeeds once up', async () => {
    const { initialization, log, retries, setConfdUp } = harness();
    setConfdUp(false);
    await initialization.start('token');
    assert.equal(initialization.ready, false);
    assert.equal(retries.length, 1);
    retries[0]?.run();
    await new Promise(setImmediate);
    assert.equal(retries.length, 2);
    assert.ok((retries[1]?.ms ?? 0) > (retries[0]?.ms ?? 0));
    setConfdUp(true);
    retries[1]?.run();
    await new Promise(setImmediate);
    assert.equal(initialization.ready, true);
    assert.deepEqual(log, ['reconciled']);
  });

  it('when a held event fails, then the others still apply and chatd is ready', async () => {
    const failures: unknown[] = [];
    const { initialization, log } = harness({ onEventFailure: (e) => failures.push(e) });
    await initialization.whenReady(async () => {
      throw new Error('boom');
    });
    await initialization.whenReady(async () => void log.push('event'));
    await initialization.start('token');
    assert.deepEqual(log, ['reconciled', 'event']);
    assert.equal(failures.length, 1);
    assert.equal(initialization.ready, true);
  });
});
