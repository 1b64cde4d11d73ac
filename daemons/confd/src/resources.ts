/**
 * wazo-confd's daemon-wide resources: the Service API database (migrated at start unless told
 * not to), a unit of work whose events go through the outbox, the relay that publishes them, the
 * services, and the wazo-auth clients (a caller's sub-tenants; the users confd creates there).
 */
import {
  createOutboxRelay,
  createPgProcessedEventStore,
  type OutboxRelay,
  type ProcessedEventStore,
} from '@wazo-ts/bus';
import type { DaemonResources, ResourceContext } from '@wazo-ts/daemon';
import { type Database, serviceApiMigrations } from '@wazo-ts/dao';
import { createDatabase, migrateToLatest, watchDatabaseHealth } from '@wazo-ts/db';
import { type AuthTenantsClient, createAuthTenantsClient } from './common/auth-tenants.js';
import { type AuthUsersClient, createAuthUsersClient } from './common/auth-users.js';
import { createVisibleTenants, type VisibleTenants } from './common/scope.js';
import { type ConfdServices, createConfdServices } from './common/services.js';
import type { ConfdConfig } from './definition.js';

export interface ConfdResources extends DaemonResources {
  services: ConfdServices;
  authTenants: AuthTenantsClient;
  /** Creates and deletes the wazo-auth user of a confd user (POST /users `auth`, recursive delete). */
  authUsers: AuthUsersClient;
  visibleTenants: VisibleTenants;
  /** Message ids of consumed events already handled (bus delivery is at least once). */
  processedEvents: ProcessedEventStore;
  relay: OutboxRelay | null;
}

export async function createConfdResources(context: ResourceContext<ConfdConfig>): Promise<ConfdResources> {
  const { config, logger, status, bus } = context;
  const database = createDatabase<Database>({
    uri: config.db_uri,
    logger: logger.child({ component: 'database' }),
  });
  if (config.db_upgrade_on_startup)
    await migrateToLatest(database.db, serviceApiMigrations, logger.child({ component: 'migrations' }));
  const relay = createOutboxRelay({
    pool: database.pool,
    transport: bus.transport,
    logger: logger.child({ component: 'outbox' }),
  });
  relay.start();
  const health = await watchDatabaseHealth({ database, relay });
  status.add('database', health.database);
  status.add('outbox', health.outbox);
  const authTenants = createAuthTenantsClient(config.auth);
  const authUsers = createAuthUsersClient(config.auth);
  return {
    services: createConfdServices(database.db, bus.publisher),
    authTenants,
    authUsers,
    visibleTenants: createVisibleTenants({ client: authTenants, ttlMs: config.tenant_cache_ttl * 1000 }),
    processedEvents: createPgProcessedEventStore({ pool: database.pool, consumer: 'wazo-confd' }),
    relay,
    async close() {
      authTenants.close();
      authUsers.close();
      health.stop();
      await relay.stop();
      await database.close();
    },
  };
}
