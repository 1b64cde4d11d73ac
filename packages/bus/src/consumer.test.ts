import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidDataError } from '@wazo-ts/errors';
import { createBusConsumer } from './consumer.js';
import { collector, waitUntil } from './contract/collector.js';
import { message } from './contract/transport-contract.js';
import { encodeEvent, type ReceivedEvent } from './envelope/envelope.js';
import { authSessionDeleted, scheduleCreated, scheduleDeleted } from './events/index.js';
import type { BusLogger } from './logger.js';
import { createMemoryTransport } from './memory/memory-transport.js';
import type { BusTransport } from './transport.js';

const T = 'tenant-1';
const policy = { attempts: 3, initialDelayMs: 100, maxDelayMs: 150 };

/** The consumer's backoff, recorded instead of waited for. */
function recordedWaits() {
  const waits: number[] = [];
  return { waits, retry: policy, sleep: async (ms: number) => void waits.push(ms) };
}
const schedule = (id: number) =>
  encodeEvent(scheduleCreated.build({ id }, { tenantUuid: T }), { originUuid: 'o' });

function recordingLogger(lines: string[] = []): BusLogger & { lines: string[] } {
  const log = (level: string) => (_obj: object, msg?: string) => void lines.push(`${level} ${msg}`);
  const logger = { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  return { ...logger, child: () => logger as unknown as BusLogger };
}

async function deadLetters(transport: BusTransport, count: number) {
  const got = collector();
  const sub = await transport.consume(
    { queue: transport.deadLetterQueue, durable: true, bindings: [] },
    got.handler,
  );
  await got.waitFor(count);
  await sub.close();
  return got.messages;
}

describe('BusConsumer', () => {
  it('when two handlers subscribe to a name, then both get every message of that name and only those', async () => {
    const transport = createMemoryTransport();
    const consumer = createBusConsumer({ transport, name: 'wazo-test' });
    const a: ReceivedEvent[] = [];
    const b: ReceivedEvent[] = [];
    await consumer.subscribe(scheduleCreated, (e) => void a.push(e));
    await consumer.subscribe('schedule_created', (e) => void b.push(e));
    await consumer.subscribe(scheduleDeleted, () => assert.fail('wrong name'));
    assert.match(consumer.queue(), /^wazo-test\.[0-9a-f]{6}$/);
    await transport.publish(schedule(1));
    await waitUntil(() => a.length === 1 && b.length === 1);
    await transport.close();
  });

  it('when subscribed with headers, then only messages carrying them arrive (all or any)', async () => {
    const transport = createMemoryTransport();
    const consumer = createBusConsumer({ transport, name: 'wazo-test' });
    const seen: string[] = [];
    const handler = (e: ReceivedEvent<{ uuid: string }>) => void seen.push(e.data.uuid);
    await consumer.subscribe(authSessionDeleted, handler, { headers: { 'user_uuid:u1': true } });
    for (const user of ['u2', 'u1']) {
      const event = authSessionDeleted.build(
        { uuid: user, tenant_uuid: T, user_uuid: user },
        { tenantUuid: T, userUuid: user },
      );
      await transport.publish(encodeEvent(event, { originUuid: 'o' }));
    }
    await waitUntil(() => seen.length === 1);
    assert.deepEqual(seen, ['u1']);
    assert.equal(await consumer.unsubscribe('auth_session_deleted', handler), true);
    assert.equal(await consumer.unsubscribe('auth_session_deleted', handler), false);
    await transport.close();
  });

  it('when a handler fails then succeeds, then it is retried with backoff and nothing is parked', async () => {
    const transport = createMemoryTransport();
    const backoff = recordedWaits();
    const consumer = createBusConsumer({ transport, name: 'wazo-test', ...backoff });
    let calls = 0;
    await consumer.subscribe(scheduleCreated, () => {
      if (++calls < 3) throw new Error('transient');
    });
    await transport.publish(schedule(1));
    await waitUntil(() => calls === 3);
    assert.deepEqual(backoff.waits, [100, 150]);
    assert.equal(transport.pending(transport.deadLetterQueue), 0);
    await transport.close();
  });

  it('when a handler fails with a non-retryable error, then the message is parked after one try', async () => {
    const transport = createMemoryTransport();
    const backoff = recordedWaits();
    const consumer = createBusConsumer({ transport, name: 'wazo-test', ...backoff });
    let calls = 0;
    await consumer.subscribe(scheduleCreated, () => {
      calls++;
      throw new InvalidDataError('schedule 7 has no timezone');
    });
    await transport.publish(schedule(7));
    const [parked] = await deadLetters(transport, 1);
    assert.equal(parked?.headers['x-wazo-dead-letter-error'], 'schedule 7 has no timezone');
    assert.equal(parked?.headers['x-wazo-dead-letter-attempts'], 1);
    assert.equal(calls, 1);
    assert.deepEqual(backoff.waits, []);
    await transport.close();
  });

  it('when a handler keeps failing, then the message is parked with the error and logged', async () => {
    const transport = createMemoryTransport();
    const logger = recordingLogger();
    const backoff = recordedWaits();
    const consumer = createBusConsumer({ transport, name: 'wazo-test', ...backoff, logger });
    let okCalls = 0;
    await consumer.subscribe(scheduleCreated, () => void okCalls++);
    await consumer.subscribe(scheduleCreated, () => {
      throw new Error('database gone');
    });
    const sent = schedule(7);
    await transport.publish(sent);
    const [parked] = await deadLetters(transport, 1);
    assert.equal(parked?.messageId, sent.messageId);
    assert.equal(parked?.headers['x-wazo-dead-letter-error'], 'database gone');
    assert.equal(parked?.headers['x-wazo-dead-letter-attempts'], 3);
    assert.equal(parked?.headers['x-wazo-dead-letter-queue'], consumer.queue());
    assert.equal(okCalls, 1, 'the handler that succeeded is not run again');
    assert.deepEqual(backoff.waits, [100, 150]);
    assert.ok(logger.lines.includes('error bus message parked on dead-letter queue'));
    assert.equal(logger.lines.filter((l) => l === 'warn bus handler failed').length, 3);
    await transport.close();
  });

  it('when a message cannot be decoded, then it is parked at once', async () => {
    const transport = createMemoryTransport();
    const consumer = createBusConsumer({ transport, name: 'wazo-test', ...recordedWaits() });
    await consumer.subscribe('broken', () => assert.fail('not called'));
    await transport.publish({ ...message({ name: 'broken' }), body: Buffer.from('not json') });
    const [parked] = await deadLetters(transport, 1);
    assert.match(String(parked?.headers['x-wazo-dead-letter-error']), /not JSON/);
    await transport.close();
  });

  it('when parking fails, then the message is delivered again rather than dropped', async () => {
    const transport = createMemoryTransport();
    let parkFailures = 1;
    const flaky: BusTransport = {
      ...transport,
      deadLetter: async (m, r) => {
        if (parkFailures-- > 0) throw new Error('broker down');
        return transport.deadLetter(m, r);
      },
    };
    const consumer = createBusConsumer({
      transport: flaky,
      name: 'wazo-test',
      retry: { ...policy, attempts: 1 },
    });
    const deliveries: boolean[] = [];
    await consumer.subscribe(scheduleCreated, (e) => {
      deliveries.push(e.redelivered);
      throw new Error('always');
    });
    await transport.publish(schedule(1));
    await deadLetters(transport, 1);
    assert.deepEqual(deliveries, [false, true]);
    await transport.close();
  });
});
