/**
 * wazo-webhookd's daemon-wide resources: its own database (migrated at start unless told not to),
 * a unit of work whose events go through the outbox, the relay that publishes them, the master
 * tenant (known from the service token) and the wazo-auth client that lists a caller's tenants.
 */
import { randomUUID } from 'node:crypto';
import { createOutboxRelay, type OutboxRelay } from '@wazo-ts/bus';
import type { DaemonResources, ResourceContext } from '@wazo-ts/daemon';
import {
  createDatabase,
  createUnitOfWork,
  type DatabaseHandle,
  migrateToLatest,
  type UnitOfWork,
  watchDatabaseHealth,
} from '@wazo-ts/db';
import type { Kysely } from 'kysely';
import {
  type AuthTenantsClient,
  cachedVisibleTenants,
  createAuthTenantsClient,
} from './common/auth-tenants.js';
import { webhookdMigrations } from './db/migrations/index.js';
import type { WebhookdDatabase } from './db/schema.js';
import type { WebhookdConfig } from './definition.js';
import { createMasterTenant, type MasterTenant } from './master-tenant/index.js';
import {
  createSubscriptionChanges,
  createSubscriptionsService,
  logsDao,
  type SubscriptionChanges,
  type SubscriptionsService,
  subscriptionsDao,
} from './subscriptions/index.js';

export interface WebhookdResources extends DaemonResources {
  db: Kysely<WebhookdDatabase>;
  /** The pool behind `db` (LISTEN/NOTIFY, advisory locks). */
  database: DatabaseHandle<WebhookdDatabase>;
  uow: UnitOfWork<WebhookdDatabase>;
  relay: OutboxRelay;
  masterTenant: MasterTenant;
  /** The tenants a caller's token sees at and below a tenant (cached `tenant_cache_ttl` s). */
  visibleTenants: Pick<AuthTenantsClient, 'visible'>;
  subscriptions: SubscriptionsService;
  /** Committed subscription changes, in process (the delivery engine rebinds on them). */
  subscriptionChanges: SubscriptionChanges;
}

export async function createWebhookdResources(
  context: ResourceContext<WebhookdConfig>,
): Promise<WebhookdResources> {
  const { config, logger, status, bus } = context;
  if (!config.db_uri) throw new Error('db_uri is not set: wazo-webhookd needs its PostgreSQL database');
  const database = createDatabase<WebhookdDatabase>({
    uri: config.db_uri,
    logger: logger.child({ component: 'database' }),
  });
  if (config.db_upgrade_on_startup)
    await migrateToLatest(database.db, webhookdMigrations, logger.child({ component: 'migrations' }));
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
  const subscriptionChanges = createSubscriptionChanges((err) =>
    logger.error({ err }, 'a subscription change listener failed'),
  );
  const uow = createUnitOfWork<WebhookdDatabase>({ db: database.db, encoder: bus.publisher });
  return {
    db: database.db,
    database,
    uow,
    relay,
    masterTenant: createMasterTenant(),
    visibleTenants: cachedVisibleTenants(authTenants, { ttlMs: config.tenant_cache_ttl * 1000 }),
    subscriptions: createSubscriptionsService({
      uow,
      dao: subscriptionsDao,
      logs: logsDao,
      newUuid: randomUUID,
      changes: subscriptionChanges,
    }),
    subscriptionChanges,
    async close() {
      authTenants.close();
      health.stop();
      await relay.stop();
      await database.close();
    },
  };
}
