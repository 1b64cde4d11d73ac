/**
 * From the bus to the delivery table. One durable queue (events published while the daemon is
 * down wait in it), read one message at a time in order: the matched deliveries are committed,
 * then the message is acknowledged. A crash before the commit redelivers the message; after the
 * commit but before the ack, the redelivered message matches rows already there and adds nothing.
 * A database failure holds the queue (retried in place, keeping order) rather than skipping.
 */
import { createHash } from 'node:crypto';
import { type BusTransport, type DeliveredMessage, decodeMessage, type Subscription } from '@wazo-ts/bus';
import type { Logger } from 'pino';
import type { Bindings } from './bindings.js';
import type { DeliveryDao, IncomingEvent } from './delivery.dao.js';

export interface IntakeOptions {
  transport: BusTransport;
  dao: DeliveryDao;
  bindings: Bindings;
  masterTenant: string;
  services: string[];
  /** The durable queue's name (one per webhookd: deliveries are ordered by one reader). */
  queue: string;
  prefetch: number;
  logger: Logger;
  /** New deliveries for these subscriptions were committed. */
  onDeliveries(subscriptions: string[]): void;
  /** Wait between tries while the database refuses (default 1 s). */
  retryMs?: number;
}

export interface Intake {
  start(): Promise<void>;
  /** Re-reads the subscriptions and rebinds (after a subscription event, and periodically). */
  reconcile(): Promise<void>;
  stop(): Promise<void>;
  ready(): boolean;
}

export function toIncomingEvent(message: DeliveredMessage): IncomingEvent {
  const event = decodeMessage(message);
  const messageId = event.messageId || `sha256:${createHash('sha256').update(message.body).digest('hex')}`;
  return { name: event.name, messageId, headers: event.headers, body: event.body };
}

export function createIntake(options: IntakeOptions): Intake {
  const { logger, dao } = options;
  let subscription: Subscription | undefined;
  let stopped = false;

  async function handle(message: DeliveredMessage): Promise<void> {
    let event: IncomingEvent;
    try {
      event = toIncomingEvent(message);
    } catch (err) {
      logger.warn({ err, messageId: message.messageId }, 'unreadable bus message dropped');
      return;
    }
    for (let tries = 1; ; tries += 1) {
      try {
        const matched = await dao.intake(event, options.masterTenant, options.services);
        if (matched.length > 0) options.onDeliveries(matched);
        return;
      } catch (err) {
        // Rejecting would requeue the message behind later ones; holding keeps the order.
        if (stopped) throw err;
        logger.warn({ err, event: event.name, tries }, 'could not store deliveries; retrying');
        await new Promise((resolve) => setTimeout(resolve, options.retryMs ?? 1_000));
      }
    }
  }

  return {
    async start() {
      const wanted = await options.bindings.desired();
      subscription = await options.transport.consume(
        {
          queue: options.queue,
          durable: true,
          prefetch: options.prefetch,
          bindings: [...wanted.values()].map((headers) => ({ headers, match: 'all' as const })),
        },
        handle,
      );
      await options.bindings.reconcile(subscription);
      logger.info({ queue: options.queue, bindings: wanted.size }, 'delivery intake consuming');
    },
    async reconcile() {
      if (subscription && !stopped) await options.bindings.reconcile(subscription);
    },
    async stop() {
      stopped = true;
      await subscription?.close();
      subscription = undefined;
    },
    ready: () => subscription !== undefined && options.transport.state() === 'connected',
  };
}
