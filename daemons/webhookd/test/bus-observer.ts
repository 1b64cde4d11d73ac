/**
 * A plain consumer on the daemon's exchange that keeps what it receives, and publishes as
 * another Wazo daemon would, so tests await events instead of sleeping.
 */
import { randomUUID } from 'node:crypto';
import {
  type BusEvent,
  type BusTransport,
  createAmqpTransport,
  createBusConsumer,
  createBusPublisher,
  type ReceivedEvent,
} from '@wazo-ts/bus';

export interface BusObserver {
  received: ReceivedEvent[];
  /** The first event named `name` that `match` accepts, received already or within 15 s. */
  next(name: string, match?: (event: ReceivedEvent) => boolean): Promise<ReceivedEvent>;
  publish(event: BusEvent): Promise<void>;
  transport: BusTransport;
  close(): Promise<void>;
}

export async function observeBus(
  bus: { uri: string; exchange_name: string },
  events: readonly { name: string }[],
): Promise<BusObserver> {
  const transport = createAmqpTransport({
    config: { uri: bus.uri, exchange_name: bus.exchange_name },
    connectionName: `${bus.exchange_name} observer`,
  });
  const consumer = createBusConsumer({ transport, name: 'wazo-webhookd-test-observer' });
  const publisher = createBusPublisher({ transport, originUuid: 'another-wazo' });
  const received: ReceivedEvent[] = [];
  const waiters = new Set<() => void>();
  const keep = (event: ReceivedEvent) => {
    received.push(event);
    for (const wake of waiters) wake();
  };
  for (const event of events) await consumer.subscribe(event.name, keep);
  return {
    received,
    transport,
    next(name, match = () => true) {
      const find = () => received.find((e) => e.name === name && match(e));
      return new Promise((resolve, reject) => {
        const found = find();
        if (found) return resolve(found);
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no ${name} within 15 s`));
        }, 15_000);
        const wake = () => {
          const hit = find();
          if (!hit) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(hit);
        };
        waiters.add(wake);
      });
    },
    async publish(event) {
      await publisher.publish(event, { messageId: randomUUID() });
    },
    async close() {
      await consumer.close();
      await transport.close();
    },
  };
}
