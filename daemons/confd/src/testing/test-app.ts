/**
 * A wazo-confd API for route tests: the given plugins on a real migrated database, behind the
 * kit's HTTP stack (ACL checks, confd error lists, confd's validation wording) with a fake token
 * verifier and a fixed sub-tenant tree instead of wazo-auth, answered through `app.inject`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createBusConsumer,
  createBusPublisher,
  createMemoryProcessedEventStore,
  createMemoryTransport,
} from '@wazo-ts/bus';
import {
  buildDaemonApp,
  createStatusAggregator,
  type DaemonPlugin,
  loadConfig,
  type ServiceTokenRenewer,
} from '@wazo-ts/daemon';
import { createFakeTokenVerifier, type FakeTokenVerifier } from '@wazo-ts/daemon/testing';
import type { MigratedTestDatabase } from '@wazo-ts/dao/testing';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { AuthUsersClient } from '../common/auth-users.js';
import { renderConfdValidationError } from '../common/errors.js';
import type { VisibleTenants } from '../common/scope.js';
import { createConfdServices } from '../common/services.js';
import { type ConfdConfig, confdDaemon } from '../definition.js';
import type { ConfdResources } from '../resources.js';

export interface TestApi {
  app: FastifyInstance;
  verifier: FakeTokenVerifier;
  resources: ConfdResources;
  /** Declares `child` visible below `parent`, for recurse and item routes. */
  addSubtenant(parent: string, child: string): void;
}

export interface TestApiOptions {
  /** wazo-auth's users client (a real one against `startAuth`); by default any call fails. */
  authUsers?: AuthUsersClient;
  /** confd's service token as plugins see it; none by default. */
  serviceToken?: ServiceTokenRenewer | null;
}

/** An auth users client for tests that never reach wazo-auth: any call is a test bug. */
const noAuthUsers: AuthUsersClient = {
  create: () => Promise.reject(new Error('no wazo-auth in this test')),
  delete: () => Promise.reject(new Error('no wazo-auth in this test')),
  close: () => undefined,
};

/** A service token that is always `token` (from `startAuth().tokenFor(...)`), never renewed. */
export function fixedServiceToken(token: string, tenantUuid: string | null = null): ServiceTokenRenewer {
  const current = { token, expiresAt: Number.MAX_SAFE_INTEGER, tenantUuid, details: {} };
  return {
    start: async () => undefined,
    stop: () => undefined,
    current: () => current,
    onToken: (listener) => {
      listener(token, current);
      return () => undefined;
    },
    status: () => ({ status: 'ok' }),
  };
}

/** Sub-tenants from a parent map, as wazo-auth would list them for any token. */
function fakeVisibleTenants(parents: Map<string, string>): VisibleTenants {
  const below = (root: string): string[] => [
    root,
    ...[...parents].filter(([, parent]) => parent === root).flatMap(([child]) => below(child)),
  ];
  return { of: async (_token, tenantUuid) => below(tenantUuid), clear: () => undefined };
}

export async function buildTestApi(
  database: MigratedTestDatabase,
  plugins: DaemonPlugin<ConfdConfig, ConfdResources>[],
  options: TestApiOptions = {},
): Promise<TestApi> {
  const loaded = loadConfig(confdDaemon, { argv: ['-c', '/nonexistent/config.yml'], env: {} });
  // Files (music on hold, sounds) go to a folder of the test's own, removed when the app closes.
  const dataDir = await mkdtemp(join(tmpdir(), 'wazo-confd-data-'));
  const config = { ...(loaded.config as ConfdConfig), data_dir: dataDir };
  const verifier = createFakeTokenVerifier();
  const parents = new Map<string, string>();
  const logger = pino({ level: 'silent' });
  const transport = createMemoryTransport();
  const publisher = createBusPublisher({ transport, originUuid: 'o' });
  const resources: ConfdResources = {
    services: createConfdServices(database.db, publisher),
    authTenants: { list: async () => [], close: () => undefined },
    authUsers: options.authUsers ?? noAuthUsers,
    visibleTenants: fakeVisibleTenants(parents),
    processedEvents: createMemoryProcessedEventStore(),
    relay: null,
    close: async () => undefined,
  };
  const { app } = await buildDaemonApp({
    name: 'confd',
    apiVersion: '1.1',
    config,
    logger,
    status: createStatusAggregator(),
    verifier,
    errorShape: 'confd',
    renderValidationError: renderConfdValidationError,
    maskedConfig: () => ({}),
    setDebug: () => undefined,
    registerApi: async (api) => {
      api.addHook('onClose', async () => rm(dataDir, { recursive: true, force: true }));
      for (const plugin of plugins)
        await plugin.load({
          daemon: 'confd',
          config,
          logger,
          api,
          status: createStatusAggregator(),
          reportStatus: () => undefined,
          lifecycle: { onStart: () => undefined, onStop: () => undefined },
          bus: { transport, publisher, consumer: createBusConsumer({ transport, name: 't' }) },
          serviceToken: options.serviceToken ?? null,
          resources,
        });
    },
  });
  await app.ready();
  return {
    app,
    verifier,
    resources,
    addSubtenant: (parent, child) => {
      parents.set(child, parent);
      verifier.addSubtenant(parent, child);
    },
  };
}
