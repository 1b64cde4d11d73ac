/**
 * Route tests of the tokens, sessions and refresh-token plugins (and any other): the shared test
 * app (test-app.ts) with the local verifier, on a throwaway migrated database with a master
 * tenant, users seeded straight into the tables, and the outbox read back as the list of events.
 */
import { type BusPublisher, createBusPublisher } from '@wazo-ts/bus';
import { loadConfig } from '@wazo-ts/daemon';
import { createUnitOfWork, migrateToLatest } from '@wazo-ts/db';
import { createTestDatabase, type TestDatabase, testEncoder } from '@wazo-ts/db/testing';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { Kysely, PostgresDialect } from 'kysely';
import { authMigrations } from '../db/migrations/index.js';
import type { AuthDatabase } from '../db/schema.js';
import { type AuthConfig, authDaemon } from '../definition.js';
import { refreshTokensPlugin } from '../refresh-tokens/index.js';
import type { AuthServices } from '../services.js';
import { sessionsPlugin } from '../sessions/index.js';
import { tokensPlugin } from '../tokens/token.routes.js';
import { createTokenCache, type TokenCache } from '../tokens/token-cache.js';
import { evictingUnitOfWork } from '../tokens/token-eviction.js';
import { createLocalTokenVerifier } from '../verifier/index.js';
import { createUserSeeder, type SeededUser, type UserSeed } from './seed.js';
import { type AuthPlugin, buildAuthTestApp } from './test-app.js';

export interface BusRecord {
  name: string;
  routingKey: string;
  data: Record<string, unknown>;
}

export interface Harness {
  app: FastifyInstance;
  db: Kysely<AuthDatabase>;
  database: TestDatabase;
  config: AuthConfig;
  master: string;
  /** The daemon's token cache, and a publisher on its (in-process) bus as another wazo-auth. */
  tokenCache: TokenCache;
  bus: BusPublisher;
  /** The app's services, the graph its plugins use. */
  services: AuthServices;
  seedTenant(parent?: string): Promise<string>;
  seedUser(seed?: UserSeed): Promise<SeededUser>;
  events(): Promise<BusRecord[]>;
  clearEvents(): Promise<void>;
  login(
    user: { username: string; password: string },
    body?: object,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  tokenOf(user: { username: string; password: string }, body?: object): Promise<Record<string, unknown>>;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const basic = (login: string, password: string) =>
  `Basic ${Buffer.from(`${login}:${password}`, 'utf8').toString('base64')}`;

const tokenPlugins: AuthPlugin[] = [tokensPlugin, sessionsPlugin, refreshTokensPlugin];

export async function startHarness(
  overrides: Partial<AuthConfig> = {},
  plugins: AuthPlugin[] = tokenPlugins,
): Promise<Harness> {
  const database = await createTestDatabase({ prefix: 'wazo_auth_b' });
  const db = new Kysely<AuthDatabase>({ dialect: new PostgresDialect({ pool: database.pool }) });
  await migrateToLatest(db, authMigrations);
  const master = '00000000-0000-4000-8000-00000000aaaa';
  await database.pool.query(
    "INSERT INTO tenant (uuid, parent_uuid, name, slug) VALUES ($1, $1, 'master', 'master')",
    [master],
  );
  const { config: defaults } = loadConfig(authDaemon, { argv: ['-c', '/nonexistent/config.yml'], env: {} });
  const config = {
    ...(defaults as AuthConfig),
    password_hash_iterations: 1000,
    token_cleanup_interval: 0,
    ...overrides,
  } as AuthConfig;
  const seeder = createUserSeeder(database.pool, config.password_hash_iterations);
  const tokenCache = createTokenCache();
  const { app, resources, transport } = await buildAuthTestApp({
    db,
    uow: evictingUnitOfWork(createUnitOfWork<AuthDatabase>({ db, encoder: testEncoder }), tokenCache),
    tokenCache,
    config,
    plugins,
    verifier: createLocalTokenVerifier(db, { cache: tokenCache }),
  });
  const inject = (options: InjectOptions) => app.inject(options);
  const login: Harness['login'] = (user, body = {}, headers = {}) =>
    inject({
      method: 'POST',
      url: '/0.1/token',
      headers: { authorization: basic(user.username, user.password), ...headers },
      payload: body,
    });
  return {
    app,
    db,
    database,
    config,
    master,
    tokenCache,
    services: resources.services,
    bus: createBusPublisher({ transport, originUuid: 'another-wazo-auth' }),
    seedTenant: (parent = master) => seeder.seedTenant(parent),
    seedUser: (seed = {}) => seeder.seed({ tenantUuid: master, ...seed }),
    async events() {
      const { rows } = await database.pool.query<{ name: string; routing_key: string; body: Buffer }>(
        'SELECT name, routing_key, body FROM bus_outbox ORDER BY id',
      );
      return rows.map((row) => ({
        name: row.name,
        routingKey: row.routing_key,
        data: JSON.parse(row.body.toString('utf8')).data,
      }));
    },
    async clearEvents() {
      await database.pool.query('DELETE FROM bus_outbox');
    },
    login,
    async tokenOf(user, body = {}) {
      const res = await login(user, body);
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
      return res.json().data;
    },
    inject,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
