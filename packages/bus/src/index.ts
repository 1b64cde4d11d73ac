// Public surface of @wazo-ts/bus. Other packages import only from here.
export { type AmqpTransport, type AmqpTransportOptions, createAmqpTransport } from './amqp/amqp-transport.js';
export { type AmqpBusConfig, defaultBusConfig, resolveBusConfig } from './amqp/config.js';
export {
  type BusConsumer,
  type BusConsumerOptions,
  createBusConsumer,
  type EventHandler,
  type SubscribeOptions,
} from './consumer.js';
export { deadLetterQueueName } from './dead-letter.js';
export {
  createDeduplicator,
  createMemoryProcessedEventStore,
  createPgProcessedEventStore,
  type Deduplicator,
  type DeduplicatorOptions,
  type DeduplicatorStats,
  type DedupWork,
  type IdempotentHandler,
  type MemoryStoreOptions,
  markProcessed,
  migrateProcessedEvents,
  type PgProcessedEventStore,
  type PgStoreOptions,
  type ProcessedEventStore,
  processedEventsMigrations,
} from './dedup/index.js';
export {
  decodeMessage,
  type EncodeOptions,
  encodeEvent,
  JSON_CONTENT_TYPE,
  type ReceivedEvent,
} from './envelope/envelope.js';
export { escapeKeyPart, formatKey } from './envelope/format.js';
export { pythonLocalIsoformat } from './envelope/timestamp.js';
export * from './events/index.js';
export { type BusLogger, silentLogger } from './logger.js';
export {
  createMemoryTransport,
  type MemoryTransport,
  type MemoryTransportOptions,
} from './memory/memory-transport.js';
export {
  createOutboxRelay,
  migrateOutbox,
  OUTBOX_CHANNEL,
  type OutboxRelay,
  type OutboxRelayOptions,
  type OutboxRelayStatus,
  outboxMigrations,
  type Queryable,
  recordEvents,
} from './outbox/index.js';
export {
  type BusPublisher,
  type BusPublisherOptions,
  createBusPublisher,
  type PublishOptions,
} from './publisher.js';
export { defaultRetryPolicy, isRetryable, type RetryPolicy, type Sleep } from './retry.js';
export type {
  BusTransport,
  ConsumeOptions,
  DeadLetterReason,
  DeliveredMessage,
  HeaderBinding,
  HeaderValue,
  MessageHandler,
  Subscription,
  TransportState,
  WireMessage,
} from './transport.js';
