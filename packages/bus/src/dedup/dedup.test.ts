import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/test-postgres';
import type { DeliveredMessage } from '../transport.js';
import { createDeduplicator } from './deduplicator.js';
import { createMemoryProcessedEventStore } from './memory-store.js';
import { createPgProcessedEventStore, markProcessed, migrateProcessedEvents } from './pg-store.js';

function delivery(messageId: string): DeliveredMessage {
  return {
    messageId,
    headers: { name: 'e' },
    routingKey: 'e',
    body: Buffer.from('{}'),
    contentType: 'application/json',
    redelivered: false,
  };
}

describe('in-memory deduplication', () => {
  it('when a message comes twice, then the handler runs once', async () => {
    const seen: string[] = [];
    const dedup = createDeduplicator({ store: createMemoryProcessedEventStore() });
    const handler = dedup.wrap(async (m) => void seen.push(m.messageId));
    for (const id of ['a', 'b', 'a', 'b', 'c']) await handler(delivery(id));
    assert.deepEqual(seen, ['a', 'b', 'c']);
    assert.deepEqual(dedup.stats(), { handled: 3, duplicates: 2 });
  });

  it('when the handler fails, then the redelivery runs it again', async () => {
    let attempts = 0;
    const handler = createDeduplicator({ store: createMemoryProcessedEventStore() }).wrap(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('boom');
    });
    await assert.rejects(handler(delivery('a')), /boom/);
    await handler(delivery('a'));
    await handler(delivery('a'));
    assert.equal(attempts, 2);
  });

  it('when a duplicate arrives while the first copy runs, then it waits and is dropped', async () => {
    let runs = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handler = createDeduplicator({ store: createMemoryProcessedEventStore() }).wrap(async () => {
      runs += 1;
      await gate;
    });
    const both = Promise.all([handler(delivery('a')), handler(delivery('a'))]);
    release();
    await both;
    assert.equal(runs, 1);
  });

  it('when ids are older than the TTL or past the bound, then they are forgotten', async () => {
    let clock = 0;
    const store = createMemoryProcessedEventStore({ maxEntries: 2, ttl: 100, now: () => clock });
    const work = async () => {};
    assert.equal(await store.runOnce('a', work), true);
    assert.equal(await store.runOnce('a', work), false);
    clock = 101;
    assert.equal(await store.runOnce('a', work), true);
    await store.runOnce('b', work);
    await store.runOnce('c', work);
    assert.equal(await store.runOnce('c', work), false);
    assert.equal(await store.runOnce('a', work), true, 'the oldest id went first');
  });
});

describe('PostgreSQL deduplication', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
    await migrateProcessedEvents(db.pool);
    await migrateProcessedEvents(db.pool);
    await db.pool.query('CREATE TABLE effects (message_id text)');
  });
  after(() => db.drop());

  const effects = async () => (await db.pool.query('SELECT message_id FROM effects ORDER BY 1')).rows;

  it('when a message comes twice, then its effect is committed once with its id', async () => {
    await db.pool.query('TRUNCATE effects, bus_processed_events');
    const store = createPgProcessedEventStore({ pool: db.pool, consumer: 'test' });
    const handler = createDeduplicator({ store }).wrap(async (m, tx) => {
      await tx!.query('INSERT INTO effects VALUES ($1)', [m.messageId]);
    });
    await Promise.all(['a', 'a', 'b', 'a', 'b'].map((id) => handler(delivery(id))));
    assert.deepEqual(await effects(), [{ message_id: 'a' }, { message_id: 'b' }]);
  });

  it('when the handler fails, then neither its writes nor the id are kept', async () => {
    await db.pool.query('TRUNCATE effects, bus_processed_events');
    const store = createPgProcessedEventStore({ pool: db.pool, consumer: 'test' });
    let attempts = 0;
    const handler = createDeduplicator({ store }).wrap(async (m, tx) => {
      attempts += 1;
      await tx!.query('INSERT INTO effects VALUES ($1)', [m.messageId]);
      if (attempts === 1) throw new Error('boom');
    });
    await assert.rejects(handler(delivery('a')), /boom/);
    assert.deepEqual(await effects(), []);
    await handler(delivery('a'));
    await handler(delivery('a'));
    assert.deepEqual(await effects(), [{ message_id: 'a' }]);
    assert.equal(await store.purge(0), 1);
  });

  it('when two consumers see the same message, then each processes it once', async () => {
    await db.pool.query('TRUNCATE bus_processed_events');
    assert.equal(await markProcessed(db.pool, 'webhookd', 'm'), true);
    assert.equal(await markProcessed(db.pool, 'websocketd', 'm'), true);
    assert.equal(await markProcessed(db.pool, 'webhookd', 'm'), false);
  });
});
