/** One relay step: read the fence, claim the oldest unsent rows below it, publish them, mark the confirmed ones sent. */
import type pg from 'pg';
import type { WireMessage } from '../transport.js';
import { publishInOrder } from './publish.js';
import { claimUnsent, markSent, readFence } from './rows.js';

export interface BatchSettings {
  batchSize: number;
  maxInFlight: number;
  publishTimeout: number;
}

export interface BatchResult {
  /** Rows claimed by this step. */
  claimed: number;
  /** Rows published, confirmed and marked sent. */
  published: number;
  /** Why publishing stopped early; the unconfirmed rows stay unsent for the next step. */
  error?: unknown;
}

/**
 * The row locks are held while publishing, so the transaction lasts as long as the confirms take
 * (bounded by `publishTimeout`). The confirmed prefix is committed even when the batch stopped
 * early, so a broker failure republishes only what it may really have lost. Should the COMMIT
 * itself fail after the broker confirmed, those rows are published again: delivery is at least
 * once, and consumers drop the duplicates by message id.
 */
export async function relayBatch(
  pool: pg.Pool,
  publish: (message: WireMessage) => Promise<void>,
  settings: BatchSettings,
): Promise<BatchResult> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    // Before the batch's transaction, so writers wait on the fence's lock for one statement only.
    const fence = await readFence(client);
    // Losing a "sent" mark in a crash only republishes rows (consumers drop duplicates), so this
    // commit need not wait for the WAL flush: that wait would cap the relay at one batch per fsync.
    await client.query('BEGIN');
    await client.query('SET LOCAL synchronous_commit TO off');
    const rows = await claimUnsent(client, settings.batchSize, fence);
    const outcome = await publishInOrder(
      publish,
      rows.map((r) => r.message),
      settings.maxInFlight,
      settings.publishTimeout,
    );
    await markSent(
      client,
      rows.slice(0, outcome.confirmed).map((r) => r.id),
    );
    await client.query('COMMIT');
    const result: BatchResult = { claimed: rows.length, published: outcome.confirmed };
    if (outcome.error !== undefined) result.error = outcome.error;
    return result;
  } catch (err) {
    // Only a connection that cannot even roll back is discarded.
    const rolledBack = await client.query('ROLLBACK').then(
      () => true,
      () => false,
    );
    if (!rolledBack) failure = err as Error;
    throw err;
  } finally {
    client.release(failure);
  }
}
