/**
 * The rooms routes for tests: the rooms plugin behind the kit's HTTP stack (ACL checks, error
 * bodies, validation) on a throwaway wazo-chatd database, a fake token verifier, and the outbox
 * read back as the events the routes queued.
 */
import { randomUUID } from 'node:crypto';
import { createBusConsumer, createBusPublisher, createMemoryTransport, type HeaderValue } from '@wazo-ts/bus';
import {
  type BaseConfig,
  buildDaemonApp,
  createStatusAggregator,
  type DaemonPlugin,
  loadConfig,
} from '@wazo-ts/daemon';
import { createFakeTokenVerifier } from '@wazo-ts/daemon/testing';
import { createUnitOfWork, migrateToLatest } from '@wazo-ts/db';
import { createTestDatabase, testEncoder } from '@wazo-ts/db/testing';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { Kysely, PostgresDialect } from 'kysely';
import pino from 'pino';
import { chatdMigrations } from '../db/migrations/index.js';
import type { ChatdDatabase } from '../db/schema.js';
import { type ChatdConfig, chatdDaemon } from '../definition.js';
import type { ChatdResources } from '../resources.js';
import { roomsPlugin } from '../rooms/index.js';

export interface OutboxEvent {
  name: string;
  routingKey: string;
  headers: Record<string, HeaderValue>;
  data: Record<string, unknown>;
}

export interface RoomsHarness {
  db: Kysely<ChatdDatabase>;
  app: FastifyInstance;
  /** A tenant known to chatd. */
  seedTenant(): Promise<string>;
  /** A user known to chatd, in `tenantUuid`; its token carries `acl` (every chatd ACL by default). */
  seedUser(tenantUuid: string, acl?: string[]): Promise<{ uuid: string; token: string }>;
  /** A request as `token`. */
  as(token: string, options: InjectOptions): Promise<LightMyRequestResponse>;
  events(): Promise<OutboxEvent[]>;
  clearEvents(): Promise<void>;
  close(): Promise<void>;
}

export async function startRoomsHarness(overrides: Partial<ChatdConfig> = {}): Promise<RoomsHarness> {
  const testDb = await createTestDatabase({ prefix: 'wazo_chatd_test' });
  const db = new Kysely<ChatdDatabase>({ dialect: new PostgresDialect({ pool: testDb.pool }) });
  await migrateToLatest(db, chatdMigrations);
  const uow = createUnitOfWork<ChatdDatabase>({ db, encoder: testEncoder });
  const loaded = loadConfig(chatdDaemon as never, { argv: ['-c', '/nonexistent/config.yml'], env: {} });
  const config = { ...(loaded.config as ChatdConfig), uuid: randomUUID(), ...overrides };
  const resources = { db, uow, relay: {} as ChatdResources['relay'], close: async () => undefined };
  const verifier = createFakeTokenVerifier();
  const logger = pino({ level: 'silent' });
  const transport = createMemoryTransport();
  const bus = {
    transport,
    publisher: createBusPublisher({ transport, originUuid: 'o' }),
    consumer: createBusConsumer({ transport, name: 't' }),
  };
  const plugin = roomsPlugin as DaemonPlugin<ChatdConfig, ChatdResources>;
  const { app } = await buildDaemonApp({
    name: 'chatd',
    apiVersion: '1.0',
    config: config as BaseConfig,
    logger,
    status: createStatusAggregator(),
    verifier,
    errorShape: 'api',
    maskedConfig: () => ({}),
    setDebug: () => undefined,
    registerApi: async (api) => {
      await plugin.load({
        daemon: 'chatd',
        config,
        logger,
        api,
        status: createStatusAggregator(),
        reportStatus: () => undefined,
        lifecycle: { onStart: () => undefined, onStop: () => undefined },
        bus,
        serviceToken: null,
        resources: resources as ChatdResources,
      });
    },
  });
  await app.ready();
  return {
    db,
    app,
    async seedTenant() {
      const uuid = randomUUID();
      await db.insertInto('chatd_tenant').values({ uuid }).execute();
      return uuid;
    },
    async seedUser(tenantUuid, acl = ['chatd.#']) {
      const uuid = randomUUID();
      await db
        .insertInto('chatd_user')
        .values({ uuid, tenant_uuid: tenantUuid, state: 'unavailable' })
        .execute();
      const token = randomUUID();
      verifier.add({ token, auth_id: uuid, acl, metadata: { uuid, tenant_uuid: tenantUuid } });
      return { uuid, token };
    },
    as: (token, options) =>
      app.inject({
        ...options,
        headers: { ...options.headers, 'x-auth-token': token },
      }) as Promise<LightMyRequestResponse>,
    async events() {
      const { rows } = await testDb.pool.query<{
        name: string;
        routing_key: string;
        headers: Record<string, HeaderValue>;
        body: Buffer;
      }>('SELECT name, routing_key, headers, body FROM bus_outbox ORDER BY id');
      return rows.map((row) => ({
        name: row.name,
        routingKey: row.routing_key,
        headers: row.headers,
        data: JSON.parse(row.body.toString('utf8')).data,
      }));
    },
    async clearEvents() {
      await testDb.pool.query('DELETE FROM bus_outbox');
    },
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}
