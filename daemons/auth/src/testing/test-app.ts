/**
 * The one wazo-auth app for route tests: the given plugins behind the kit's HTTP stack (ACL
 * checks, Wazo-Tenant, error bodies) on a real database, with the daemon's own service graph
 * (createAuthServices, as resources.ts builds it), answered through `app.inject`.
 * `buildTestApi` puts a fake token verifier in front (tokens made up by the test);
 * token-harness.ts uses the local verifier with real logins.
 */
import {
  createBusConsumer,
  createBusPublisher,
  createMemoryTransport,
  type MemoryTransport,
} from '@wazo-ts/bus';
import {
  type BaseConfig,
  buildDaemonApp,
  createStatusAggregator,
  type DaemonPlugin,
  loadConfig,
  type TokenVerifier,
} from '@wazo-ts/daemon';
import { createFakeTokenVerifier, type FakeTokenVerifier } from '@wazo-ts/daemon/testing';
import type { UnitOfWork } from '@wazo-ts/db';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { AuthConfigSchema } from '../config.js';
import type { AuthDatabase } from '../db/schema.js';
import type { AuthConfig } from '../definition.js';
import { renderAuthValidationError } from '../http/validation-errors.js';
import type { AuthResources } from '../resources.js';
import { createAuthServices } from '../services.js';
import type { TokenCache } from '../tokens/token-cache.js';
import type { AuthTestDatabase } from './auth-database.js';

export type AuthPlugin = DaemonPlugin<AuthConfig, AuthResources>;

export interface AuthTestAppOptions {
  db: Kysely<AuthDatabase>;
  uow: UnitOfWork<AuthDatabase>;
  config: AuthConfig;
  plugins: AuthPlugin[];
  verifier: TokenVerifier;
  /** The daemon's token cache; `uow` must then evict it (evictingUnitOfWork). */
  tokenCache?: TokenCache;
}

export interface AuthTestApp {
  app: FastifyInstance;
  resources: AuthResources;
  /** The in-process bus the plugins were given. */
  transport: MemoryTransport;
}

export async function buildAuthTestApp(options: AuthTestAppOptions): Promise<AuthTestApp> {
  const { db, uow, config, tokenCache } = options;
  const resources: AuthResources = {
    db,
    uow,
    ...(tokenCache ? { tokenCache } : {}),
    services: createAuthServices({ db, uow, config, tokenCache: tokenCache ?? null }),
    relay: { start: () => undefined, stop: async () => undefined } as unknown as AuthResources['relay'],
    close: async () => undefined,
  };
  const logger = pino({ level: 'silent' });
  const transport = createMemoryTransport();
  const bus = {
    transport,
    publisher: createBusPublisher({ transport, originUuid: 'o' }),
    consumer: createBusConsumer({ transport, name: 't' }),
  };
  const { app } = await buildDaemonApp({
    name: 'auth',
    apiVersion: '0.1',
    config: config as BaseConfig,
    logger,
    status: createStatusAggregator(),
    verifier: options.verifier,
    errorShape: 'api',
    renderValidationError: renderAuthValidationError,
    maskedConfig: () => ({}),
    setDebug: () => undefined,
    registerApi: async (api) => {
      for (const plugin of options.plugins)
        await plugin.load({
          daemon: 'auth',
          config,
          logger,
          api,
          status: createStatusAggregator(),
          reportStatus: () => undefined,
          lifecycle: { onStart: () => undefined, onStop: () => undefined },
          bus,
          serviceToken: null,
          resources,
        });
    },
  });
  await app.ready();
  return { app, resources, transport };
}

export interface TestApi {
  app: FastifyInstance;
  verifier: FakeTokenVerifier;
  config: AuthConfig;
}

/** The plugins on `database` behind a fake verifier, with the config schema's defaults. */
export async function buildTestApi(
  database: AuthTestDatabase,
  plugins: AuthPlugin[],
  overrides: Partial<AuthConfig> = {},
): Promise<TestApi> {
  const definition = {
    name: 'auth',
    apiVersion: '0.1',
    defaultPort: 9497,
    configSchema: AuthConfigSchema,
    plugins: [],
  };
  const loaded = loadConfig(definition as never, { argv: ['-c', '/nonexistent/config.yml'], env: {} });
  const config = { ...(loaded.config as AuthConfig), ...overrides };
  const verifier = createFakeTokenVerifier();
  const { app } = await buildAuthTestApp({ db: database.db, uow: database.uow, config, plugins, verifier });
  return { app, verifier, config };
}
