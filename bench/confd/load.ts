/**
 * A closed-loop load generator with latencies: `concurrency` loops call `op` back to back for
 * `durationMs` after a short warm-up. Each call's index is unique across warm-up and measure, so
 * a create gets fresh values every time.
 */
import { percentile } from '../bus/measure.js';

export interface PhaseOptions {
  concurrency: number;
  durationMs: number;
  warmupMs?: number;
}

export interface Measured {
  /** Completed calls per second. */
  rate: number;
  /** Milliseconds from a call's start to its answer. */
  p50: number;
  p99: number;
}

export interface Load {
  measure(op: (i: number) => Promise<unknown>, options: PhaseOptions): Promise<Measured>;
}

export function createLoad(): Load {
  let next = 0;
  const run = async (op: (i: number) => Promise<unknown>, concurrency: number, ms: number) => {
    const latencies: number[] = [];
    const start = performance.now();
    const deadline = start + ms;
    const loop = async () => {
      while (performance.now() < deadline) {
        const at = performance.now();
        await op(next++);
        latencies.push(performance.now() - at);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, loop));
    return {
      rate: latencies.length / ((performance.now() - start) / 1000),
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    };
  };
  return {
    async measure(op, options) {
      await run(op, options.concurrency, options.warmupMs ?? 300);
      return run(op, options.concurrency, options.durationMs);
    },
  };
}
