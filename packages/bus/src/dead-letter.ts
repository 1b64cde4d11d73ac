/** What both transports add to a parked message, so an operator sees why and where it failed. */
import type { DeadLetterReason, HeaderValue } from './transport.js';

export const deadLetterQueueName = (exchangeName: string): string => `${exchangeName}.dead-letter`;

export function deadLetterHeaders(
  reason: DeadLetterReason,
  now: Date = new Date(),
): Record<string, HeaderValue> {
  return {
    'x-wazo-dead-letter-consumer': reason.consumer,
    'x-wazo-dead-letter-queue': reason.queue,
    // AMQP short strings are limited; a stack trace does not belong in a header anyway.
    'x-wazo-dead-letter-error': reason.error.slice(0, 1000),
    'x-wazo-dead-letter-attempts': reason.attempts,
    'x-wazo-dead-letter-at': now.toISOString(),
  };
}
