import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type BusTransport, createMemoryTransport, type TransportState } from '@wazo-ts/bus';
import pino from 'pino';
import { createFakeTokenVerifier } from '../auth/testing/fake-verifier.js';
import { loadConfig } from '../config/index.js';
import { helloDaemon } from '../example/definition.js';
import { createStatusAggregator } from '../status/status.js';
import { connectBus } from './bus.js';

/** The in-process transport, with connection losses a test can cause. */
function flakyTransport() {
  const inner = createMemoryTransport();
  const listeners = new Set<(state: TransportState) => void>();
  let state: TransportState = 'connected';
  const transport: BusTransport = {
    ...inner,
    state: () => state,
    onStateChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const set = (next: TransportState) => {
    state = next;
    for (const listener of listeners) listener(next);
  };
  return { transport, set };
}

describe('the kit bus and cached tokens', () => {
  it('when the bus connection comes back after a loss, then the cached tokens are forgotten once', async () => {
    const { config } = loadConfig(helloDaemon, { argv: ['-c', '/nonexistent/config.yml'], env: {} });
    const { transport, set } = flakyTransport();
    const bus = connectBus({
      name: 'hello',
      config,
      logger: pino({ level: 'silent' }),
      status: createStatusAggregator(),
      transport,
    });
    const verifier = createFakeTokenVerifier();
    let forgotten = 0;
    verifier.forgetAll = () => {
      forgotten += 1;
    };
    await bus.followSessions(verifier);
    set('connected');
    assert.equal(forgotten, 0, 'no loss, nothing to forget');
    set('disconnected');
    set('connecting');
    assert.equal(forgotten, 0, 'not before the connection is back');
    set('connected');
    assert.equal(forgotten, 1, 'revocations may have been missed while it was down');
    set('connected');
    assert.equal(forgotten, 1);
    await bus.close();
    set('disconnected');
    set('connected');
    assert.equal(forgotten, 1, 'a closed bus no longer follows the connection');
  });
});
