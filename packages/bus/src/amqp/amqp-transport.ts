/**
 * The RabbitMQ transport, on rabbitmq-client: it reconnects by itself with exponential backoff,
 * re-declares the exchange, queues and bindings of every consumer on a new channel, and confirms
 * publishes. What it lacks we add here: Wazo's `bus` config, a state for `/status`, dead-letter
 * parking, errors from @wazo-ts/errors, and bindings changed at run time surviving reconnects.
 */
import { UnavailableError } from '@wazo-ts/errors';
import { Connection } from 'rabbitmq-client';
import { deadLetterHeaders, deadLetterQueueName } from '../dead-letter.js';
import { type BusLogger, errorFields, silentLogger } from '../logger.js';
import type { BusTransport, Subscription, TransportState, WireMessage } from '../transport.js';
import { createAmqpSubscription } from './amqp-subscription.js';
import { type AmqpBusConfig, resolveBusConfig } from './config.js';
import { toEnvelope } from './convert.js';

export interface AmqpTransportOptions {
  /** Wazo's `bus` configuration key. */
  config?: AmqpBusConfig;
  logger?: BusLogger;
  /** Shown in RabbitMQ's connection list (the daemon's name). */
  connectionName?: string;
  /** Reconnect backoff bounds, in ms (exponential with jitter between them). */
  retryLowMs?: number;
  retryHighMs?: number;
  /** How long a publish waits for a connection before failing. */
  acquireTimeoutMs?: number;
  /** How long `consume` waits for its queue and bindings to be declared. */
  readyTimeoutMs?: number;
}

export interface AmqpTransport extends BusTransport {
  readonly exchangeName: string;
  /** The underlying connection, for tests that cut it. */
  readonly connection: Connection;
}

function trackState(connection: Connection, logger: BusLogger) {
  let state: TransportState = 'connecting';
  const listeners = new Set<(state: TransportState) => void>();
  const set = (next: TransportState): void => {
    if (state === next || state === 'closed') return;
    state = next;
    for (const listener of listeners) listener(next);
  };
  connection.on('connection', () => {
    logger.info({}, 'connected to RabbitMQ');
    set('connected');
  });
  connection.on('error', (err) => {
    logger.warn(errorFields(err), 'RabbitMQ connection error; reconnecting');
    if (!connection.ready) set('disconnected');
  });
  return { get: () => state, set, listeners };
}

export function createAmqpTransport(options: AmqpTransportOptions = {}): AmqpTransport {
  const { url, exchangeName } = resolveBusConfig(options.config);
  const logger = (options.logger ?? silentLogger).child({ exchange: exchangeName });
  const connection = new Connection({
    url,
    connectionName: options.connectionName ?? 'wazo-ts',
    retryLow: options.retryLowMs ?? 1000,
    retryHigh: options.retryHighMs ?? 30_000,
    acquireTimeout: options.acquireTimeoutMs ?? 10_000,
  });
  const state = trackState(connection, logger);
  const exchange = { exchange: exchangeName, type: 'headers', durable: true };
  const deadLetterQueue = deadLetterQueueName(exchangeName);
  // Publishers re-run their declarations on each new channel, so the exchange and the dead-letter
  // queue exist again after a broker restart without our help.
  const publisher = connection.createPublisher({ confirm: true, maxAttempts: 2, exchanges: [exchange] });
  const parker = connection.createPublisher({
    confirm: true,
    maxAttempts: 2,
    queues: [{ queue: deadLetterQueue, durable: true }],
  });
  const subscriptions = new Set<Subscription>();
  const readyTimeoutMs = options.readyTimeoutMs ?? options.acquireTimeoutMs ?? 10_000;

  const unavailable = (what: string, err: unknown) =>
    new UnavailableError(`RabbitMQ ${what} failed: ${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    });

  return {
    exchangeName,
    connection,
    deadLetterQueue,
    async publish(message: WireMessage) {
      await publisher.send(toEnvelope(message, exchangeName), message.body).catch((err: unknown) => {
        throw unavailable('publish', err);
      });
    },
    async consume(consumeOptions, handler) {
      const ctx = { connection, exchangeName, logger, readyTimeoutMs };
      const subscription = await createAmqpSubscription(ctx, consumeOptions, handler);
      subscriptions.add(subscription);
      const close = (): Promise<void> => {
        subscriptions.delete(subscription);
        return subscription.close();
      };
      return { ...subscription, close };
    },
    async deadLetter(message, reason) {
      const parked = { ...message, headers: { ...message.headers, ...deadLetterHeaders(reason) } };
      await parker.send(toEnvelope(parked, '', deadLetterQueue), message.body).catch((err: unknown) => {
        throw unavailable('dead-letter publish', err);
      });
    },
    state: state.get,
    onStateChange(listener) {
      state.listeners.add(listener);
      return () => state.listeners.delete(listener);
    },
    async close() {
      await Promise.allSettled([...subscriptions].map((s) => s.close()));
      await Promise.allSettled([publisher.close(), parker.close()]);
      await connection.close();
      state.set('closed');
    },
  };
}
