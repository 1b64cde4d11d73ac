/**
 * A wazo-auth API for route tests: the given plugins on a real database, behind the kit's HTTP
 * stack (ACL checks, error bodies) with a fake token verifier, answered through `app.inject`.
 */
import { createBusConsumer, createBusPublisher, createMemoryTransport } from '@wazo-ts/bus';
import {
  type BaseConfig,
  buildDaemonApp,
  createStatusAggregator,
  type DaemonPlugin,
  loadConfig,
} from '@wazo-ts/daemon';
import { createFakeTokenVerifier, type FakeTokenVerifier } from '@wazo-ts/daemon/testing';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { AuthConfigSchema } from '../config.js';
import type { AuthConfig } from '../definition.js';
import type { AuthResources } from '../resources.js';
import type { AuthTestDatabase } from './testing.js';

export interface TestApi {
  app: FastifyInstance;
  verifier: FakeTokenVerifier;
  config: AuthConfig;
}

export async function buildTestApi(
  database: AuthTestDatabase,
  plugins: DaemonPlugin<AuthConfig, AuthResources>[],
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
  const logger = pino({ level: 'silent' });
  const transport = createMemoryTransport();
  const resources = { db: database.db, uow: database.uow, relay: {} as never, close: async () => {} };
  const { app } = await buildDaemonApp({
    name: 'auth',
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
          daemon: 'auth',
          config,
          logger,
          api,
          status: createStatusAggregator(),
          reportStatus: () => undefined,
          lifecycle: { onStart: () => undefined, onStop: () => undefined },
          bus: {
            transport,
            publisher: createBusPublisher({ transport, originUuid: 'o' }),
            consumer: createBusConsumer({ transport, name: 't' }),
          },
          serviceToken: null,
          resources,
        });
    },
  });
  await app.ready();
  return { app, verifier, config };
}
