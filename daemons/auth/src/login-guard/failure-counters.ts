/**
 * Failures per key in a fixed window that starts with the key's first failure, in a map that
 * keeps at most `maxEntries` keys (the oldest go first), so a flood of random logins or addresses
 * cannot grow memory.
 */
export interface Counter {
  failures: number;
  windowStart: number;
}

export interface FailureCounters {
  /** The key's counter if its window is still open. */
  current(key: string): Counter | undefined;
  bump(key: string): void;
  forget(key: string): void;
  /** Seconds until the counter's window ends, at least 1 (for Retry-After). */
  retryAfter(counter: Counter): number;
  size(): number;
}

export function createFailureCounters(
  windowMs: number,
  maxEntries: number,
  now: () => number,
): FailureCounters {
  const counters = new Map<string, Counter>();
  const current = (key: string): Counter | undefined => {
    const counter = counters.get(key);
    if (counter && now() - counter.windowStart >= windowMs) {
      counters.delete(key);
      return undefined;
    }
    return counter;
  };
  return {
    current,
    bump(key) {
      const counter = current(key);
      if (counter) {
        counter.failures += 1;
        return;
      }
      while (counters.size >= maxEntries) counters.delete(counters.keys().next().value as string);
      counters.set(key, { failures: 1, windowStart: now() });
    },
    forget: (key) => void counters.delete(key),
    retryAfter: (counter) => Math.max(1, Math.ceil((counter.windowStart + windowMs - now()) / 1000)),
    size: () => counters.size,
  };
}
