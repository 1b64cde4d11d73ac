/**
 * Test helpers for the real RabbitMQ of the CI machine (127.0.0.1:5672, guest/guest unless
 * WAZO_TEST_AMQP_URI says otherwise): a transport on a throwaway exchange, and its cleanup.
 */
import { randomBytes } from 'node:crypto';
import { Connection } from 'rabbitmq-client';
import type { TransportUnderTest } from '../contract/transport-contract.js';
import { type AmqpTransport, type AmqpTransportOptions, createAmqpTransport } from './amqp-transport.js';

export const testAmqpUri = process.env.WAZO_TEST_AMQP_URI ?? 'amqp://guest:guest@127.0.0.1:5672';

export interface AmqpUnderTest extends TransportUnderTest {
  transport: AmqpTransport;
}

export async function amqpUnderTest(options: AmqpTransportOptions = {}): Promise<AmqpUnderTest> {
  const exchangeName = `wazo-ts-test.${randomBytes(4).toString('hex')}`;
  const transport = createAmqpTransport({
    config: { uri: testAmqpUri, exchange_name: exchangeName },
    connectionName: `wazo-ts-test ${exchangeName}`,
    retryLowMs: 100,
    retryHighMs: 500,
    ...options,
  });
  const admin = new Connection({ url: testAmqpUri, connectionName: `wazo-ts-test-admin ${exchangeName}` });
  return {
    transport,
    deleteQueue: async (queue) => void (await admin.queueDelete({ queue })),
    async cleanup() {
      await transport.close();
      await admin.queueDelete({ queue: transport.deadLetterQueue });
      await admin.exchangeDelete({ exchange: exchangeName });
      await admin.close();
    },
  };
}
