/**
 * Bounded retries with exponential backoff, for handlers that fail on a transient cause.
 *
 * Whether a failure is worth another try is the error's to say: an error carrying a boolean
 * `retryable` (every WazoError does, and keeps it across serialization) is retried only when it is
 * true, so invalid data or a missing resource goes to the dead-letter queue at once instead of
 * failing the same way three times. An error without the flag (a driver's, a bug's) is retried: the
 * consumer cannot tell a lost connection from a fault, and a wasted retry costs less than parking
 * a message that would have gone through a moment later.
 */
import { setTimeout as delay } from 'node:timers/promises';

export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 3, initialDelayMs: 100, maxDelayMs: 2000 };

export function retryDelay(policy: RetryPolicy, failedAttempt: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (failedAttempt - 1));
}

/** False only for an error that says so (`retryable: false`); unknown failures are retried. */
export function isRetryable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('retryable' in error)) return true;
  return typeof error.retryable === 'boolean' ? error.retryable : true;
}

export interface RetryOutcome {
  ok: boolean;
  attempts: number;
  error?: unknown;
}

/** Waits between tries; injected so tests run the backoff without waiting. */
export type Sleep = (ms: number) => Promise<void>;

const realSleep: Sleep = (ms) => delay(ms);

/**
 * Runs `task` until it resolves, fails with a non-retryable error, or the policy is spent;
 * `onFailure` sees each failed try.
 */
export async function withRetry(
  policy: RetryPolicy,
  task: () => Promise<void>,
  onFailure: (err: unknown, attempt: number) => void,
  sleep: Sleep = realSleep,
): Promise<RetryOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      await task();
      return { ok: true, attempts: attempt };
    } catch (error) {
      onFailure(error, attempt);
      if (attempt >= policy.attempts || !isRetryable(error)) return { ok: false, attempts: attempt, error };
      await sleep(retryDelay(policy, attempt));
    }
  }
}
