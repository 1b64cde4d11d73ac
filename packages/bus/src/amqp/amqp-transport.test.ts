import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { createBusConsumer } from '../consumer.js';
import { collector, waitUntil } from '../contract/collector.js';
import { message, transportContract } from '../contract/transport-contract.js';
import { scheduleDeleted } from '../events/index.js';
import { createBusPublisher } from '../publisher.js';
import type { TransportState } from '../transport.js';
import { type AmqpUnderTest, amqpUnderTest } from './testing.js';

transportContract('RabbitMQ', () => amqpUnderTest());

const run = promisify(execFile);

/** Closes our connection from the broker's side, as a RabbitMQ restart or an operator would. */
async function closeFromBroker(connectionName: string): Promise<void> {
  const { stdout } = await run('rabbitmqctl', ['list_connections', '-q', 'pid', 'client_properties']);
  const line = stdout.split('\n').find((l) => l.includes(connectionName));
  const pid = line?.split('\t')[0];
  assert.ok(pid, `connection ${connectionName} not found`);
  await run('rabbitmqctl', ['close_connection', pid, 'wazo-ts reconnect test']);
}

describe('RabbitMQ transport reconnect', () => {
  let under: AmqpUnderTest;
  before(async () => {
    under = await amqpUnderTest();
  });
  after(() => under.cleanup());

  it('when the broker closes the connection, then it reconnects and bindings come back', async () => {
    const { transport } = under;
    const runId = randomUUID();
    const got = collector();
    const sub = await transport.consume(
      { bindings: [{ headers: { run: runId, n: 'a' }, match: 'all' }] },
      got.handler,
    );
    await sub.bind({ headers: { run: runId, n: 'b' }, match: 'all' });
    const states: TransportState[] = [];
    transport.onStateChange((s) => states.push(s));

    await closeFromBroker(`wazo-ts-test ${transport.exchangeName}`);
    await waitUntil(() => states.includes('disconnected') && transport.state() === 'connected');
    // The exclusive queue died with the connection: delivery proves it and both bindings are back.
    await waitUntil(async () => {
      await transport.publish(message({ run: runId, n: 'a' }));
      await transport.publish(message({ run: runId, n: 'b' }));
      return got.messages.length >= 2;
    });
    assert.ok(got.messages.some((m) => m.headers.n === 'a'));
    assert.ok(got.messages.some((m) => m.headers.n === 'b'));
    await sub.close();
  });
});

describe('RabbitMQ consumer end to end', () => {
  let under: AmqpUnderTest;
  before(async () => {
    under = await amqpUnderTest();
  });
  after(() => under.cleanup());

  it('when a handler keeps failing on RabbitMQ, then the event lands on the dead-letter queue', async () => {
    const { transport } = under;
    const publisher = createBusPublisher({ transport, originUuid: 'o' });
    const consumer = createBusConsumer({
      transport,
      name: 'wazo-test',
      retry: { attempts: 2, initialDelayMs: 1 },
    });
    await consumer.subscribe(scheduleDeleted, () => {
      throw new Error('cannot handle');
    });
    const sent = await publisher.publish(scheduleDeleted.build({ id: 9 }, { tenantUuid: 'T' }));
    const parked = collector();
    const dlq = await transport.consume(
      { queue: transport.deadLetterQueue, durable: true, bindings: [] },
      parked.handler,
    );
    const [message] = await parked.waitFor(1);
    assert.equal(message?.messageId, sent.messageId);
    assert.equal(message?.headers['x-wazo-dead-letter-error'], 'cannot handle');
    assert.equal(message?.headers['x-wazo-dead-letter-queue'], consumer.queue());
    await Promise.all([dlq.close(), consumer.close()]);
  });
});
