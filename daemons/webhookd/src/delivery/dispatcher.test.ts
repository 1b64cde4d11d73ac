/**
 * The dispatcher alone, on a strict in-memory table: lanes never exceed the concurrency, take
 * turns (a long queue does not starve a short one), keep their order, and an attempt cut by stop
 * is not recorded.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import type { AttemptRecord, DeliveryDao, PendingDelivery } from './delivery.dao.js';
import { backoffMs, createDispatcher } from './dispatcher.js';
import { AttemptAbortedError, type DeliveryAttempt, type DeliveryService } from './service.js';

function memoryDao(rows: Record<string, number>) {
  const table = new Map<string, PendingDelivery[]>();
  let id = 0;
  for (const [sub, count] of Object.entries(rows))
    table.set(
      sub,
      Array.from({ length: count }, (_, seq) => ({
        id: String(++id),
        uuid: `${sub}-${seq}`,
        attempts: 0,
        nextAttemptAt: new Date(0),
        createdAt: new Date(0),
        event: { name: 'e', data: { seq } },
        subscription: {
          uuid: sub,
          name: sub,
          service: 'test',
          owner_tenant_uuid: 't',
          owner_user_uuid: null,
          events_user_uuid: null,
          events_wazo_uuid: null,
          config: {},
        },
      })),
    );
  const logs: { delivery: string; log: AttemptRecord }[] = [];
  const dao: DeliveryDao = {
    intake: () => Promise.reject(new Error('not used')),
    pendingSubscriptions: async () => [...table.keys()].filter((k) => (table.get(k) ?? []).length > 0),
    head: async (sub) => table.get(sub)?.[0],
    async record(delivery, log, retryAt) {
      const queue = table.get(delivery.subscription.uuid) ?? [];
      if (queue[0]?.id !== delivery.id) return false;
      if (retryAt) queue[0] = { ...delivery, attempts: log.attempts, nextAttemptAt: retryAt };
      else queue.shift();
      logs.push({ delivery: delivery.uuid, log });
      return true;
    },
  };
  return { dao, logs };
}

/** A service whose attempts wait until the test releases them. */
function heldService() {
  const waiting: { attempt: DeliveryAttempt; release: () => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const service: DeliveryService = {
    name: 'test',
    attempt(attempt) {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return new Promise((resolve, reject) => {
        attempt.signal.addEventListener('abort', () => reject(new AttemptAbortedError('stop')));
        waiting.push({
          attempt,
          release: () => {
            inFlight -= 1;
            resolve({ kind: 'success', detail: {} });
          },
        });
      });
    },
  };
  return { service, waiting, maxInFlight: () => maxInFlight };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

const logger = pino({ level: 'silent' });
const retry = { maxAttempts: 3, factor: 2, firstDelayMs: 1 };

describe('delivery dispatcher', () => {
  it('when more subscriptions wait than the concurrency, then at most that many send, each in order, taking turns', async () => {
    const { dao, logs } = memoryDao({ a: 4, b: 1, c: 1 });
    const held = heldService();
    const dispatcher = createDispatcher({
      dao,
      services: new Map([['test', held.service]]),
      retry,
      concurrency: 2,
      logger,
    });
    await dispatcher.start();
    const sent: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      await settle();
      assert.ok(held.waiting.length <= 2, `in flight ${held.waiting.length}`);
      const next = held.waiting.shift();
      assert.ok(next, `an attempt is waiting after ${sent.join(' ')} (${logs.length} logged)`);
      sent.push(next.attempt.deliveryUuid);
      next.release();
    }
    await settle();
    assert.equal(logs.length, 6);
    assert.equal(held.maxInFlight(), 2);
    assert.deepEqual(
      sent.filter((s) => s.startsWith('a')),
      ['a-0', 'a-1', 'a-2', 'a-3'],
    );
    // c waited for a free lane but not for a's whole queue.
    assert.ok(sent.indexOf('c-0') < sent.indexOf('a-3'), sent.join(' '));
    await dispatcher.stop();
  });

  it('when the dispatcher stops mid-attempt, then the attempt is not recorded and stays pending', async () => {
    const { dao, logs } = memoryDao({ a: 1 });
    const held = heldService();
    const dispatcher = createDispatcher({
      dao,
      services: new Map([['test', held.service]]),
      retry,
      concurrency: 1,
      logger,
    });
    await dispatcher.start();
    await settle();
    assert.equal(held.waiting.length, 1);
    await dispatcher.stop();
    assert.equal(logs.length, 0);
    assert.ok(await dao.head('a'));
  });

  it("when retries are computed, then they follow Wazo's factor ** n from the first delay", () => {
    const policy = { maxAttempts: 10, factor: 2, firstDelayMs: 1000 };
    assert.deepEqual(
      [0, 1, 2, 8].map((n) => backoffMs(policy, n)),
      [1000, 2000, 4000, 256_000],
    );
  });
});
