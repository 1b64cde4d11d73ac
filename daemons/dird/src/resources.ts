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
import { type AuthTenantsClient, createAuthTenantsClient } from './common/auth-tenants.js';
import { createTenantScopes, type TenantScopes } from './common/scope.js';
import { dirdMigrations } from './db/migrations/index.js';
import type { DirdDatabase } from './db/schema.js';
import type { DirdConfig } from './definition.js';
import { createPhonebookCatalog } from './phonebooks/phonebook-catalog.js';
import { createDirdServices, type DirdServices } from './services.js';

export interface DirdResources extends DaemonResources {
  db: Kysely<DirdDatabase>;
  uow: UnitOfWork<DirdDatabase>;
  relay: OutboxRelay;
  processedEvents: ProcessedEventStore;
  /** wazo-auth's tenant lists (sub-tenants of a caller; every tenant for the provisioning resync). */
  authTenants: AuthTenantsClient;
  /** The tenants a request sees. */
  scopes: TenantScopes;
  services: DirdServices;
  /** Listeners told of every changed or deleted source (to drop what they loaded of it). */
  sourceChanges: Set<(sourceUuid: string) => void>;
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
  const uow = createUnitOfWork<DirdDatabase>({ db, encoder: bus.publisher });
  const authTenants = createAuthTenantsClient(config.auth);
  const sourceChanges = new Set<(sourceUuid: string) => void>();
  return {
    db,
    uow,
    relay,
    processedEvents: createPgProcessedEventStore({ pool: database.pool, consumer: 'wazo-dird' }),
    authTenants,
    scopes: createTenantScopes({ client: authTenants }),
    services: createDirdServices({
      uow,
      phonebooks: createPhonebookCatalog(db),
      onSourceChange: (uuid) => {
        for (const listener of sourceChanges) listener(uuid);
      },
    }),
    sourceChanges,
    async close() {
      authTenants.close();
      health.stop();
      await relay.stop();
      await database.close();
    },
  };
}
