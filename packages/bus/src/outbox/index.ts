export type { Queryable } from './queryable.js';
export { recordEvents } from './record.js';
export {
  createOutboxRelay,
  type OutboxRelay,
  type OutboxRelayOptions,
  type OutboxRelayStatus,
} from './relay.js';
export { migrateOutbox, OUTBOX_CHANNEL, outboxMigrations } from './schema.js';
