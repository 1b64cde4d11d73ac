/**
 * Subscription logs older than the retention (Wazo: 30 days, by wazo-purge-db) are deleted, at
 * start and then every hour.
 */
import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { WebhookdDatabase } from '../db/schema.js';

export async function purgeLogs(db: Kysely<WebhookdDatabase>, days: number): Promise<number> {
  const result = await db
    .deleteFrom('webhookd_subscription_log')
    .where('started_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface LogPurger {
  start(): void;
  stop(): void;
}

export function createLogPurger(options: {
  db: Kysely<WebhookdDatabase>;
  days: number;
  logger: Logger;
  everyMs?: number;
}): LogPurger {
  let timer: NodeJS.Timeout | undefined;
  const run = () =>
    purgeLogs(options.db, options.days).then(
      (count) =>
        count > 0 && options.logger.info({ count, days: options.days }, 'old subscription logs purged'),
      (err: unknown) => options.logger.warn({ err }, 'subscription log purge failed'),
    );
  return {
    start() {
      void run();
      timer = setInterval(() => void run(), options.everyMs ?? 3_600_000);
      timer.unref();
    },
    stop: () => clearInterval(timer),
  };
}
