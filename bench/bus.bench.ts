/**
 * The bus's hot paths against baselines measured in the same run, so the ratios hold on a noisy
 * machine:
 * - our publisher/consumer through RabbitMQ vs a bare rabbitmq-client publish/consume loop;
 * - a transaction that records its event in the outbox (relay publishes it, our consumer gets it)
 *   vs a bare INSERT transaction (commit rate) and vs the bare loop (end-to-end latency).
 * Every phase runs the same number of concurrent senders for the same time.
 *
 *   node --import tsx bench/bus.bench.ts        (BENCH_PHASE_MS=3000 by default)
 */
import { bareAmqp, ourBus, ourPath, type Path } from './bus/amqp.js';
import { createArrivals, type PhaseResult, runPhase } from './bus/measure.js';
import { bareInsert, benchDatabase, outboxPath } from './bus/outbox.js';

const durationMs = Number(process.env.BENCH_PHASE_MS ?? 3000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const drainMs = 15_000;

async function measure(
  open: (arrivals: ReturnType<typeof createArrivals>) => Promise<Path>,
  consumed = true,
) {
  const arrivals = createArrivals();
  const path = await open(arrivals);
  try {
    // A short warm-up (drained before measuring) so connection setup and JIT do not count.
    const phase = { concurrency, drainMs, ...(consumed ? { arrivals } : {}) };
    await runPhase(path.send, { ...phase, durationMs: 300 });
    arrivals.reset();
    return await runPhase(path.send, { ...phase, durationMs });
  } finally {
    await path.close();
  }
}

const fmt = (n: number | null, digits = 0) => (n === null ? '-' : n.toFixed(digits));
const ratio = (a: number | null, b: number | null) => (a === null || b === null ? null : a / b);

async function main(): Promise<void> {
  const started = Date.now();
  const db = await benchDatabase();
  const results: Record<string, PhaseResult> = {};
  try {
    results.bareAmqp = await measure(bareAmqp);
    results.ourBus = await measure(async (arrivals) => ourPath(await ourBus(arrivals)));
    results.bareInsert = await measure(async () => bareInsert(db), false);
    for (const window of [1, 16]) {
      results[`outbox${window}`] = await measure(async (arrivals) => {
        const bus = await ourBus(arrivals);
        const path = await outboxPath(db, bus, window);
        return {
          send: path.send,
          async close() {
            await path.close();
            await bus.close();
          },
        };
      });
    }
  } finally {
    await db.drop();
  }
  report(results, Date.now() - started);
}

function report(r: Record<string, PhaseResult>, elapsedMs: number): void {
  const base = r.bareAmqp!;
  const rows = [
    ['bare rabbitmq-client', r.bareAmqp!, base, 'send'],
    ['our publisher/consumer', r.ourBus!, base, 'send'],
    ['bare INSERT transaction', r.bareInsert!, r.bareInsert!, 'send'],
    ['outbox, window 1 (strict order)', r.outbox1!, r.bareInsert!, 'send'],
    ['outbox, window 16', r.outbox16!, r.bareInsert!, 'send'],
  ] as const;
  console.log(`bus bench: ${concurrency} senders, ${durationMs} ms per phase, ${elapsedMs} ms in all`);
  console.log(
    'path                             send/s  consume/s  p50 ms  p99 ms  send x  consume x  p50 x (vs bare amqp)',
  );
  for (const [label, p, sendBase] of rows) {
    console.log(
      [
        label.padEnd(32),
        fmt(p.sendRate).padStart(7),
        fmt(p.consumeRate).padStart(10),
        fmt(p.p50, 2).padStart(7),
        fmt(p.p99, 2).padStart(7),
        fmt(ratio(p.sendRate, sendBase.sendRate), 2).padStart(7),
        fmt(ratio(p.consumeRate, base.consumeRate), 2).padStart(10),
        fmt(p.consumeRate === null ? null : ratio(p.p50, base.p50), 2).padStart(7),
      ].join(' '),
    );
  }
  console.log(JSON.stringify({ bench: 'bus', concurrency, durationMs, elapsedMs, results: r }));
}

await main();
