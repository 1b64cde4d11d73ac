/**
 * The outbox end to end on the real PostgreSQL and RabbitMQ: a stream of committed changes while
 * the broker cuts the connection in the middle. Every event must reach the consumer exactly once
 * after deduplication, in commit order.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/test-postgres';
import { type AmqpUnderTest, amqpUnderTest } from '../amqp/testing.js';
import { createDeduplicator } from '../dedup/deduplicator.js';
import { createPgProcessedEventStore, migrateProcessedEvents } from '../dedup/pg-store.js';
import { closeAmqpConnection } from '../testing/rabbitmq.js';
import type { Subscription, TransportState } from '../transport.js';
import { commitEvents, seqOf, wireMessage } from './fixtures/messages.js';
import { createOutboxRelay, type OutboxRelay } from './relay.js';
import { migrateOutbox } from './schema.js';

describe('outbox over RabbitMQ', () => {
  const run = randomBytes(4).toString('hex');
  const connectionName = `wazo-ts-test outbox ${run}`;
  const queue = `wazo-ts-test.outbox.${run}`;
  let db: TestDatabase;
  let bus: AmqpUnderTest;
  let relay: OutboxRelay;
  let subscription: Subscription;
  let deliveries = 0;
  const states: TransportState[] = [];
  const dedup = () => createPgProcessedEventStore({ pool: db.pool, consumer: 'outbox-test' });

  before(async () => {
    db = await createTestDatabase();
    await migrateOutbox(db.pool);
    await migrateProcessedEvents(db.pool);
    await db.pool.query('CREATE TABLE received (position serial, seq int)');
    bus = await amqpUnderTest({ connectionName, retryLowMs: 50, retryHighMs: 300 });
    bus.transport.onStateChange((s) => states.push(s));
    relay = createOutboxRelay({
      pool: db.pool,
      transport: bus.transport,
      pollInterval: 50,
      retryMin: 50,
      retryMax: 300,
      publishTimeout: 1000,
    });
  });

  after(async () => {
    await relay.stop();
    await subscription?.close();
    await bus.deleteQueue(queue);
    await bus.cleanup();
    await db.drop();
  });

  it('when the connection is cut amid committed changes, then each event arrives once, in order', async (t) => {
    const handler = createDeduplicator({ store: dedup() }).wrap(async (message, tx) => {
      await tx!.query('INSERT INTO received (seq) VALUES ($1)', [seqOf(message)]);
    });
    subscription = await bus.transport.consume(
      { queue, durable: true, bindings: [{ headers: { run }, match: 'all' }] },
      (message) => {
        deliveries += 1;
        return handler(message);
      },
    );
    await relay.start();

    let seq = 0;
    let writing = true;
    let cutAt = -1;
    let backAt = -1;
    bus.transport.onStateChange((state) => {
      if (state === 'disconnected' && cutAt < 0) cutAt = seq;
      if (state === 'connected' && cutAt >= 0 && backAt < 0) backAt = seq;
    });
    const writer = (async () => {
      while (writing) {
        await commitEvents(db.pool, [wireMessage(seq++, { run }), wireMessage(seq++, { run })]);
        await sleep(5);
      }
    })();
    await sleep(300);
    assert.equal(await closeAmqpConnection(connectionName), 1, 'our connection was cut');
    await waitFor(() => bus.transport.state() === 'connected' && states.includes('disconnected'));
    // Keep committing after the reconnect so the stream really straddles the cut.
    await sleep(1000);
    writing = false;
    await writer;
    const total = seq;

    await waitFor(async () => (await db.pool.query('SELECT 1 FROM received')).rowCount === total, 20_000);
    const { rows } = await db.pool.query<{ seq: number }>('SELECT seq FROM received ORDER BY position');
    assert.deepEqual(
      rows.map((r) => r.seq),
      Array.from({ length: total }, (_, i) => i),
    );
    assert.ok(cutAt > 0 && cutAt < total, `cut after ${cutAt} of ${total} events`);
    assert.equal((await relay.status()).backlog, 0);
    t.diagnostic(
      `${total} events, cut at ${cutAt}, back at ${backAt}, ${deliveries - total} duplicate deliveries dropped`,
    );
  });
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}
