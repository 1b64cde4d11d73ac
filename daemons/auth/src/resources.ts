/**
 * wazo-auth's daemon-wide resources: its own database (migrated at start unless told not to),
 * a unit of work whose events go through the outbox, the relay that publishes them, and the
 * services every plugin shares.
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
import { authMigrations } from './db/migrations/index.js';
import type { AuthDatabase } from './db/schema.js';
import type { AuthConfig } from './definition.js';
import { seedAuthDatabase } from './seed/index.js';
import { type AuthServices, createAuthServices } from './services.js';
import { createTokenCache, type TokenCache } from './tokens/token-cache.js';
import { evictingUnitOfWork } from './tokens/token-eviction.js';

export interface AuthResources extends DaemonResources {
  db: Kysely<AuthDatabase>;
  uow: UnitOfWork<AuthDatabase>;
  relay: OutboxRelay;
  /**
   * Live tokens, shared by the token checks and the local verifier; evicted by `uow`'s events, so
   * it must come with an `evictingUnitOfWork`. Absent (hand-built test resources): no caching.
   */
  tokenCache?: TokenCache;
  /** Every service, built once on `uow` and handed to every plugin. */
  services: AuthServices;
}

export async function createAuthResources(context: ResourceContext<AuthConfig>): Promise<AuthResources> {
  const { config, logger, status, bus } = context;
  if (!config.db_uri) throw new Error('db_uri is not set: wazo-auth needs its PostgreSQL database');
  const database = createDatabase<AuthDatabase>({
    uri: config.db_uri,
    logger: logger.child({ component: 'database' }),
  });
  const db = database.db;
  if (config.db_upgrade_on_startup)
    await migrateToLatest(db, authMigrations, logger.child({ component: 'migrations' }));
  // Before anything serves: the master tenant, master policy and all-users groups must exist.
  await seedAuthDatabase(db, { allUsersPolicies: config.all_users_policies, logger });
  const relay = createOutboxRelay({
    pool: database.pool,
    transport: bus.transport,
    logger: logger.child({ component: 'outbox' }),
  });
  relay.start();
  const health = await watchDatabaseHealth({ database, relay });
  status.add('database', health.database);
  status.add('outbox', health.outbox);
  const tokenCache = createTokenCache();
  const uow = evictingUnitOfWork(createUnitOfWork<AuthDatabase>({ db, encoder: bus.publisher }), tokenCache);
  return {
    db,
    uow,
    relay,
    tokenCache,
    services: createAuthServices({ db, uow, config, tokenCache }),
    async close() {
      health.stop();
      await relay.stop();
      await database.close();
    },
  };
}
