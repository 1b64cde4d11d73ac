/**
 * wazo-dird's daemon-wide resources: its own database (migrated at start unless told not to), a
 * unit of work whose events go through the outbox, the relay that publishes them, and the record
 * of consumed events already handled (bus delivery is at least once).
 */
import {
  createOutboxRelay,
  createPgProcessedEventStore,
  type OutboxRelay,
  type ProcessedEventStore,
} from '@wazo-ts/bus';
import type { DaemonResources, ResourceContext } from '@wazo-ts/daemon';
import {
  createDatabase,
  createUnitOfWork,
  migrateToLatest,
  type UnitOfWork,
  watchDatabaseHealth,
} from '@wazo-ts/db';
import type { Kysely } from 'kysely';
import { dirdMigrations } from './db/migrations/index.js';
import type { DirdDatabase } from './db/schema.js';
import type { DirdConfig } from './definition.js';

export interface DirdResources extends DaemonResources {
  db: Kysely<DirdDatabase>;
  uow: UnitOfWork<DirdDatabase>;
  relay: OutboxRelay;
  processedEvents: ProcessedEventStore;
}

export async function createDirdResources(context: ResourceContext<DirdConfig>): Promise<DirdResources> {
  const { config, logger, status, bus } = context;
  if (!config.db_uri) throw new Error('db_uri is not set: wazo-dird needs its PostgreSQL database');
  const database = createDatabase<DirdDatabase>({
    uri: config.db_uri,
    logger: logger.child({ component: 'database' }),
  });
  const db = database.db;
  if (config.db_upgrade_on_startup)
    await migrateToLatest(db, dirdMigrations, logger.child({ component: 'migrations' }));
  const relay = createOutboxRelay({
    pool: database.pool,
    transport: bus.transport,
    logger: logger.child({ component: 'outbox' }),
  });
  relay.start();
  const health = await watchDatabaseHealth({ database, relay });
  status.add('database', health.database);
  status.add('outbox', health.outbox);
  return {
    db,
    uow: createUnitOfWork<DirdDatabase>({ db, encoder: bus.publisher }),
    relay,
    processedEvents: createPgProcessedEventStore({ pool: database.pool, consumer: 'wazo-dird' }),
    async close() {
      health.stop();
      await relay.stop();
      await database.close();
    },
  };
}
