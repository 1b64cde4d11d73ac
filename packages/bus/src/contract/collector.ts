/** Test helper: records delivered messages and waits for a number of them. */
import type { DeliveredMessage, MessageHandler } from '../transport.js';

export interface Collector {
  readonly messages: DeliveredMessage[];
  handler: MessageHandler;
  /** Resolves once `count` messages arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<DeliveredMessage[]>;
}

export function collector(behaviour?: (message: DeliveredMessage) => Promise<void> | void): Collector {
  const messages: DeliveredMessage[] = [];
  const waiters = new Set<() => void>();
  return {
    messages,
    async handler(message) {
      await behaviour?.(message);
      messages.push(message);
      for (const wake of waiters) wake();
    },
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (messages.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(messages);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} messages, got ${messages.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

/** Polls `check` until it holds; rejects after `timeoutMs`. */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
