import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/test-postgres';
import type { WireMessage } from '../transport.js';
import { createFakeTransport } from './fixtures/fake-transport.js';
import { commitEvents, seqOf, wireMessage } from './fixtures/messages.js';
import { recordEvents } from './record.js';
import { createOutboxRelay } from './relay.js';
import { migrateOutbox } from './schema.js';

let db: TestDatabase;

before(async () => {
  db = await createTestDatabase();
  await migrateOutbox(db.pool);
  await migrateOutbox(db.pool); // idempotent
});
after(() => db.drop());
beforeEach(() => db.pool.query('TRUNCATE bus_outbox'));

async function outboxIds(messageIds: string[]): Promise<number[]> {
  const { rows } = await db.pool.query<{ message_id: string; id: string }>(
    'SELECT message_id, id FROM bus_outbox WHERE message_id = ANY($1)',
    [messageIds],
  );
  const byMessage = new Map(rows.map((r) => [r.message_id, Number(r.id)]));
  return messageIds.map((m) => byMessage.get(m) ?? -1);
}

function assertIncreasing(values: number[]): void {
  for (let i = 1; i < values.length; i++) {
    assert.ok(values[i]! > values[i - 1]!, `position ${i}: ${values[i]} after ${values[i - 1]}`);
  }
}

describe('outbox', () => {
  it('when the transaction rolls back, then no event is published', async () => {
    const transport = createFakeTransport();
    const relay = createOutboxRelay({ pool: db.pool, transport });
    await commitEvents(db.pool, [wireMessage(1)], 'ROLLBACK');
    await relay.flush();
    assert.equal(transport.published.length, 0);
    assert.equal((await relay.status()).backlog, 0);
  });

  it('when the transaction commits, then the event is published once, byte for byte', async () => {
    const transport = createFakeTransport();
    const relay = createOutboxRelay({ pool: db.pool, transport });
    const message = wireMessage(1, { 'user_uuid:u1': 'x', extra: 'e' });
    await commitEvents(db.pool, [message]);
    await relay.flush();
    await relay.flush();
    assert.equal(transport.published.length, 1);
    const [sent] = transport.published;
    assert.deepEqual(sent!.body, message.body);
    assert.deepEqual(Object.keys(sent!.headers), Object.keys(message.headers));
    assert.deepEqual(sent, message);
  });

  it('when writers commit concurrently, then events are published in commit order', async () => {
    const transport = createFakeTransport();
    const relay = createOutboxRelay({ pool: db.pool, transport, pollInterval: 2, batchSize: 7 });
    await relay.start();
    const writers = Array.from({ length: 60 }, (_, w) =>
      commitEvents(db.pool, [wireMessage(w * 2), wireMessage(w * 2 + 1)], 'COMMIT', () =>
        sleep(Math.random() * 4),
      ),
    );
    await Promise.all(writers);
    await relay.flush();
    await relay.stop();
    assert.equal(transport.published.length, 120);
    assertIncreasing(await outboxIds(transport.published.map((m) => m.messageId)));
    // The events of one unit of work stay together and in the order given.
    for (let i = 0; i < 120; i += 2)
      assert.equal(seqOf(transport.published[i]!) + 1, seqOf(transport.published[i + 1]!));
  });

  it('when a lower id commits after a higher one, then the relay waits for it and keeps id order', async () => {
    const transport = createFakeTransport();
    const relay = createOutboxRelay({ pool: db.pool, transport });
    const early = await openWriter([wireMessage(0)]);
    // The second writer records while the first is open: writers do not wait on each other.
    await commitEvents(db.pool, [wireMessage(1)]);
    const flushed = relay.flush();
    // The relay's fence waits for the open writer rather than publishing past its id.
    await waitFor(async () => (await db.pool.query(WAITING_ADVISORY_SQL)).rowCount! > 0);
    assert.equal(transport.published.length, 0);
    await early.commit();
    await flushed;
    assert.deepEqual(transport.published.map(seqOf), [0, 1]);
  });

  it('when two relays run together, then each event is published exactly once, in order', async () => {
    const transport = createFakeTransport();
    const other = await import('pg').then((pg) => new pg.default.Pool({ ...db.config, max: 4 }));
    const relays = [
      createOutboxRelay({ pool: db.pool, transport, pollInterval: 3, batchSize: 5 }),
      createOutboxRelay({ pool: other, transport, pollInterval: 3, batchSize: 5 }),
    ];
    await Promise.all(relays.map((r) => r.start()));
    for (let i = 0; i < 100; i += 4) {
      await commitEvents(
        db.pool,
        [0, 1, 2, 3].map((k) => wireMessage(i + k)),
      );
    }
    await Promise.all(relays.map((r) => r.flush()));
    await Promise.all(relays.map((r) => r.stop()));
    await other.end();
    assert.deepEqual(
      transport.published.map(seqOf),
      Array.from({ length: 100 }, (_, i) => i),
    );
    const statuses = await Promise.all(relays.map((r) => r.status()));
    assert.equal(statuses[0]!.published + statuses[1]!.published, 100);
  });

  it('when a relay restarts, then it resumes from the unsent rows', async () => {
    const transport = createFakeTransport();
    const first = createOutboxRelay({ pool: db.pool, transport, pollInterval: 5 });
    await first.start();
    await commitEvents(db.pool, [wireMessage(0), wireMessage(1)]);
    await first.flush();
    await first.stop();
    await commitEvents(db.pool, [wireMessage(2), wireMessage(3)]);
    const second = createOutboxRelay({ pool: db.pool, transport, pollInterval: 5 });
    await second.start();
    await waitFor(() => transport.published.length === 4);
    await second.stop();
    assert.deepEqual(transport.published.map(seqOf), [0, 1, 2, 3]);
  });

  it('when the broker is down, then events wait, the status says so, and they follow once it is back', async () => {
    const transport = createFakeTransport();
    // One at a time: with a window, an individual nack lets later messages through first.
    const relay = createOutboxRelay({
      pool: db.pool,
      transport,
      pollInterval: 5,
      retryMin: 5,
      retryMax: 20,
      maxInFlight: 1,
    });
    transport.failNext(3);
    await relay.start();
    await commitEvents(db.pool, [wireMessage(0), wireMessage(1)]);
    await waitFor(async () => (await relay.status()).lastError !== null);
    transport.setState('disconnected');
    await commitEvents(db.pool, [wireMessage(2)]);
    await sleep(30);
    const status = await relay.status();
    assert.equal(status.backlog, 3);
    assert.match(status.lastError?.message ?? '', /did not confirm/);
    transport.setState('connected');
    await waitFor(() => transport.published.length === 3);
    await relay.stop();
    assert.deepEqual(transport.published.map(seqOf), [0, 1, 2]);
  });

  it('when a batch fails half way, then the confirmed prefix is not published again', async () => {
    let calls = 0;
    const transport = createFakeTransport();
    const publish = transport.publish;
    transport.publish = async (message) => {
      calls += 1;
      if (calls === 3) throw new Error('connection reset');
      return publish(message);
    };
    const relay = createOutboxRelay({ pool: db.pool, transport, maxInFlight: 1 });
    await commitEvents(
      db.pool,
      [0, 1, 2, 3].map((i) => wireMessage(i)),
    );
    await assert.rejects(relay.flush(), { code: 'unavailable' });
    await relay.flush();
    assert.deepEqual(transport.published.map(seqOf), [0, 1, 2, 3]);
    assert.equal(calls, 5);
  });

  it('when sent rows are older than the retention, then they are purged', async () => {
    const transport = createFakeTransport();
    await commitEvents(db.pool, [wireMessage(0)]);
    const relay = createOutboxRelay({ pool: db.pool, transport, retention: 0, pollInterval: 5 });
    await relay.flush();
    await relay.start();
    await waitFor(async () => (await db.pool.query('SELECT 1 FROM bus_outbox')).rowCount === 0);
    await relay.stop();
  });
});

const WAITING_ADVISORY_SQL = "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted";

/** A unit of work that has recorded `messages` and stays open until `commit`. */
async function openWriter(messages: WireMessage[]): Promise<{ commit(): Promise<void> }> {
  const client = await db.pool.connect();
  await client.query('BEGIN');
  await recordEvents(client, messages);
  return {
    async commit() {
      await client.query('COMMIT');
      client.release();
    },
  };
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}
