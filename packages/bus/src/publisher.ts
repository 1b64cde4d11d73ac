/**
 * Publishing events: encode with Wazo's envelope, then hand to the transport, which resolves once
 * the broker confirmed. `encode` alone is what the outbox stores inside a database transaction.
 */
import { type EncodeOptions, encodeEvent } from './envelope/envelope.js';
import type { BusEvent } from './events/define.js';
import { type BusLogger, errorFields, silentLogger } from './logger.js';
import type { BusTransport, HeaderValue, WireMessage } from './transport.js';

export interface BusPublisherOptions {
  transport: BusTransport;
  /** This Wazo installation's UUID, sent as `origin_uuid`. */
  originUuid: string;
  clock?: () => Date;
  logger?: BusLogger;
}

export interface PublishOptions {
  /** Extra AMQP headers, placed before the event's own (as wazo-bus's `headers=`). */
  headers?: Record<string, HeaderValue>;
  /** Defaults to a fresh UUID v4. */
  messageId?: string;
}

export interface BusPublisher {
  /** Publishes and resolves once confirmed; returns what was sent. Rejects with an UnavailableError. */
  publish(event: BusEvent, options?: PublishOptions): Promise<WireMessage>;
  encode(event: BusEvent, options?: PublishOptions): WireMessage;
}

export function createBusPublisher(options: BusPublisherOptions): BusPublisher {
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger ?? silentLogger;
  const encode = (event: BusEvent, publishOptions: PublishOptions = {}): WireMessage => {
    const encodeOptions: EncodeOptions = { originUuid: options.originUuid, now: clock() };
    if (publishOptions.headers) encodeOptions.extraHeaders = publishOptions.headers;
    if (publishOptions.messageId) encodeOptions.messageId = publishOptions.messageId;
    return encodeEvent(event, encodeOptions);
  };
  return {
    encode,
    async publish(event, publishOptions) {
      const message = encode(event, publishOptions);
      try {
        await options.transport.publish(message);
      } catch (err) {
        logger.warn(
          { event: event.name, messageId: message.messageId, ...errorFields(err) },
          'bus publish failed',
        );
        throw err;
      }
      logger.debug({ event: event.name, messageId: message.messageId }, 'bus event published');
      return message;
    },
  };
}
