import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBusConsumer } from './consumer.js';
import { waitUntil } from './contract/collector.js';
import type { ReceivedEvent } from './envelope/envelope.js';
import { scheduleCreated } from './events/index.js';
import { createMemoryTransport } from './memory/memory-transport.js';
import { createBusPublisher } from './publisher.js';

const T = 'tenant-1';
const clock = () => new Date(2026, 10, 28, 23, 59, 1, 123);

describe('BusPublisher', () => {
  it('when an event is published, then a consumer gets it decoded with the envelope fields', async () => {
    const transport = createMemoryTransport();
    const publisher = createBusPublisher({ transport, originUuid: 'origin', clock });
    const consumer = createBusConsumer({ transport, name: 'test' });
    const received: ReceivedEvent<{ id: number }>[] = [];
    await consumer.subscribe(scheduleCreated, (event) => void received.push(event));
    const sent = await publisher.publish(scheduleCreated.build({ id: 4 }, { tenantUuid: T }), {
      headers: { a: 'b' },
    });
    await waitUntil(() => received.length === 1);
    const [event] = received;
    assert.equal(event?.data.id, 4);
    assert.equal(event?.messageId, sent.messageId);
    assert.equal(event?.originUuid, 'origin');
    assert.equal(event?.timestamp, '2026-11-28T23:59:01.123000');
    assert.equal(event?.headers.a, 'b');
    await transport.close();
  });

  it('when encoding, then nothing is published and ids are unique unless given', async () => {
    const transport = createMemoryTransport();
    const publisher = createBusPublisher({ transport, originUuid: 'origin', clock });
    const event = scheduleCreated.build({ id: 1 }, { tenantUuid: T });
    assert.notEqual(publisher.encode(event).messageId, publisher.encode(event).messageId);
    assert.equal(publisher.encode(event, { messageId: 'fixed' }).messageId, 'fixed');
    await transport.close();
  });

  it('when the transport cannot publish, then publish rejects with an unavailable error', async () => {
    const transport = createMemoryTransport();
    await transport.close();
    const publisher = createBusPublisher({ transport, originUuid: 'origin' });
    await assert.rejects(publisher.publish(scheduleCreated.build({ id: 1 }, { tenantUuid: T })), {
      code: 'unavailable',
    });
  });
});
