/** Measuring one bench phase: concurrent senders for a fixed time, arrivals timed at the consumer. */

export interface Arrivals {
  /** Called by a consumer with the `performance.now()` stamp the sender put in the message. */
  hit(sentAt: number): void;
  count(): number;
  /** Forgets what arrived so far (after a warm-up). */
  reset(): void;
  latencies: number[];
  lastAt: number;
}

export function createArrivals(): Arrivals {
  const arrivals: Arrivals = {
    latencies: [],
    lastAt: 0,
    hit(sentAt) {
      arrivals.lastAt = performance.now();
      arrivals.latencies.push(arrivals.lastAt - sentAt);
    },
    count: () => arrivals.latencies.length,
    reset() {
      arrivals.latencies = [];
      arrivals.lastAt = 0;
    },
  };
  return arrivals;
}

export interface PhaseResult {
  /** Sends completed per second (publishes confirmed, or transactions committed). */
  sendRate: number;
  /** Messages consumed per second, first send to last arrival; null when nothing is consumed. */
  consumeRate: number | null;
  /** Milliseconds from the send's start to its arrival (or to its completion without consumer). */
  p50: number;
  p99: number;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `concurrency` loops calling `send(stamp)` for `durationMs`, then waits (up to `drainMs`)
 * for `arrivals` to catch up with the sends. Without arrivals, latency is the send's own duration.
 */
export async function runPhase(
  send: (stamp: number) => Promise<void>,
  options: { concurrency: number; durationMs: number; drainMs: number; arrivals?: Arrivals },
): Promise<PhaseResult> {
  const sendLatencies: number[] = [];
  const start = performance.now();
  const end = start + options.durationMs;
  const loop = async (): Promise<void> => {
    while (performance.now() < end) {
      const stamp = performance.now();
      await send(stamp);
      sendLatencies.push(performance.now() - stamp);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, loop));
  const sent = sendLatencies.length;
  const sendRate = sent / ((performance.now() - start) / 1000);
  const { arrivals } = options;
  if (!arrivals) {
    return {
      sendRate,
      consumeRate: null,
      p50: percentile(sendLatencies, 50),
      p99: percentile(sendLatencies, 99),
    };
  }
  const drainEnd = performance.now() + options.drainMs;
  while (arrivals.count() < sent && performance.now() < drainEnd) await sleep(5);
  if (arrivals.count() < sent) throw new Error(`only ${arrivals.count()} of ${sent} messages arrived`);
  return {
    sendRate,
    consumeRate: arrivals.count() / ((arrivals.lastAt - start) / 1000),
    p50: percentile(arrivals.latencies, 50),
    p99: percentile(arrivals.latencies, 99),
  };
}
