/**
 * One bench phase as a closed loop: a publisher keeps `window` events in flight, an event being
 * done once every receiver got it, for a fixed time. Throughput is deliveries (event x receiver)
 * per second; latency runs from the publish call to each receiver's arrival, both stamped with
 * this process's `performance.now()`, which the event carries.
 */

export interface Receivers {
  count: number;
  /** Called by the phase: `onArrival(seq, stamp)` must be called once per receiver per event. */
  listen(onArrival: (seq: number, stamp: number) => void): void;
  close(): Promise<void>;
}

export interface PhaseResult {
  receivers: number;
  events: number;
  deliveriesPerSecond: number;
  p50: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export async function runPhase(
  publish: (seq: number, stamp: number) => Promise<void>,
  receivers: Receivers,
  options: { durationMs: number; window: number },
): Promise<PhaseResult> {
  const pending = new Map<number, number>();
  const latencies: number[] = [];
  let seq = 0;
  let done = 0;
  let wake: (() => void) | undefined;
  let failure: unknown;
  const measuring = { on: false };
  receivers.listen((id, stamp) => {
    if (measuring.on) latencies.push(performance.now() - stamp);
    const left = (pending.get(id) ?? receivers.count) - 1;
    if (left > 0) return void pending.set(id, left);
    pending.delete(id);
    done += 1;
    wake?.();
  });
  const loop = async (until: number) => {
    while (performance.now() < until) {
      while (pending.size >= options.window) await new Promise<void>((resolve) => (wake = resolve));
      const id = seq++;
      pending.set(id, receivers.count);
      // Not awaited: the window, not the broker's confirm round trip, paces the publisher.
      publish(id, performance.now()).catch((err: unknown) => {
        failure ??= err;
      });
      if (failure) throw failure;
    }
    while (pending.size > 0) await new Promise<void>((resolve) => (wake = resolve));
  };
  await loop(performance.now() + Math.min(500, options.durationMs / 4)); // warm-up
  const firstDone = done;
  measuring.on = true;
  const start = performance.now();
  await loop(start + options.durationMs);
  const elapsed = (performance.now() - start) / 1000;
  const events = done - firstDone;
  latencies.sort((a, b) => a - b);
  return {
    receivers: receivers.count,
    events,
    deliveriesPerSecond: (events * receivers.count) / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}
