/**
 * A closed-loop load generator with latencies: `concurrency` loops call `op` back to back. Each
 * call's index is unique across the run, so a create gets fresh values every time.
 *
 * `compare` measures two sides in alternating slices (ours, bare, ours, bare...) rather than one
 * block each: on a shared machine the background load drifts within seconds, and interleaving
 * lets both sides see the same drift, which steadies their ratio.
 */
import { percentile } from '../bus/measure.js';

export interface PhaseOptions {
  concurrency: number;
  /** Measured time per side. */
  durationMs: number;
  warmupMs?: number;
  /** Length of one slice of one side; 500 ms by default. */
  sliceMs?: number;
}

export interface Measured {
  /** Completed calls per second. */
  rate: number;
  /** Milliseconds from a call's start to its answer. */
  p50: number;
  p99: number;
}

type Op = (i: number) => Promise<unknown>;

interface Tally {
  latencies: number[];
  elapsedMs: number;
}

export interface Load {
  compare(ours: Op, bare: Op, options: PhaseOptions): Promise<{ ours: Measured; bare: Measured }>;
}

export function createLoad(): Load {
  let next = 0;
  const slice = async (op: Op, concurrency: number, ms: number, tally: Tally) => {
    const start = performance.now();
    const deadline = start + ms;
    const loop = async () => {
      while (performance.now() < deadline) {
        const at = performance.now();
        await op(next++);
        tally.latencies.push(performance.now() - at);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, loop));
    tally.elapsedMs += performance.now() - start;
  };
  const summary = (tally: Tally): Measured => ({
    rate: tally.latencies.length / (tally.elapsedMs / 1000),
    p50: percentile(tally.latencies, 50),
    p99: percentile(tally.latencies, 99),
  });
  return {
    async compare(ours, bare, options) {
      const { concurrency } = options;
      const warmupMs = options.warmupMs ?? 300;
      await slice(ours, concurrency, warmupMs, { latencies: [], elapsedMs: 0 });
      await slice(bare, concurrency, warmupMs, { latencies: [], elapsedMs: 0 });
      const sliceMs = Math.min(options.sliceMs ?? 500, options.durationMs);
      const slices = Math.max(1, Math.round(options.durationMs / sliceMs));
      const tallies = { ours: { latencies: [], elapsedMs: 0 }, bare: { latencies: [], elapsedMs: 0 } };
      for (let i = 0; i < slices; i += 1) {
        await slice(ours, concurrency, sliceMs, tallies.ours);
        await slice(bare, concurrency, sliceMs, tallies.bare);
      }
      return { ours: summary(tallies.ours), bare: summary(tallies.bare) };
    },
  };
}
