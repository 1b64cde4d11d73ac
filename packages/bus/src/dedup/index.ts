export {
  createDeduplicator,
  type Deduplicator,
  type DeduplicatorOptions,
  type DeduplicatorStats,
  type IdempotentHandler,
} from './deduplicator.js';
export { createMemoryProcessedEventStore, type MemoryStoreOptions } from './memory-store.js';
export {
  createPgProcessedEventStore,
  markProcessed,
  migrateProcessedEvents,
  type PgProcessedEventStore,
  type PgStoreOptions,
  processedEventsMigrations,
} from './pg-store.js';
export type { DedupWork, ProcessedEventStore } from './store.js';
