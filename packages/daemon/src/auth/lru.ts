/**
 * A bounded map that drops the least recently used entry first. A Map iterates in insertion
 * order, so re-inserting on each hit keeps the coldest key first.
 */
export interface Lru<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  delete(key: K): void;
  clear(): void;
  readonly size: number;
}

export function createLru<K, V>(maxEntries: number, onEvict?: (key: K, value: V) => void): Lru<K, V> {
  const entries = new Map<K, V>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > maxEntries) {
        const [oldKey, oldValue] = entries.entries().next().value as [K, V];
        entries.delete(oldKey);
        onEvict?.(oldKey, oldValue);
      }
    },
    delete(key) {
      entries.delete(key);
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
