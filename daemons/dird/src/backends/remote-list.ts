/**
 * Entries read from another service and kept until told they changed (the wazo backend's
 * users, the conference backend's conferences): one read shared by concurrent lookups, dropped
 * by `invalidate` (a confd event), and a read started before an invalidation never kept as fresh.
 */
import type { IndexedEntry } from './matching.js';

export interface RemoteList {
  entries(key: string, read: () => Promise<IndexedEntry[]>): Promise<IndexedEntry[]>;
  /** Forgets every list (the next lookup reads again). */
  invalidate(): void;
  readonly size: number;
}

export function createRemoteList(): RemoteList {
  const lists = new Map<string, { generation: number; entries: Promise<IndexedEntry[]> }>();
  let generation = 0;
  return {
    entries(key, read) {
      const known = lists.get(key);
      if (known && known.generation === generation) return known.entries;
      const started = generation;
      const entries = read();
      lists.set(key, { generation: started, entries });
      entries.catch(() => {
        if (lists.get(key)?.entries === entries) lists.delete(key);
      });
      return entries;
    },
    invalidate() {
      generation += 1;
    },
    get size() {
      return lists.size;
    },
  };
}
