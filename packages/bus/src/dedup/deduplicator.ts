/**
 * Makes a message handler idempotent: each message id is handled once per store, whatever the
 * number of deliveries. Duplicates are acknowledged without running the handler.
 */
import type { BusLogger } from '../logger.js';
import { silentLogger } from '../logger.js';
import type { Queryable } from '../outbox/queryable.js';
import type { DeliveredMessage, MessageHandler } from '../transport.js';
import type { ProcessedEventStore } from './store.js';

/**
 * A handler behind a deduplicator. `tx` is the consumer's transaction when the store is the
 * PostgreSQL one: writes made through it commit together with the message's id.
 */
export type IdempotentHandler = (message: DeliveredMessage, tx: Queryable | undefined) => Promise<void>;

export interface DeduplicatorOptions {
  store: ProcessedEventStore;
  logger?: BusLogger;
}

export interface DeduplicatorStats {
  handled: number;
  duplicates: number;
}

export interface Deduplicator {
  wrap(handler: IdempotentHandler): MessageHandler;
  stats(): DeduplicatorStats;
}

export function createDeduplicator(options: DeduplicatorOptions): Deduplicator {
  const { store } = options;
  const logger = options.logger ?? silentLogger;
  const stats: DeduplicatorStats = { handled: 0, duplicates: 0 };
  return {
    wrap(handler) {
      return async (message) => {
        const ran = await store.runOnce(message.messageId, (tx) => handler(message, tx));
        if (ran) {
          stats.handled += 1;
          return;
        }
        stats.duplicates += 1;
        logger.debug({ messageId: message.messageId }, 'duplicate bus message dropped');
      };
    },
    stats: () => ({ ...stats }),
  };
}
