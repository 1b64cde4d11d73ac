/**
 * A bounded in-memory store: enough for effects that are not in a database (a websocket push, a
 * cache refresh), where a duplicate costs little and duplicates arrive close together (a
 * redelivery after a reconnect). Lost on restart, by design.
 */
import type { DedupWork, ProcessedEventStore } from './store.js';

export interface MemoryStoreOptions {
  /** Ids kept at most; the oldest go first. 10 000 by default. */
  maxEntries?: number;
  /** Milliseconds an id is remembered; one hour by default. */
  ttl?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export function createMemoryProcessedEventStore(options: MemoryStoreOptions = {}): ProcessedEventStore {
  const maxEntries = options.maxEntries ?? 10_000;
  const ttl = options.ttl ?? 3_600_000;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order, so its first key is always the oldest id.
  const processed = new Map<string, number>();
  // A duplicate that arrives while the first copy is still running waits for its outcome.
  const running = new Map<string, Promise<void>>();

  function evict(): void {
    const expired = now() - ttl;
    for (const [id, at] of processed) {
      if (at > expired && processed.size <= maxEntries) break;
      processed.delete(id);
    }
  }

  async function runOnce(messageId: string, work: DedupWork): Promise<boolean> {
    evict();
    if (processed.has(messageId)) return false;
    const inProgress = running.get(messageId);
    if (inProgress) {
      await inProgress.catch(() => {});
      return runOnce(messageId, work);
    }
    const attempt = work(undefined).then(() => {
      processed.set(messageId, now());
    });
    running.set(messageId, attempt);
    try {
      await attempt;
      return true;
    } finally {
      running.delete(messageId);
    }
  }

  return { runOnce };
}
