/**
 * Consuming events the way wazo-bus does (one queue per consumer, handlers keyed by event name:
 * every handler for a name gets every message of that name), with what wazo-bus lacks: a handler
 * failure is retried with backoff unless the error says it is not retryable, then the message is
 * parked on the dead-letter queue with the error. A message is acknowledged only once handled or parked; if parking fails it is redelivered.
 */
import { randomBytes } from 'node:crypto';
import { decodeMessage, type ReceivedEvent } from './envelope/envelope.js';
import type { EventDefinition } from './events/define.js';
import { type BusLogger, errorFields, silentLogger } from './logger.js';
import { sameBinding } from './memory/headers-match.js';
import { defaultRetryPolicy, type RetryPolicy, type Sleep, withRetry } from './retry.js';
import type {
  BusTransport,
  DeliveredMessage,
  HeaderBinding,
  HeaderValue,
  Subscription,
} from './transport.js';

export type EventHandler<D = unknown> = (event: ReceivedEvent<D>) => Promise<void> | void;

export interface SubscribeOptions {
  /** Headers the message must also carry (e.g. `{ 'user_uuid:U': true }`). */
  headers?: Record<string, HeaderValue>;
  /** `x-match: all` (default) or `any`, as wazo-bus's `headers_match_all`. */
  matchAll?: boolean;
}

export interface BusConsumerOptions {
  transport: BusTransport;
  /** The daemon's name: queue prefix, logs and dead-letter reason. */
  name: string;
  logger?: BusLogger;
  retry?: Partial<RetryPolicy>;
  /** Waits between tries; defaults to a real timer (tests pass one that records the backoff). */
  sleep?: Sleep;
  /** A durable named queue instead of a generated exclusive one (events kept while stopped). */
  queue?: { name: string; durable: true };
  prefetch?: number;
}

export interface BusConsumer {
  subscribe<D extends object>(
    event: EventDefinition<string, D>,
    handler: EventHandler<D>,
    options?: SubscribeOptions,
  ): Promise<void>;
  subscribe(eventName: string, handler: EventHandler, options?: SubscribeOptions): Promise<void>;
  /** Removes a handler; the binding goes when no handler needs it. True if it was subscribed. */
  unsubscribe(eventName: string, handler: EventHandler<never>): Promise<boolean>;
  /** The queue name (`<name>.<6 hex>` unless a durable queue was configured). */
  queue(): string;
  close(): Promise<void>;
}

interface Registration {
  eventName: string;
  handler: EventHandler;
  binding: HeaderBinding;
}

const handlerName = (handler: EventHandler): string => handler.name || 'anonymous';

export function createBusConsumer(options: BusConsumerOptions): BusConsumer {
  const logger = (options.logger ?? silentLogger).child({ consumer: options.name });
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  let registrations: Registration[] = [];
  let subscription: Promise<Subscription> | undefined;

  async function park(
    message: DeliveredMessage,
    queue: string,
    error: unknown,
    attempts: number,
  ): Promise<void> {
    const text = error instanceof Error ? error.message : String(error);
    const reason = { consumer: options.name, queue, error: text, attempts };
    logger.error(
      { messageId: message.messageId, name: message.headers.name, ...errorFields(error) },
      'bus message parked on dead-letter queue',
    );
    // If this throws, the transport requeues the message: it is redelivered, never lost.
    await options.transport.deadLetter(message, reason);
  }

  async function runHandler(registration: Registration, event: ReceivedEvent) {
    const log = { event: event.name, messageId: event.messageId, handler: handlerName(registration.handler) };
    return withRetry(
      policy,
      async () => registration.handler(event),
      (err, attempt) => logger.warn({ ...log, attempt, ...errorFields(err) }, 'bus handler failed'),
      options.sleep,
    );
  }

  async function onMessage(message: DeliveredMessage, queue: string): Promise<void> {
    let event: ReceivedEvent;
    try {
      event = decodeMessage(message);
    } catch (err) {
      return park(message, queue, err, 0);
    }
    const handlers = registrations.filter((r) => r.eventName === event.name);
    if (handlers.length === 0) {
      logger.debug({ event: event.name }, 'bus message without handler acknowledged');
      return;
    }
    const failures: { error: unknown; attempts: number }[] = [];
    for (const registration of handlers) {
      const outcome = await runHandler(registration, event);
      if (!outcome.ok) failures.push({ error: outcome.error, attempts: outcome.attempts });
    }
    if (failures.length === 0) return;
    const error =
      failures.length === 1 ? failures[0]?.error : new Error(failures.map((f) => String(f.error)).join('; '));
    await park(message, queue, error, Math.max(...failures.map((f) => f.attempts)));
  }

  // Named here rather than by the transport, so the dead-letter reason always knows the queue.
  const queueName = options.queue?.name ?? `${options.name}.${randomBytes(3).toString('hex')}`;

  function open(binding: HeaderBinding): Promise<Subscription> {
    const consumeOptions = {
      queue: queueName,
      durable: options.queue?.durable ?? false,
      bindings: [binding],
      ...(options.prefetch ? { prefetch: options.prefetch } : {}),
    };
    const opened = options.transport.consume(consumeOptions, (message) => onMessage(message, queueName));
    return opened.then(
      (sub) => {
        logger.info({ queue: sub.queue }, 'bus consumer queue ready');
        return sub;
      },
      (err: unknown) => {
        subscription = undefined; // the next subscribe tries again
        throw err;
      },
    );
  }

  return {
    async subscribe(
      event: string | EventDefinition,
      handler: EventHandler<never>,
      subscribeOptions: SubscribeOptions = {},
    ) {
      const eventName = typeof event === 'string' ? event : event.name;
      const match = subscribeOptions.matchAll === false ? 'any' : 'all';
      const binding: HeaderBinding = { headers: { ...subscribeOptions.headers, name: eventName }, match };
      const registration = { eventName, handler: handler as EventHandler, binding };
      registrations.push(registration);
      try {
        if (subscription) await (await subscription).bind(binding);
        else subscription = open(binding);
        await subscription;
      } catch (err) {
        registrations = registrations.filter((r) => r !== registration);
        throw err;
      }
    },
    async unsubscribe(eventName, handler) {
      const found = registrations.find((r) => r.eventName === eventName && r.handler === handler);
      if (!found) return false;
      registrations = registrations.filter((r) => r !== found);
      const stillUsed = registrations.some((r) => sameBinding(r.binding, found.binding));
      if (!stillUsed && subscription) await (await subscription).unbind(found.binding);
      return true;
    },
    queue: () => queueName,
    async close() {
      const sub = subscription;
      subscription = undefined;
      registrations = [];
      if (sub) await (await sub).close();
    },
  };
}
