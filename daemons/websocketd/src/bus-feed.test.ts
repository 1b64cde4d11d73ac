/**
 * The bus feed's reaction to the transport's state, with a hand-driven fake transport: sessions
 * closed with 1011 when it is lost, and `onReconnected` called once it is back (not on the first
 * connection), so cached tokens whose revocation event was missed are asked again.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BusTransport, TransportState } from '@wazo-ts/bus';
import pino from 'pino';
import { createBusFeed } from './bus-feed.js';
import { createSessionRegistry } from './sessions.js';

function fakeTransport() {
  const listeners = new Set<(state: TransportState) => void>();
  let current: TransportState = 'connecting';
  const transport = {
    state: () => current,
    onStateChange(listener: (state: TransportState) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    consume: async () => ({ queue: 'q', close: async () => undefined }),
  } as unknown as BusTransport;
  const move = (state: TransportState) => {
    current = state;
    for (const listener of listeners) listener(state);
  };
  return { transport, move };
}

describe('bus feed', () => {
  it('when the transport comes back after a loss, then onReconnected is called, once per loss', async () => {
    const { transport, move } = fakeTransport();
    let reconnections = 0;
    const logger = pino({ level: 'silent' });
    const feed = createBusFeed({
      transport,
      originUuid: 'o',
      registry: createSessionRegistry(logger),
      logger,
      onReconnected: () => {
        reconnections += 1;
      },
    });
    move('connected');
    await feed.start();
    assert.equal(reconnections, 0, 'the first connection is no reconnection');
    move('disconnected');
    move('connecting');
    move('connected');
    assert.equal(reconnections, 1);
    move('connected');
    assert.equal(reconnections, 1);
    await feed.stop();
  });
});
