import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidDataError, NotFoundError, UnavailableError, WazoError } from '@wazo-ts/errors';
import { isRetryable, type RetryPolicy, withRetry } from './retry.js';

const policy: RetryPolicy = { attempts: 4, initialDelayMs: 100, maxDelayMs: 250 };

/** Runs withRetry on a task failing with `errors` in turn, recording tries and waits, never waiting. */
async function run(errors: unknown[]) {
  const waits: number[] = [];
  const failures: number[] = [];
  let calls = 0;
  const outcome = await withRetry(
    policy,
    async () => {
      const error = errors[calls++];
      if (error !== undefined) throw error;
    },
    (_err, attempt) => void failures.push(attempt),
    async (ms) => void waits.push(ms),
  );
  return { outcome, waits, failures, calls };
}

describe('withRetry', () => {
  it('when a retryable error clears, then the task is tried again after a doubling, capped wait', async () => {
    const transient = new UnavailableError('database gone');
    const { outcome, waits, failures } = await run([transient, transient, transient]);
    assert.deepEqual(outcome, { ok: true, attempts: 4 });
    assert.deepEqual(waits, [100, 200, 250]);
    assert.deepEqual(failures, [1, 2, 3]);
  });

  it('when an error says it is not retryable, then it fails at once without waiting', async () => {
    const invalid = new InvalidDataError('bad payload');
    const { outcome, waits, calls } = await run([invalid, undefined]);
    assert.deepEqual(outcome, { ok: false, attempts: 1, error: invalid });
    assert.deepEqual(waits, []);
    assert.equal(calls, 1);
  });

  it('when a retryable error is followed by a non-retryable one, then it stops at the second', async () => {
    const missing = new NotFoundError('no such user');
    const { outcome, waits } = await run([new UnavailableError(), missing, undefined]);
    assert.deepEqual(outcome, { ok: false, attempts: 2, error: missing });
    assert.deepEqual(waits, [100]);
  });

  it('when the error is unknown (no retryable flag), then it is retried until the policy is spent', async () => {
    const fault = new Error('socket hang up');
    const { outcome, waits } = await run([fault, fault, fault, fault, undefined]);
    assert.deepEqual(outcome, { ok: false, attempts: 4, error: fault });
    assert.deepEqual(waits, [100, 200, 250]);
  });
});

describe('isRetryable', () => {
  it('when the error carries a boolean flag, then the flag decides; otherwise it is retryable', () => {
    assert.equal(isRetryable(new WazoError('conflict', 'taken')), false);
    assert.equal(isRetryable(new WazoError('conflict', 'locked', { retryable: true })), true);
    assert.equal(isRetryable(new UnavailableError()), true);
    // A WazoError rebuilt from JSON by another copy of the package is still an object with the flag.
    assert.equal(isRetryable({ code: 'invalid-data', retryable: false }), false);
    assert.equal(isRetryable(new Error('ECONNRESET')), true);
    assert.equal(isRetryable({ retryable: 'no' }), true);
    assert.equal(isRetryable('a string'), true);
    assert.equal(isRetryable(undefined), true);
  });
});
