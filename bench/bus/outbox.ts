/** The outbox paths: a bare INSERT transaction, and the same transaction with its event recorded. */

import { createTestDatabase, type TestDatabase } from '@wazo-ts/db/testing';
import {
  createOutboxRelay,
  migrateOutbox,
  type OutboxRelay,
  recordEvents,
} from '../../packages/bus/src/index.js';
import { benchEvent, type OurBus, type Path } from './amqp.js';

export async function benchDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase({ prefix: 'wazo_bench', poolSize: 24 });
  await migrateOutbox(db.pool);
  await db.pool.query('CREATE TABLE bench_data (id bigserial PRIMARY KEY, payload jsonb NOT NULL)');
  return db;
}

async function transaction(db: TestDatabase, stamp: number, withEvent?: OurBus): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO bench_data (payload) VALUES ($1)', [{ t: stamp }]);
    if (withEvent) await recordEvents(client, [withEvent.publisher.encode(benchEvent(stamp))]);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

/** The baseline: one row written in its own transaction, nothing else. */
export function bareInsert(db: TestDatabase): Path {
  return { send: (stamp) => transaction(db, stamp), close: async () => {} };
}

/** The same transaction plus its event in the outbox; a relay publishes it to our bus. */
export async function outboxPath(db: TestDatabase, bus: OurBus, maxInFlight: number): Promise<Path> {
  const relay: OutboxRelay = createOutboxRelay({ pool: db.pool, transport: bus.transport, maxInFlight });
  await relay.start();
  return {
    send: (stamp) => transaction(db, stamp, bus),
    close: () => relay.stop(),
  };
}
