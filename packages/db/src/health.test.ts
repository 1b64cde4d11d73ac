import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OutboxRelayStatus } from '@wazo-ts/bus';
import { watchDatabaseHealth } from './health.js';

function fakes() {
  const state = {
    pingError: null as Error | null,
    relay: { running: true, listening: true, backlog: 0, published: 3, lastError: null } as OutboxRelayStatus,
  };
  return {
    state,
    database: {
      ping: async () => {
        if (state.pingError) throw state.pingError;
      },
    },
    relay: { status: async () => state.relay },
  };
}

describe('database health', () => {
  it('when the database answers and the outbox is empty, then both are ok', async () => {
    const f = fakes();
    const health = await watchDatabaseHealth({ database: f.database, relay: f.relay });
    health.stop();
    assert.equal(health.database().status, 'ok');
    assert.deepEqual(health.outbox(), { status: 'ok', backlog: 0, published: 3, last_error: null });
  });

  it('when the database stops answering, then the next check reports fail with the reason, and ok again after', async () => {
    const f = fakes();
    const health = await watchDatabaseHealth({ database: f.database, relay: f.relay });
    health.stop();
    f.state.pingError = new Error('connection refused');
    await health.check();
    assert.deepEqual(health.database(), { status: 'fail', reason: 'connection refused' });
    f.state.pingError = null;
    await health.check();
    assert.equal(health.database().status, 'ok');
  });

  it('when events wait while publishing fails, then the outbox fails; an old failure with a backlog does not', async () => {
    const f = fakes();
    let clock = 100_000;
    const health = await watchDatabaseHealth({ database: f.database, relay: f.relay, now: () => clock });
    health.stop();
    f.state.relay = {
      ...f.state.relay,
      backlog: 5,
      lastError: { message: 'broker down', at: new Date(clock - 1000) },
    };
    await health.check();
    assert.equal(health.outbox().status, 'fail');
    assert.equal(health.outbox().last_error, 'broker down');
    clock += 60_000;
    await health.check();
    assert.equal(health.outbox().status, 'ok');
    f.state.relay = { ...f.state.relay, backlog: null };
    await health.check();
    assert.equal(health.outbox().status, 'fail', 'the backlog could not be read');
  });
});
