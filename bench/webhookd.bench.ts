/**
 * wazo-webhookd's delivery engine against a bare consumer-to-HTTP loop measured in the same run:
 * callbacks/s from bus publish to an HTTP receiver, and p50/p99 latency from publish to receiver.
 * The bare loop is what a webhook sender without guarantees does: a rabbitmq-client consumer that
 * POSTs each message's data on a keep-alive agent and acks. Ours stores each matched event in
 * PostgreSQL before the ack, then sends it from the table (ordered per subscription, logged per
 * attempt, target checked, a fresh connection each time). Phases with 1 and 8 subscriptions (8
 * parallel lanes; the bare loop then POSTs 8 times per message, in parallel). Closed loop:
 * BENCH_WINDOW (32) events in flight, BENCH_PHASE_MS (3000) per phase.
 *
 *   node --conditions=wazo-ts-source --import tsx bench/webhookd.bench.ts   (RabbitMQ, PostgreSQL)
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { encodeEvent } from '@wazo-ts/bus';
import { createDeliveryEngine } from '@wazo-ts/webhookd';
import { deliveryTestBed, testDeliveryConfig } from '@wazo-ts/webhookd/testing';
import pino from 'pino';
import { Connection } from 'rabbitmq-client';

const durationMs = Number(process.env.BENCH_PHASE_MS ?? 3000);
const window = Number(process.env.BENCH_WINDOW ?? 32);
const amqpUri = process.env.WAZO_TEST_AMQP_URI ?? 'amqp://guest:guest@127.0.0.1:5672';
const tenant = randomUUID();

interface PhaseResult {
  events: number;
  callbacks: number;
  rate: number;
  p50: number;
  p99: number;
}

/** Counts callbacks per event seq; emits `event` once an event got all its callbacks. */
async function startReceiver() {
  const done = new EventEmitter();
  const counts = new Map<number, number>();
  const latencies: number[] = [];
  let expected = 1;
  let callbacks = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.end('{}');
      const { seq, stamp } = JSON.parse(Buffer.concat(chunks).toString()) as { seq: number; stamp: number };
      callbacks += 1;
      latencies.push(performance.now() - stamp);
      const count = (counts.get(seq) ?? 0) + 1;
      if (count < expected) counts.set(seq, count);
      else {
        counts.delete(seq);
        done.emit('event');
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    done,
    reset(perEvent: number) {
      expected = perEvent;
      counts.clear();
      latencies.length = 0;
      callbacks = 0;
    },
    stats: () => ({ callbacks, latencies: [...latencies] }),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

async function runPhase(receiver: Receiver, perEvent: number, publish: (seq: number) => Promise<void>) {
  receiver.reset(perEvent);
  let seq = 0;
  let completed = 0;
  let inFlight = 0;
  let stopping = false;
  let resolveDrained: () => void = () => undefined;
  const drained = new Promise<void>((resolve) => {
    resolveDrained = resolve;
  });
  const pump = () => {
    while (!stopping && inFlight < window) {
      inFlight += 1;
      void publish(seq++);
    }
    if (stopping && inFlight === 0) resolveDrained();
  };
  const onEvent = () => {
    inFlight -= 1;
    completed += 1;
    pump();
  };
  receiver.done.on('event', onEvent);
  const started = performance.now();
  pump();
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  stopping = true;
  const elapsed = (performance.now() - started) / 1000;
  const counted = completed;
  const stats = receiver.stats();
  if (inFlight > 0) await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  receiver.done.off('event', onEvent);
  const sorted = stats.latencies.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    events: counted,
    callbacks: stats.callbacks,
    rate: stats.callbacks / elapsed,
    p50: at(0.5),
    p99: at(0.99),
  };
}

/** The baseline: consume, POST the data to every target (keep-alive), ack. No storage, no order after a retry. */
async function bareLoop(exchange: string, targets: string[]) {
  const connection = new Connection({ url: amqpUri, connectionName: 'webhookd bench bare loop' });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const queue = `webhookd-bench-bare.${randomUUID().slice(0, 8)}`;
  const post = (url: string, body: string) =>
    new Promise<void>((resolve, reject) => {
      const req = http.request(
        url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const consumer = connection.createConsumer(
    {
      queue,
      queueOptions: { exclusive: true, autoDelete: true },
      exchanges: [{ exchange, type: 'headers', durable: true }],
      queueBindings: [{ queue, exchange, arguments: { 'x-match': 'all', name: 'bench_event' } }],
      qos: { prefetchCount: 50 },
      concurrency: 1,
    },
    async (message) => {
      const body = JSON.stringify((JSON.parse(message.body.toString()) as { data: unknown }).data);
      await Promise.all(targets.map((url) => post(url, body)));
    },
  );
  await once(consumer, 'ready');
  return {
    async close() {
      await consumer.close();
      agent.destroy();
      await connection.close();
    },
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const bed = await deliveryTestBed();
  const receiver = await startReceiver();
  const publish = async (seq: number) => {
    const event = {
      name: 'bench_event',
      data: { seq, stamp: performance.now() },
      headers: { tenant_uuid: tenant, name: 'bench_event' },
      routingKey: 'bench.event',
      requiredAcl: 'events.bench.event',
    };
    await bed.transport.publish(encodeEvent(event, { originUuid: bed.originUuid, messageId: randomUUID() }));
  };
  const results: Record<string, PhaseResult & { ratio?: number; ours?: number; baseline?: number }> = {};
  const queues: string[] = [];
  try {
    for (const subscriptions of [1, 8]) {
      const targets = Array.from({ length: subscriptions }, (_, i) => `${receiver.url}${i}`);
      const bare = await bareLoop(bed.exchange, targets);
      results[`bare loop ${subscriptions}`] = await runPhase(receiver, subscriptions, publish).finally(() =>
        bare.close(),
      );

      for (const url of targets)
        await bed.addSubscription({
          events: ['bench_event'],
          config: { url, method: 'post' },
          owner_tenant_uuid: tenant,
        });
      // A queue per phase: a durable queue left bound would fill up during the next bare phase.
      const config = testDeliveryConfig({ concurrency: 16 });
      queues.push(config.delivery.queue);
      const engine = createDeliveryEngine({
        db: bed.db,
        transport: bed.transport,
        config,
        logger: pino({ level: 'silent' }),
        masterTenant: bed.masterTenant,
      });
      await engine.start();
      const ours = await runPhase(receiver, subscriptions, publish).finally(() => engine.stop());
      const baseline = results[`bare loop ${subscriptions}`]!;
      results[`webhookd ${subscriptions}`] = {
        ...ours,
        ours: ours.rate,
        baseline: baseline.rate,
        ratio: ours.rate / baseline.rate,
      };
      await bed.db.deleteFrom('webhookd_subscription').execute();
      await bed.db.deleteFrom('webhookd_delivery_binding').execute();
    }
  } finally {
    await receiver.close();
    await bed.cleanup(queues);
  }
  report(results, Date.now() - started);
}

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits);

function report(results: Record<string, PhaseResult & { ratio?: number }>, elapsedMs: number): void {
  console.log(`webhookd bench: window ${window}, ${durationMs} ms per phase, ${elapsedMs} ms in all`);
  console.log('phase                 events  callbacks/s  p50 ms  p99 ms  rate x (vs bare loop)');
  for (const [label, r] of Object.entries(results))
    console.log(
      [
        label.padEnd(20),
        fmt(r.events).padStart(7),
        fmt(r.rate).padStart(12),
        fmt(r.p50, 2).padStart(7),
        fmt(r.p99, 2).padStart(7),
        fmt(r.ratio, 2).padStart(8),
      ].join(' '),
    );
  console.log(JSON.stringify({ bench: 'webhookd', window, durationMs, elapsedMs, results }));
}

await main();
