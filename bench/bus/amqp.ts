/** The two RabbitMQ paths compared: bare rabbitmq-client, and our publisher/consumer over the transport. */
import { randomBytes, randomUUID } from 'node:crypto';
import { Connection } from 'rabbitmq-client';
import {
  type AmqpTransport,
  type BusEvent,
  type BusPublisher,
  createAmqpTransport,
  createBusConsumer,
  createBusPublisher,
} from '../../packages/bus/src/index.js';
import type { Arrivals } from './measure.js';

export const amqpUri = process.env.WAZO_BENCH_AMQP_URI ?? 'amqp://guest:guest@127.0.0.1:5672';

export interface Path {
  send(stamp: number): Promise<void>;
  close(): Promise<void>;
}

/** The baseline: what the same broker does with the client library and nothing of ours. */
export async function bareAmqp(arrivals: Arrivals): Promise<Path> {
  const exchange = `wazo-ts-bench.${randomBytes(4).toString('hex')}`;
  const connection = new Connection({ url: amqpUri, connectionName: `wazo-ts-bench bare ${exchange}` });
  const declare = [{ exchange, type: 'headers', autoDelete: true }];
  const publisher = connection.createPublisher({ confirm: true, exchanges: declare });
  const consumer = connection.createConsumer(
    {
      queue: `${exchange}.bare`,
      queueOptions: { exclusive: true, autoDelete: true },
      exchanges: declare,
      queueBindings: [{ exchange, arguments: { 'x-match': 'all', name: 'bench_event' } }],
      qos: { prefetchCount: 10 },
    },
    // rabbitmq-client has already parsed the application/json body.
    async (message) => arrivals.hit((message.body as { t: number }).t),
  );
  await new Promise((resolve) => consumer.once('ready', resolve));
  return {
    async send(stamp) {
      const envelope = { exchange, headers: { name: 'bench_event' }, messageId: randomUUID() };
      await publisher.send({ ...envelope, contentType: 'application/json' }, Buffer.from(`{"t":${stamp}}`));
    },
    async close() {
      await publisher.close();
      await consumer.close();
      await connection.close();
    },
  };
}

export function benchEvent(stamp: number): BusEvent {
  return {
    name: 'bench_event',
    data: { t: stamp },
    headers: { tenant_uuid: 'bench-tenant', 'user_uuid:*': true },
    routingKey: 'bench.event',
    requiredAcl: 'events.bench.event',
  };
}

export interface OurBus {
  transport: AmqpTransport;
  publisher: BusPublisher;
  close(): Promise<void>;
}

/** Our stack: Wazo envelope encoding, the AMQP transport, the consumer with its retry layer. */
export async function ourBus(arrivals: Arrivals): Promise<OurBus> {
  const exchange = `wazo-ts-bench.${randomBytes(4).toString('hex')}`;
  const transport = createAmqpTransport({
    config: { uri: amqpUri, exchange_name: exchange },
    connectionName: `wazo-ts-bench ${exchange}`,
  });
  const publisher = createBusPublisher({ transport, originUuid: 'bench-origin' });
  const consumer = createBusConsumer({ transport, name: 'wazo-ts-bench', prefetch: 10 });
  await consumer.subscribe('bench_event', (event) => arrivals.hit((event.data as { t: number }).t));
  return {
    transport,
    publisher,
    async close() {
      await consumer.close();
      await transport.close();
      const admin = new Connection({ url: amqpUri });
      await admin.exchangeDelete({ exchange });
      await admin.queueDelete({ queue: transport.deadLetterQueue });
      await admin.close();
    },
  };
}

export function ourPath(bus: OurBus): Path {
  return {
    send: async (stamp) => void (await bus.publisher.publish(benchEvent(stamp))),
    close: () => bus.close(),
  };
}
