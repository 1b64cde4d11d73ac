/**
 * Subscription changes told in process once committed, as Wazo's service publishes them on its
 * pubsub: the delivery engine rebinds a subscription's events without waiting for the bus.
 * A listener's failure is its own: it never undoes nor fails the change.
 */

import type { Subscription } from './model.js';
import type { SubscriptionChange } from './notifier.js';

export type SubscriptionChangeListener = (change: SubscriptionChange, subscription: Subscription) => void;

export interface SubscriptionChanges {
  /** Calls `listener` after each committed create, update or delete; returns an unsubscribe. */
  on(listener: SubscriptionChangeListener): () => void;
  emit(change: SubscriptionChange, subscription: Subscription): void;
}

export function createSubscriptionChanges(onError: (error: unknown) => void): SubscriptionChanges {
  const listeners = new Set<SubscriptionChangeListener>();
  return {
    on(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit(change, subscription) {
      for (const listener of listeners) {
        try {
          listener(change, subscription);
        } catch (error) {
          onError(error);
        }
      }
    },
  };
}
