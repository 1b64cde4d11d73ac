/**
 * wazo-websocketd's fan-out against bare RabbitMQ consumers measured in the same run: events/s
 * delivered to 1, 100 and 1,000 connected websocket clients and p50/p99 latency from publish to
 * client, next to rabbitmq-client consumers (one queue each, as Wazo's websocketd declares per
 * session) receiving the same events from the same broker. Closed loop: BENCH_WINDOW (16) events
 * in flight, BENCH_PHASE_MS (3000) per phase. Clients, daemon and publisher share this process.
 *
 *   node --conditions=wazo-ts-source --import tsx bench/websocketd.bench.ts   (RabbitMQ, PostgreSQL)
 */
import { randomUUID } from 'node:crypto';
import { type PhaseResult, runPhase } from './websocketd/phase.js';
import { bareConsumers, websocketClients } from './websocketd/receivers.js';
import { amqpUri, startBenchStack } from './websocketd/stack.js';

const durationMs = Number(process.env.BENCH_PHASE_MS ?? 3000);
const window = Number(process.env.BENCH_WINDOW ?? 16);
const sizes = (process.env.BENCH_CLIENTS ?? '1,100,1000').split(',').map(Number);
const bareSizes = sizes.filter((n) => n <= 100);

async function main(): Promise<void> {
  const started = Date.now();
  const stack = await startBenchStack();
  const publish = (seq: number, stamp: number) => {
    const headers = { required_acl: null, name: 'bench_event', origin_uuid: stack.originUuid };
    const body = Buffer.from(JSON.stringify({ ...headers, data: { seq, stamp } }));
    return stack.transport.publish({
      messageId: randomUUID(),
      headers,
      routingKey: 'bench.event',
      body,
      contentType: 'application/json',
    });
  };
  const results: Record<string, PhaseResult> = {};
  try {
    for (const n of bareSizes) {
      const receivers = await bareConsumers(amqpUri, stack.originUuid, n);
      results[`bare ${n}`] = await runPhase(publish, receivers, { durationMs, window }).finally(() =>
        receivers.close(),
      );
    }
    for (const n of sizes) {
      const receivers = await websocketClients(stack.wsUrl, n);
      results[`websocketd ${n}`] = await runPhase(publish, receivers, { durationMs, window }).finally(() =>
        receivers.close(),
      );
    }
  } finally {
    await stack.close();
  }
  report(results, Date.now() - started);
}

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits);

function report(results: Record<string, PhaseResult>, elapsedMs: number): void {
  const base = results['bare 1'];
  console.log(`websocketd bench: window ${window}, ${durationMs} ms per phase, ${elapsedMs} ms in all`);
  console.log('receivers              events  deliveries/s  p50 ms  p99 ms  deliveries x  p50 x (vs bare 1)');
  for (const [label, r] of Object.entries(results)) {
    console.log(
      [
        label.padEnd(20),
        fmt(r.events).padStart(8),
        fmt(r.deliveriesPerSecond).padStart(13),
        fmt(r.p50, 2).padStart(7),
        fmt(r.p99, 2).padStart(7),
        fmt(base && r.deliveriesPerSecond / base.deliveriesPerSecond, 2).padStart(13),
        fmt(base && r.p50 / base.p50, 2).padStart(6),
      ].join(' '),
    );
  }
  console.log(JSON.stringify({ bench: 'websocketd', window, durationMs, elapsedMs, results }));
}

await main();
