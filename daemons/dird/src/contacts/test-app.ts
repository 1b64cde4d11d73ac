/**
 * Test helpers for the contacts work (real PostgreSQL): a throwaway dird database with every
 * migration, and the given plugins behind the kit's HTTP stack (ACL checks, Wazo-Tenant, error
 * bodies) with a fake token verifier, answered through `app.inject`.
 */
import {
  type BusTransport,
  createBusConsumer,
  createBusPublisher,
  createMemoryTransport,
} from '@wazo-ts/bus';
import {
  type BaseConfig,
  buildDaemonApp,
  createStatusAggregator,
  type DaemonPlugin,
  loadConfig,
} from '@wazo-ts/daemon';
import { createFakeTokenVerifier, type FakeTokenVerifier } from '@wazo-ts/daemon/testing';
import { createUnitOfWork, migrateToLatest } from '@wazo-ts/db';
import { createTestDatabase, testEncoder } from '@wazo-ts/db/testing';
import type { FastifyInstance } from 'fastify';
import { Kysely, PostgresDialect } from 'kysely';
import pino from 'pino';
import type { AuthTenant } from '../common/auth-tenants.js';
import { createTenantScopes } from '../common/scope.js';
import { DirdConfigSchema } from '../config.js';
import { dirdMigrations } from '../db/migrations/index.js';
import type { DirdDatabase } from '../db/schema.js';
import type { DirdConfig } from '../definition.js';
import type { DirdResources } from '../resources.js';

export interface DirdTestDatabase {
  db: Kysely<DirdDatabase>;
  drop(): Promise<void>;
}

export async function createDirdTestDatabase(prefix = 'wazo_dird_contacts'): Promise<DirdTestDatabase> {
  const testDb = await createTestDatabase({ prefix });
  const db = new Kysely<DirdDatabase>({ dialect: new PostgresDialect({ pool: testDb.pool }) });
  try {
    await migrateToLatest(db, dirdMigrations);
  } catch (error) {
    await testDb.drop();
    throw error;
  }
  return { db, drop: () => testDb.drop() };
}

export interface ContactsTestApi {
  app: FastifyInstance;
  /** Sub-tenants wazo-auth answers for a tenant (recurse=true). */
  subtenants: Map<string, string[]>;
  verifier: FakeTokenVerifier;
  transport: BusTransport;
  /** Runs the plugins' start hooks (bus subscriptions). */
  start(): Promise<void>;
  /** Closes the app and the bus consumer (not the transport, the caller's). */
  close(): Promise<void>;
}

export async function buildContactsTestApi(
  database: DirdTestDatabase,
  plugins: DaemonPlugin<DirdConfig, DirdResources>[],
  /** The bus the plugins consume (RabbitMQ in the bus tests); in-process by default. */
  transport: BusTransport = createMemoryTransport(),
): Promise<ContactsTestApi> {
  const definition = {
    name: 'dird',
    apiVersion: '0.1',
    defaultPort: 9489,
    configSchema: DirdConfigSchema,
    plugins: [],
  };
  const config = loadConfig(definition as never, { argv: ['-c', '/nonexistent/config.yml'], env: {} })
    .config as DirdConfig;
  const subtenants = new Map<string, string[]>();
  const resources = {
    db: database.db,
    scopes: createTenantScopes({
      client: {
        list: async (_token: string, tenantUuid?: string) =>
          [tenantUuid ?? '', ...(subtenants.get(tenantUuid ?? '') ?? [])].map(
            (uuid) => ({ uuid }) as AuthTenant,
          ),
      },
    }),
    uow: createUnitOfWork<DirdDatabase>({ db: database.db, encoder: testEncoder }),
    close: async () => undefined,
  } as unknown as DirdResources;
  const logger = pino({ level: 'silent' });
  const consumer = createBusConsumer({ transport, name: 'wazo-dird' });
  const bus = { transport, publisher: createBusPublisher({ transport, originUuid: 'o' }), consumer };
  const starts: (() => unknown)[] = [];
  const verifier = createFakeTokenVerifier();
  const { app } = await buildDaemonApp({
    name: 'dird',
    apiVersion: '0.1',
    config: config as BaseConfig,
    logger,
    status: createStatusAggregator(),
    verifier,
    errorShape: 'api',
    maskedConfig: () => ({}),
    setDebug: () => undefined,
    registerApi: async (api) => {
      for (const plugin of plugins)
        await plugin.load({
          daemon: 'dird',
          config,
          logger,
          api,
          status: createStatusAggregator(),
          reportStatus: () => undefined,
          lifecycle: { onStart: (hook: () => unknown) => void starts.push(hook), onStop: () => undefined },
          bus,
          serviceToken: null,
          resources,
        } as never);
    },
  });
  await app.ready();
  return {
    app,
    subtenants,
    verifier,
    transport,
    start: async () => {
      for (const hook of starts) await hook();
    },
    close: async () => {
      await app.close();
      await consumer.close();
    },
  };
}
