/** Bounded retries with exponential backoff, for handlers that fail on a transient cause. */
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

export interface RetryOutcome {
  ok: boolean;
  attempts: number;
  error?: unknown;
}

/** Runs `task` until it resolves or the policy is spent; `onFailure` sees each failed try. */
export async function withRetry(
  policy: RetryPolicy,
  task: () => Promise<void>,
  onFailure: (err: unknown, attempt: number) => void,
): Promise<RetryOutcome> {
  let error: unknown;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    try {
      await task();
      return { ok: true, attempts: attempt };
    } catch (err) {
      error = err;
      onFailure(err, attempt);
      if (attempt < policy.attempts) await new Promise((r) => setTimeout(r, retryDelay(policy, attempt)));
    }
  }
  return { ok: false, attempts: policy.attempts, error };
}
