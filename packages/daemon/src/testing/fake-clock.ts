/**
 * A clock that moves only when a test says so. It is at once the kit's `Clock` (now), the
 * auth `Scheduler` (setTimeout/clearTimeout) and the discovery clock (sleep with an abort signal),
 * so any code that takes one of them runs on it. A test waits for the code to reach its next
 * timer (`waitForTimers`), reads the delay it asked for, and `advance`s past it: no wall-clock
 * sleep, no bound on elapsed real time, and the intervals themselves become assertions.
 */

export interface FakeClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Resolves after `ms` of fake time, or at once (without throwing) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Moves time forward by `ms`, running every timer that falls due, earliest first. */
  advance(ms: number): void;
  /** Milliseconds left on each pending timer, earliest first. */
  pendingTimers(): number[];
  /** Resolves once at least `count` timers are pending, with `pendingTimers()`. */
  waitForTimers(count?: number): Promise<number[]>;
}

interface Timer {
  at: number;
  seq: number;
  callback: () => void;
}

/** Starts at `start` (epoch ms; a fixed instant by default, so logs and reports are stable). */
export function createFakeClock(start = Date.UTC(2026, 0, 1)): FakeClock {
  let now = start;
  let seq = 0;
  let timers: Timer[] = [];
  let waiters: { count: number; resolve: (pending: number[]) => void }[] = [];

  const pendingTimers = () => timers.map((t) => t.at - now);

  function wakeWaiters() {
    const ready = waiters.filter((w) => timers.length >= w.count);
    waiters = waiters.filter((w) => !ready.includes(w));
    for (const waiter of ready) waiter.resolve(pendingTimers());
  }

  function setTimer(callback: () => void, ms: number): Timer {
    const timer = { at: now + Math.max(0, ms), seq: seq++, callback };
    timers = [...timers, timer].sort((a, b) => a.at - b.at || a.seq - b.seq);
    wakeWaiters();
    return timer;
  }

  function clearTimer(handle: unknown) {
    timers = timers.filter((t) => t !== handle);
  }

  return {
    now: () => now,
    setTimeout: setTimer,
    clearTimeout: clearTimer,
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimer(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, ms);
        const onAbort = () => {
          clearTimer(timer);
          resolve();
        };
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    advance(ms) {
      const target = now + ms;
      for (let due = timers[0]; due && due.at <= target; due = timers[0]) {
        timers = timers.slice(1);
        now = due.at;
        due.callback();
      }
      now = target;
    },
    pendingTimers,
    waitForTimers(count = 1) {
      return new Promise((resolve) => {
        waiters.push({ count, resolve });
        wakeWaiters();
      });
    },
  };
}
