/**
 * wazo-chatd's daemon-wide resources: its own database (migrated at start unless told not to), a
 * unit of work whose events go through the outbox, and the relay that publishes them.
 */
import { createOutboxRelay, type OutboxRelay } from '@wazo-ts/bus';
import type { DaemonResources, ResourceContext } from '@wazo-ts/daemon';
import {
  createDatabase,
  createUnitOfWork,
  migrateToLatest,
  type UnitOfWork,
  watchDatabaseHealth,
} from '@wazo-ts/db';
import type { Kysely } from 'kysely';
import { chatdMigrations } from './db/migrations/index.js';
import type { ChatdDatabase } from './db/schema.js';
import type { ChatdConfig } from './definition.js';

export interface ChatdResources extends DaemonResources {
  db: Kysely<ChatdDatabase>;
  uow: UnitOfWork<ChatdDatabase>;
  relay: OutboxRelay;
}

export async function createChatdResources(context: ResourceContext<ChatdConfig>): Promise<ChatdResources> {
  const { config, logger, status, bus } = context;
  const database = createDatabase<ChatdDatabase>({
    uri: config.db_uri,
    logger: logger.child({ component: 'database' }),
  });
  const db = database.db;
  if (config.db_upgrade_on_startup)
    await migrateToLatest(db, chatdMigrations, logger.child({ component: 'migrations' }));
  const relay = createOutboxRelay({
    pool: database.pool,
    transport: bus.transport,
    logger: logger.child({ component: 'outbox' }),
  });
  relay.start();
  const health = await watchDatabaseHealth({ database, relay });
  status.add('database', health.database);
  status.add('outbox', health.outbox);
  const uow = createUnitOfWork<ChatdDatabase>({ db, encoder: bus.publisher });
  return {
    db,
    uow,
    relay,
    async close() {
      health.stop();
      await relay.stop();
      await database.close();
    },
  };
}
