/**
 * The outbox relay: publishes committed outbox rows in id order, up to the fence below which every
 * id is final (see record.ts), with publisher confirms, and marks them sent.
 *
 * Several relays (one per daemon process) may run on one database. They coordinate through the
 * row locks of `SELECT ... ORDER BY id ... FOR UPDATE`, not through an elected leader: the relay
 * holding the oldest unsent rows makes every other relay wait on the first of them, and once it
 * commits, the others find those rows sent and skip them. So no event is published twice by two
 * relays and none overtakes an older one, with no leadership state to hand over: a relay that dies
 * loses its locks with its session and the next one carries on. An advisory-lock leader would free
 * the standby's pool connection, but it keeps the lock through a stalled-but-alive session and
 * needs its own take-over logic; the waiting connection is the cheaper price.
 *
 * Wake-ups: LISTEN/NOTIFY for latency, a poll every `pollInterval` in case a notification was
 * missed, and the transport coming back. While the broker is down the rows stay in the table and
 * the relay retries with exponential backoff; after a process restart it starts from the table.
 */
import { UnavailableError } from '@wazo-ts/errors';
import type pg from 'pg';
import { type BusLogger, errorFields, silentLogger } from '../logger.js';
import type { BusTransport } from '../transport.js';
import { type BatchSettings, relayBatch } from './batch.js';
import { createNotificationListener } from './listener.js';
import { countUnsent, purgeSent } from './rows.js';
import { createWakeup } from './wakeup.js';

export interface OutboxRelayOptions {
  pool: pg.Pool;
  transport: Pick<BusTransport, 'publish' | 'state' | 'onStateChange'>;
  logger?: BusLogger;
  /** Rows claimed per transaction; 100 by default. */
  batchSize?: number;
  /** Milliseconds between polls when no NOTIFY comes; 1000 by default. */
  pollInterval?: number;
  /** Unconfirmed publishes in flight within a batch; 1 by default (see publish.ts: order vs throughput). */
  maxInFlight?: number;
  /** Milliseconds to wait for a confirm before the batch is retried; 10 000 by default. */
  publishTimeout?: number;
  /** Backoff bounds in milliseconds after a failure; 100 and 10 000 by default. */
  retryMin?: number;
  retryMax?: number;
  /** Sent rows are deleted this many milliseconds after they were sent; one day by default. */
  retention?: number;
  /** Milliseconds between purges; ten minutes by default. */
  purgeInterval?: number;
}

export interface OutboxRelayStatus {
  running: boolean;
  /** True while the LISTEN connection is up (false means the relay is polling only). */
  listening: boolean;
  /** Committed events not yet published; null when the database could not be asked. */
  backlog: number | null;
  /** Events this relay published since it was created. */
  published: number;
  lastError: { message: string; at: Date } | null;
}

export interface OutboxRelay {
  start(): Promise<void>;
  /** Stops after the batch in progress, then releases the LISTEN connection. */
  stop(): Promise<void>;
  /** Publishes everything committed so far; rejects if the bus fails meanwhile. */
  flush(): Promise<void>;
  status(): Promise<OutboxRelayStatus>;
}

export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { pool, transport } = options;
  const logger = options.logger ?? silentLogger;
  const settings: BatchSettings = {
    batchSize: options.batchSize ?? 100,
    maxInFlight: options.maxInFlight ?? 1,
    publishTimeout: options.publishTimeout ?? 10_000,
  };
  const pollInterval = options.pollInterval ?? 1000;
  const retryMin = options.retryMin ?? 100;
  const retryMax = options.retryMax ?? 10_000;
  const retention = options.retention ?? 86_400_000;
  const purgeInterval = options.purgeInterval ?? 600_000;

  const wakeup = createWakeup();
  let running = false;
  let backingOff = false;
  let loop: Promise<void> | undefined;
  let published = 0;
  let lastError: OutboxRelayStatus['lastError'] = null;
  let lastPurge = 0;
  let unsubscribe: (() => void) | undefined;
  // Batches of this relay run one at a time, whether from the loop or from flush().
  let queue: Promise<unknown> = Promise.resolve();
  const listener = createNotificationListener({
    pool,
    logger,
    retryMs: pollInterval,
    // During a backoff a stream of commits must not turn into a stream of retries.
    onNotify: () => {
      if (!backingOff) wakeup.wake();
    },
  });

  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => {});
    return next;
  }

  async function step(): Promise<number> {
    const result = await exclusive(() => relayBatch(pool, transport.publish.bind(transport), settings));
    published += result.published;
    if (result.published > 0) logger.debug({ count: result.published }, 'outbox events published');
    if (result.error !== undefined) {
      throw new UnavailableError('The bus did not confirm an outbox event', { cause: result.error });
    }
    return result.claimed;
  }

  async function purge(): Promise<void> {
    if (Date.now() - lastPurge < purgeInterval) return;
    lastPurge = Date.now();
    const count = await purgeSent(pool, retention);
    if (count > 0) logger.info({ count }, 'purged sent outbox events');
  }

  async function run(): Promise<void> {
    let failures = 0;
    while (running) {
      try {
        await purge();
        if (transport.state() !== 'connected') {
          await wakeup.sleep(pollInterval);
          continue;
        }
        const claimed = await step();
        failures = 0;
        if (claimed < settings.batchSize) await wakeup.sleep(pollInterval);
      } catch (err) {
        failures += 1;
        lastError = { message: (err as Error).message, at: new Date() };
        const delay = Math.min(retryMax, retryMin * 2 ** (failures - 1));
        logger.warn(
          { ...errorFields(err), failures, retryIn: delay },
          'outbox relay failed; events kept for retry',
        );
        backingOff = true;
        await wakeup.sleep(delay);
        backingOff = false;
      }
    }
  }

  return {
    async start() {
      if (running) return;
      running = true;
      unsubscribe = transport.onStateChange((state) => {
        if (state === 'connected') wakeup.wake();
      });
      await listener.start();
      loop = run();
    },
    async stop() {
      if (!running) return;
      running = false;
      unsubscribe?.();
      wakeup.wake();
      await loop;
      await listener.stop();
    },
    async flush() {
      while ((await step()) === settings.batchSize) {}
    },
    async status() {
      const backlog = await countUnsent(pool).catch(() => null);
      return { running, listening: listener.listening(), backlog, published, lastError };
    },
  };
}
