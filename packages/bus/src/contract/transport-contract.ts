/**
 * The behaviour every BusTransport must show, as one node:test suite run against each transport
 * (in-process and RabbitMQ): headers-exchange routing, FIFO and one-at-a-time delivery, redelivery
 * after a failure, run-time bindings, durable queues and dead-letter parking.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { BusTransport, HeaderBinding, HeaderValue, WireMessage } from '../transport.js';
import { collector } from './collector.js';

export interface TransportUnderTest {
  transport: BusTransport;
  /** Deletes durable queues a test declared (RabbitMQ keeps them). */
  deleteQueue(name: string): Promise<void>;
  /** Removes what the run declared (exchange, dead-letter queue) and closes connections. */
  cleanup(): Promise<void>;
}

export function message(headers: Record<string, HeaderValue>, data: unknown = {}): WireMessage {
  return {
    messageId: randomUUID(),
    headers,
    routingKey: 'some.key',
    body: Buffer.from(JSON.stringify({ ...headers, data })),
    contentType: 'application/json',
  };
}

const all = (headers: Record<string, HeaderValue>): HeaderBinding => ({ headers, match: 'all' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function transportContract(label: string, factory: () => Promise<TransportUnderTest>): void {
  describe(`BusTransport contract: ${label}`, () => {
    let under: TransportUnderTest;
    let transport: BusTransport;
    // Each test uses its own `run` header value, so tests never see each other's messages.
    const scoped = (extra: Record<string, HeaderValue> = {}) => ({ run: randomUUID(), ...extra });

    before(async () => {
      under = await factory();
      transport = under.transport;
    });
    after(() => under.cleanup());

    it('when a message matches a binding, then it arrives intact', async () => {
      const h = scoped({ name: 'user_created', 'user_uuid:*': true, count: 3 });
      const got = collector();
      const sub = await transport.consume(
        { bindings: [all({ run: h.run, name: 'user_created' })] },
        got.handler,
      );
      const sent = message(h, { id: 1 });
      await transport.publish(sent);
      const [received] = await got.waitFor(1);
      assert.equal(received?.messageId, sent.messageId);
      assert.deepEqual(received?.headers, h);
      assert.equal(received?.routingKey, 'some.key');
      assert.deepEqual(received?.body, sent.body);
      assert.equal(received?.contentType, 'application/json');
      assert.equal(received?.redelivered, false);
      assert.equal(transport.state(), 'connected');
      await sub.close();
    });

    it('when bindings use x-match all or any, then only matching messages are routed', async () => {
      const { run } = scoped();
      const allGot = collector();
      const anyGot = collector();
      const binding = { run, a: 'x', b: true };
      const subAll = await transport.consume({ bindings: [all(binding)] }, allGot.handler);
      const subAny = await transport.consume(
        { bindings: [{ headers: binding, match: 'any' }] },
        anyGot.handler,
      );
      await transport.publish(message({ run, a: 'x', b: true, i: 1 }));
      await transport.publish(message({ run, a: 'x', i: 2 }));
      await transport.publish(message({ run: 'other', b: false, i: 3 }));
      await transport.publish(message({ run, a: 'x', b: true, i: 4 }));
      await allGot.waitFor(2);
      await anyGot.waitFor(3);
      await sleep(100);
      assert.deepEqual(
        allGot.messages.map((m) => m.headers.i),
        [1, 4],
      );
      assert.deepEqual(
        anyGot.messages.map((m) => m.headers.i),
        [1, 2, 4],
      );
      await Promise.all([subAll.close(), subAny.close()]);
    });

    it('when a binding value is null, then it matches the header whatever its value', async () => {
      const { run } = scoped();
      const got = collector();
      const sub = await transport.consume({ bindings: [all({ run, tenant_uuid: null })] }, got.handler);
      await transport.publish(message({ run, i: 1 }));
      await transport.publish(message({ run, tenant_uuid: 'T', i: 2 }));
      await got.waitFor(1);
      await sleep(100);
      assert.deepEqual(
        got.messages.map((m) => m.headers.i),
        [2],
      );
      await sub.close();
    });

    it('when several queues match, then each gets its own copy', async () => {
      const { run } = scoped();
      const first = collector();
      const second = collector();
      const subs = [
        await transport.consume({ bindings: [all({ run })] }, first.handler),
        await transport.consume({ bindings: [all({ run })], queuePrefix: 'second' }, second.handler),
      ];
      assert.notEqual(subs[0]?.queue, subs[1]?.queue);
      assert.match(subs[1]?.queue ?? '', /^second\.[0-9a-f]{6}$/);
      await transport.publish(message({ run }));
      await Promise.all([first.waitFor(1), second.waitFor(1)]);
      await Promise.all(subs.map((s) => s.close()));
    });

    it('when many messages are published, then one queue delivers them in order, one at a time', async () => {
      const { run } = scoped();
      let inFlight = 0;
      let maxInFlight = 0;
      const got = collector(async () => {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await sleep(2);
        inFlight--;
      });
      const sub = await transport.consume({ bindings: [all({ run })], prefetch: 5 }, got.handler);
      for (let i = 0; i < 30; i++) await transport.publish(message({ run, i }));
      await got.waitFor(30);
      assert.deepEqual(
        got.messages.map((m) => m.headers.i),
        [...Array(30).keys()],
      );
      assert.equal(maxInFlight, 1);
      await sub.close();
    });

    it('when a handler fails, then the message is delivered again, marked redelivered', async () => {
      const { run } = scoped();
      let failures = 0;
      const got = collector(() => {
        if (failures++ === 0) throw new Error('first try fails');
      });
      const sub = await transport.consume({ bindings: [all({ run })] }, got.handler);
      await transport.publish(message({ run }));
      const [received] = await got.waitFor(1);
      assert.equal(received?.redelivered, true);
      await sleep(100);
      assert.equal(got.messages.length, 1);
      await sub.close();
    });

    it('when bindings change at run time, then routing follows', async () => {
      const { run } = scoped();
      const got = collector();
      const sub = await transport.consume({ bindings: [] }, got.handler);
      await sub.bind(all({ run, name: 'a' }));
      await sub.bind(all({ run, name: 'b' }));
      await sub.unbind(all({ run, name: 'a' }));
      await transport.publish(message({ run, name: 'a' }));
      await transport.publish(message({ run, name: 'b' }));
      await got.waitFor(1);
      await sleep(100);
      assert.deepEqual(
        got.messages.map((m) => m.headers.name),
        ['b'],
      );
      await sub.close();
    });

    it('when a durable queue has no consumer, then it keeps messages until one comes back', async () => {
      const { run } = scoped();
      const queue = `wazo-ts-contract.${run}`;
      const first = await transport.consume(
        { queue, durable: true, bindings: [all({ run })] },
        async () => {},
      );
      await first.close();
      await transport.publish(message({ run, i: 1 }));
      await sleep(50);
      const got = collector();
      const second = await transport.consume({ queue, durable: true, bindings: [] }, got.handler);
      await got.waitFor(1);
      await second.close();
      await under.deleteQueue(queue);
    });

    it('when a message is dead-lettered, then it is stored on the durable dead-letter queue with why', async () => {
      const h = scoped({ name: 'user_created' });
      const sent = message(h);
      const reason = { consumer: 'test', queue: 'q', error: 'boom', attempts: 3 };
      await transport.deadLetter(sent, reason);
      const got = collector();
      const sub = await transport.consume(
        { queue: transport.deadLetterQueue, durable: true, bindings: [] },
        got.handler,
      );
      const [parked] = await got.waitFor(1);
      await sub.close();
      assert.equal(parked?.messageId, sent.messageId);
      assert.deepEqual(parked?.body, sent.body);
      assert.equal(parked?.headers.name, 'user_created');
      assert.equal(parked?.headers['x-wazo-dead-letter-error'], 'boom');
      assert.equal(parked?.headers['x-wazo-dead-letter-attempts'], 3);
      assert.equal(parked?.headers['x-wazo-dead-letter-consumer'], 'test');
    });

    it('when closed, then its state says so and publishing fails', async () => {
      const extra = await factory();
      const states: string[] = [];
      extra.transport.onStateChange((s) => states.push(s));
      await extra.transport.close();
      assert.equal(extra.transport.state(), 'closed');
      assert.deepEqual(states.at(-1), 'closed');
      await assert.rejects(extra.transport.publish(message({ x: 1 })));
      await extra.cleanup();
    });
  });
}
