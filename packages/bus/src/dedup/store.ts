import type { Queryable } from '../outbox/queryable.js';

/** Work done for one message; `tx` is the consumer's transaction when the store has one. */
export type DedupWork = (tx: Queryable | undefined) => Promise<void>;

/**
 * Remembers which messages a consumer processed. Delivery is at least once (the relay republishes
 * what it could not confirm, the broker redelivers what was not acked), so a consumer whose effect
 * must happen once runs it through a store keyed by message id.
 */
export interface ProcessedEventStore {
  /**
   * Runs `work` unless `messageId` was processed before, and records the id if and only if `work`
   * succeeds (a failed attempt must be retried on redelivery). Resolves true when `work` ran,
   * false when the message was a duplicate; rejects with `work`'s error.
   */
  runOnce(messageId: string, work: DedupWork): Promise<boolean>;
}
