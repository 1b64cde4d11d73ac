/** Publishing one relay batch: in order, with a bounded window of unconfirmed messages. */
import type { WireMessage } from '../transport.js';

export interface BatchOutcome {
  /** Length of the prefix of the batch the broker confirmed. */
  confirmed: number;
  /** The first failure, when the batch stopped early. */
  error?: unknown;
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no publisher confirm within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function invoke(publish: (message: WireMessage) => Promise<void>, message: WireMessage): Promise<void> {
  try {
    return publish(message);
  } catch (err) {
    return Promise.reject(err);
  }
}

/**
 * Publishes `messages` in order, keeping at most `window` unconfirmed. After the first failure it
 * sends nothing more, so what reached the broker is a prefix of the batch followed by nothing: the
 * unconfirmed tail is published again later, and consumers that drop duplicates by message id see
 * every event once and in order. (This holds when the transport does not reorder its own retries;
 * a window of 1 holds even then, at the cost of one confirm round trip per event.)
 */
export async function publishInOrder(
  publish: (message: WireMessage) => Promise<void>,
  messages: readonly WireMessage[],
  window: number,
  timeoutMs: number,
): Promise<BatchOutcome> {
  const outcomes: Promise<boolean>[] = [];
  let error: unknown;
  for (const [i, message] of messages.entries()) {
    const oldest = outcomes[i - window];
    if (oldest && !(await oldest)) break;
    if (error !== undefined) break;
    outcomes.push(
      withTimeout(invoke(publish, message), timeoutMs).then(
        () => true,
        (err: unknown) => {
          error ??= err;
          return false;
        },
      ),
    );
  }
  const ok = await Promise.all(outcomes);
  const firstFailure = ok.indexOf(false);
  const confirmed = firstFailure === -1 ? ok.length : firstFailure;
  return error === undefined ? { confirmed } : { confirmed, error };
}
