/**
 * The in-process bus: one headers exchange in memory with RabbitMQ's routing rules, used by the
 * all-in-one platform and by tests. Queues keep FIFO order; each consumer gets one message at a
 * time; a rejected message goes back to the head of its queue, marked redelivered.
 */
import { randomBytes } from 'node:crypto';
import { ConflictError, UnavailableError } from '@wazo-ts/errors';
import { deadLetterHeaders, deadLetterQueueName } from '../dead-letter.js';
import { type BusLogger, errorFields, silentLogger } from '../logger.js';
import type {
  BusTransport,
  ConsumeOptions,
  DeadLetterReason,
  DeliveredMessage,
  HeaderBinding,
  MessageHandler,
  Subscription,
  TransportState,
  WireMessage,
} from '../transport.js';
import { bindingMatches, sameBinding } from './headers-match.js';

interface MemoryConsumer {
  handler: MessageHandler;
  running: Promise<void> | undefined;
}

interface MemoryQueue {
  name: string;
  durable: boolean;
  bindings: HeaderBinding[];
  messages: DeliveredMessage[];
  consumers: MemoryConsumer[];
  turn: number;
}

export interface MemoryTransportOptions {
  exchangeName?: string;
  logger?: BusLogger;
}

export interface MemoryTransport extends BusTransport {
  /** Messages waiting in a queue (for tests and `/status`). */
  pending(queue: string): number;
}

export function createMemoryTransport(options: MemoryTransportOptions = {}): MemoryTransport {
  const logger = options.logger ?? silentLogger;
  const deadLetterQueue = deadLetterQueueName(options.exchangeName ?? 'wazo-headers');
  const queues = new Map<string, MemoryQueue>();
  const listeners = new Set<(state: TransportState) => void>();
  let state: TransportState = 'connected';

  const assertOpen = (): void => {
    if (state === 'closed') throw new UnavailableError('The in-process bus is closed', { retryable: false });
  };

  function declareQueue(name: string, durable: boolean): MemoryQueue {
    const existing = queues.get(name);
    if (existing && existing.durable !== durable) {
      throw new ConflictError(`Queue ${name} exists with another durability`, { errorId: 'queue-mismatch' });
    }
    if (existing) return existing;
    const queue: MemoryQueue = { name, durable, bindings: [], messages: [], consumers: [], turn: 0 };
    queues.set(name, queue);
    return queue;
  }

  function nextIdleConsumer(queue: MemoryQueue): MemoryConsumer | undefined {
    for (let i = 0; i < queue.consumers.length; i++) {
      const consumer = queue.consumers[(queue.turn + i) % queue.consumers.length];
      if (consumer && !consumer.running) {
        queue.turn = (queue.turn + i + 1) % queue.consumers.length;
        return consumer;
      }
    }
    return undefined;
  }

  function deliver(queue: MemoryQueue, consumer: MemoryConsumer, message: DeliveredMessage): void {
    consumer.running = (async () => {
      try {
        await consumer.handler(message);
      } catch (err) {
        logger.debug(
          { queue: queue.name, messageId: message.messageId, ...errorFields(err) },
          'message requeued',
        );
        if (queues.get(queue.name) === queue) queue.messages.unshift({ ...message, redelivered: true });
      } finally {
        consumer.running = undefined;
        // setImmediate, not a microtask: a handler that always fails must not starve the event loop.
        setImmediate(() => drain(queue));
      }
    })();
  }

  function drain(queue: MemoryQueue): void {
    if (state === 'closed') return;
    while (queue.messages.length > 0) {
      const consumer = nextIdleConsumer(queue);
      if (!consumer) return;
      deliver(queue, consumer, queue.messages.shift()!);
    }
  }

  function enqueue(queue: MemoryQueue, message: WireMessage): void {
    queue.messages.push({ ...message, headers: { ...message.headers }, redelivered: false });
    setImmediate(() => drain(queue));
  }

  function setState(next: TransportState): void {
    state = next;
    for (const listener of listeners) listener(next);
  }

  function subscription(queue: MemoryQueue, consumer: MemoryConsumer): Subscription {
    return {
      queue: queue.name,
      async close() {
        queue.consumers = queue.consumers.filter((c) => c !== consumer);
        await consumer.running;
        if (!queue.durable && queue.consumers.length === 0) queues.delete(queue.name);
      },
      async bind(binding) {
        assertOpen();
        if (!queue.bindings.some((b) => sameBinding(b, binding))) queue.bindings.push(binding);
      },
      async unbind(binding) {
        queue.bindings = queue.bindings.filter((b) => !sameBinding(b, binding));
      },
    };
  }

  return {
    deadLetterQueue,
    async publish(message) {
      assertOpen();
      for (const queue of queues.values()) {
        if (queue.bindings.some((binding) => bindingMatches(binding, message.headers)))
          enqueue(queue, message);
      }
    },
    async consume(consumeOptions: ConsumeOptions, handler) {
      assertOpen();
      const name =
        consumeOptions.queue ??
        `${consumeOptions.queuePrefix ?? 'wazo-ts'}.${randomBytes(3).toString('hex')}`;
      const queue = declareQueue(name, consumeOptions.durable ?? false);
      const consumer: MemoryConsumer = { handler, running: undefined };
      queue.consumers.push(consumer);
      const sub = subscription(queue, consumer);
      for (const binding of consumeOptions.bindings) await sub.bind(binding);
      setImmediate(() => drain(queue));
      return sub;
    },
    async deadLetter(message, reason: DeadLetterReason) {
      assertOpen();
      const headers = { ...message.headers, ...deadLetterHeaders(reason) };
      enqueue(declareQueue(deadLetterQueue, true), { ...message, headers });
    },
    pending: (queue) => queues.get(queue)?.messages.length ?? 0,
    state: () => state,
    onStateChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (state === 'closed') return;
      setState('closed');
      const running = [...queues.values()].flatMap((q) => q.consumers.map((c) => c.running));
      await Promise.allSettled(running);
      queues.clear();
    },
  };
}
