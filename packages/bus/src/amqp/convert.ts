/** Between our WireMessage and rabbitmq-client's envelopes and deliveries. */
import type { AsyncMessage, Envelope } from 'rabbitmq-client';
import type { DeliveredMessage, HeaderBinding, HeaderValue, WireMessage } from '../transport.js';

/** Publish properties: what kombu sets for JSON (content type and utf-8 encoding), plus ours. */
export function toEnvelope(
  message: WireMessage,
  exchange: string,
  routingKey = message.routingKey,
): Envelope {
  return {
    exchange,
    routingKey,
    headers: message.headers,
    messageId: message.messageId,
    contentType: message.contentType,
    // With an encoding set, kombu decodes the body as text before parsing the JSON, and
    // rabbitmq-client leaves the bytes alone instead of parsing them itself.
    contentEncoding: 'utf-8',
    // Persistent, so messages routed to durable queues survive a broker restart.
    durable: true,
  };
}

function bodyBytes(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  // rabbitmq-client parses JSON bodies that came without an encoding; serialize them back.
  return Buffer.from(JSON.stringify(body ?? null), 'utf8');
}

export function fromDelivery(message: AsyncMessage): DeliveredMessage {
  return {
    messageId: message.messageId ?? '',
    headers: (message.headers ?? {}) as Record<string, HeaderValue>,
    routingKey: message.routingKey,
    body: bodyBytes(message.body),
    contentType: message.contentType ?? '',
    redelivered: message.redelivered,
  };
}

export function bindingArguments(binding: HeaderBinding): Record<string, HeaderValue> {
  return { ...binding.headers, 'x-match': binding.match };
}
