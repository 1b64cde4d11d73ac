/**
 * The relay's LISTEN connection. It only lowers latency: polling still finds every row, so while
 * this connection is down (database restart) the relay degrades to its poll interval and this
 * side reconnects in the background.
 */
import type pg from 'pg';
import { type BusLogger, errorFields } from '../logger.js';
import { OUTBOX_CHANNEL } from './schema.js';

export interface NotificationListener {
  start(): Promise<void>;
  stop(): Promise<void>;
  listening(): boolean;
}

export interface ListenerOptions {
  pool: pg.Pool;
  onNotify: () => void;
  logger: BusLogger;
  retryMs: number;
}

export function createNotificationListener(options: ListenerOptions): NotificationListener {
  const { pool, onNotify, logger, retryMs } = options;
  let client: pg.PoolClient | undefined;
  let stopped = true;
  let retryTimer: NodeJS.Timeout | undefined;

  function drop(failed: pg.PoolClient, err: Error): void {
    if (client !== failed) return;
    logger.warn(errorFields(err), 'outbox LISTEN connection lost; polling until it is back');
    failed.removeAllListeners('notification');
    failed.release(err);
    client = undefined;
    scheduleRetry();
  }

  function scheduleRetry(): void {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, retryMs);
  }

  async function connect(): Promise<void> {
    let next: pg.PoolClient | undefined;
    try {
      const fresh = await pool.connect();
      next = fresh;
      fresh.on('error', (err) => drop(fresh, err));
      next.on('notification', onNotify);
      client = next;
      await next.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (stopped) return void (await release());
      // Rows committed while nobody listened get no NOTIFY: look once now.
      onNotify();
    } catch (err) {
      if (next && client === next) drop(next, err as Error);
      else scheduleRetry();
    }
  }

  async function release(): Promise<void> {
    const current = client;
    client = undefined;
    if (!current) return;
    current.removeAllListeners('notification');
    const ok = await current.query(`UNLISTEN ${OUTBOX_CHANNEL}`).then(
      () => true,
      () => false,
    );
    // The pool's own idle handler takes over errors from here; a failed client is destroyed.
    current.removeAllListeners('error');
    current.release(!ok);
  }

  return {
    async start() {
      stopped = false;
      await connect();
    },
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      retryTimer = undefined;
      await release();
    },
    listening: () => client !== undefined,
  };
}
