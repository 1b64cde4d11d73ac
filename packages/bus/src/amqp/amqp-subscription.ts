/**
 * One consuming queue on RabbitMQ. rabbitmq-client's Consumer re-runs its whole setup (queue,
 * exchange, bindings, qos, basic.consume) on a fresh channel after any reconnect; bindings added
 * later are pushed into the same props array so that setup re-declares them too.
 */
import { randomBytes } from 'node:crypto';
import { UnavailableError } from '@wazo-ts/errors';
import type { Connection, Consumer, ConsumerProps } from 'rabbitmq-client';
import { type BusLogger, errorFields } from '../logger.js';
import { sameBinding } from '../memory/headers-match.js';
import type { ConsumeOptions, HeaderBinding, MessageHandler, Subscription } from '../transport.js';
import { bindingArguments, fromDelivery } from './convert.js';

export interface AmqpSubscriptionContext {
  connection: Connection;
  exchangeName: string;
  logger: BusLogger;
  readyTimeoutMs: number;
}

function queueProps(ctx: AmqpSubscriptionContext, options: ConsumeOptions): ConsumerProps {
  const queue = options.queue ?? `${options.queuePrefix ?? 'wazo-ts'}.${randomBytes(3).toString('hex')}`;
  const durable = options.durable ?? false;
  return {
    queue,
    queueOptions: durable ? { durable: true } : { durable: false, exclusive: true, autoDelete: true },
    exchanges: [{ exchange: ctx.exchangeName, type: 'headers', durable: true }],
    queueBindings: options.bindings.map((b) => ({
      queue,
      exchange: ctx.exchangeName,
      arguments: bindingArguments(b),
    })),
    qos: { prefetchCount: options.prefetch ?? 10 },
    // One handler at a time keeps per-queue order; prefetch only fills the client-side buffer.
    concurrency: 1,
    requeue: true,
  };
}

function waitReady(consumer: Consumer, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      consumer.off('ready', onReady);
      reject(new UnavailableError(`RabbitMQ did not accept the consumer within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = (): void => {
      clearTimeout(timer);
      resolve();
    };
    consumer.once('ready', onReady);
  });
}

export async function createAmqpSubscription(
  ctx: AmqpSubscriptionContext,
  options: ConsumeOptions,
  handler: MessageHandler,
): Promise<Subscription> {
  const props = queueProps(ctx, options);
  const queue = props.queue!;
  const logger = ctx.logger.child({ queue });
  const bindings = props.queueBindings!;
  const consumer = ctx.connection.createConsumer(props, async (message) => {
    await handler(fromDelivery(message));
  });
  // Handler failures (the message is requeued) and channel losses (setup re-runs) land here.
  consumer.on('error', (err) => logger.warn(errorFields(err), 'bus consumer error'));
  try {
    await waitReady(consumer, ctx.readyTimeoutMs);
  } catch (err) {
    await consumer.close();
    throw err;
  }
  logger.debug({ bindings: bindings.length }, 'bus consumer ready');
  const toParams = (binding: HeaderBinding) => ({
    queue,
    exchange: ctx.exchangeName,
    arguments: bindingArguments(binding),
  });
  const indexOf = (binding: HeaderBinding) =>
    bindings.findIndex((b) =>
      sameBinding(
        { headers: b.arguments ?? {}, match: 'all' },
        { headers: bindingArguments(binding), match: 'all' },
      ),
    );
  return {
    queue,
    close: () => consumer.close(),
    async bind(binding) {
      if (indexOf(binding) < 0) bindings.push(toParams(binding));
      await ctx.connection.queueBind(toParams(binding)).catch((err: unknown) => {
        // Recorded above: the next setup (after the reconnect) declares it.
        throw new UnavailableError('Could not bind the queue now; it will be bound on reconnect', {
          cause: err,
        });
      });
    },
    async unbind(binding) {
      const index = indexOf(binding);
      if (index >= 0) bindings.splice(index, 1);
      await ctx.connection.queueUnbind(toParams(binding)).catch((err: unknown) => {
        // Removed above: the next setup (after the reconnect) no longer declares it.
        throw new UnavailableError('Could not unbind the queue now; it will be unbound on reconnect', {
          cause: err,
        });
      });
    },
  };
}
