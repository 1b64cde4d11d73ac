/**
 * What the delivery engine's tests stand on: a throwaway PostgreSQL database with webhookd's
 * migrations, a throwaway exchange and queue on the real RabbitMQ, HTTP receivers on port 0 that
 * record every request and answer as told, subscriptions written straight into the tables (the
 * REST API is another part's), and events published with Wazo's envelope.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AmqpTransport, createAmqpTransport, encodeEvent, type HeaderValue } from '@wazo-ts/bus';
import { createDatabase, migrateToLatest } from '@wazo-ts/db';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/db/testing';
import type { Kysely } from 'kysely';
import { Connection } from 'rabbitmq-client';
import { webhookdMigrations } from '../db/migrations/index.js';
import type { WebhookdDatabase } from '../db/schema.js';
import type { DeliveryConfig } from '../delivery/config.js';
import { defaultDeniedTargets } from '../delivery/target-guard.js';

export const testAmqpUri = process.env.WAZO_TEST_AMQP_URI ?? 'amqp://guest:guest@127.0.0.1:5672';

export function testDeliveryConfig(
  overrides: Partial<DeliveryConfig['delivery']> = {},
  top: Partial<DeliveryConfig> = {},
): DeliveryConfig {
  return {
    hook_max_attempts: 10,
    hook_http_retry_countdown_factor: 2,
    ...top,
    delivery: {
      enabled: true,
      queue: `wazo-webhookd-test.${randomBytes(4).toString('hex')}`,
      prefetch: 50,
      concurrency: 10,
      retry_first_delay: 0.01,
      connect_timeout: 5,
      read_timeout: 15,
      max_redirects: 30,
      response_body_max_bytes: 65536,
      denied_networks: defaultDeniedTargets,
      template_max_steps: 100_000,
      template_max_output: 1_048_576,
      log_retention_days: 30,
      ...overrides,
    },
  };
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Answer = { status: number; body?: string; delayMs?: number; headers?: Record<string, string> };

export interface Receiver {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** Decides each answer (default 200). */
  answer: (request: ReceivedRequest) => Answer | Promise<Answer>;
  /** Resolves once `count` requests arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/** A receiver on `port` (0: any free port; a given one to come back where a closed one was). */
export async function startReceiver(port = 0): Promise<Receiver> {
  const emitter = new EventEmitter();
  const receiver: Receiver = {
    url: '',
    port: 0,
    requests: [],
    answer: () => ({ status: 200 }),
    waitFor(count, timeoutMs = 20_000) {
      if (receiver.requests.length >= count) return Promise.resolve(receiver.requests);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          emitter.off('request', check);
          reject(new Error(`got ${receiver.requests.length} of ${count} requests`));
        }, timeoutMs);
        function check() {
          if (receiver.requests.length < count) return;
          clearTimeout(timer);
          emitter.off('request', check);
          resolve(receiver.requests);
        }
        emitter.on('request', check);
      });
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = {
      method: req.method!,
      url: req.url!,
      headers: req.headers,
      body: Buffer.concat(chunks).toString(),
    };
    const answer = await receiver.answer(request);
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    // Recorded once answered: a test waiting for N requests then sees N answered ones.
    res
      .writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers })
      .end(answer.body ?? '{"ok": true}');
    receiver.requests.push(request);
    emitter.emit('request');
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}`;
  return receiver;
}

export interface SubscriptionSpec {
  uuid?: string;
  name?: string;
  service?: string;
  events: string[];
  config: Record<string, string>;
  owner_tenant_uuid: string;
  owner_user_uuid?: string | null;
  events_user_uuid?: string | null;
  events_wazo_uuid?: string | null;
}

export interface DeliveryTestBed {
  db: Kysely<WebhookdDatabase>;
  database: TestDatabase;
  transport: AmqpTransport;
  exchange: string;
  masterTenant: string;
  originUuid: string;
  addSubscription(spec: SubscriptionSpec): Promise<string>;
  /** Publishes an event with Wazo's envelope (tenant and user headers as given). */
  publish(name: string, data: unknown, headers?: Record<string, HeaderValue>): Promise<string>;
  logs(
    subscriptionUuid: string,
  ): Promise<{ uuid: string; status: string; attempts: number; detail: Record<string, unknown> }[]>;
  cleanup(queues: string[]): Promise<void>;
}

export async function deliveryTestBed(): Promise<DeliveryTestBed> {
  const database = await createTestDatabase({ prefix: 'wazo_test_webhookd' });
  const uri = `postgresql://${database.config.user}@${database.config.host}:${database.config.port}/${database.name}`;
  const handle = createDatabase<WebhookdDatabase>({ uri });
  await migrateToLatest(handle.db, webhookdMigrations);
  const exchange = `wazo-ts-test.webhookd.${randomBytes(4).toString('hex')}`;
  const transport = createAmqpTransport({
    config: { uri: testAmqpUri, exchange_name: exchange },
    connectionName: exchange,
    retryLowMs: 100,
    retryHighMs: 500,
  });
  const originUuid = randomUUID();
  const db = handle.db;
  return {
    db,
    database,
    transport,
    exchange,
    masterTenant: randomUUID(),
    originUuid,
    async addSubscription(spec) {
      const uuid = spec.uuid ?? randomUUID();
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('webhookd_subscription')
          .values({
            uuid,
            name: spec.name ?? 'test',
            service: spec.service ?? 'http',
            owner_tenant_uuid: spec.owner_tenant_uuid,
            owner_user_uuid: spec.owner_user_uuid ?? null,
            events_user_uuid: spec.events_user_uuid ?? null,
            events_wazo_uuid: spec.events_wazo_uuid ?? null,
          })
          .execute();
        await tx
          .insertInto('webhookd_subscription_event')
          .values(spec.events.map((event_name) => ({ subscription_uuid: uuid, event_name })))
          .execute();
        const options = Object.entries(spec.config).map(([name, value]) => ({
          subscription_uuid: uuid,
          name,
          value,
        }));
        if (options.length > 0) await tx.insertInto('webhookd_subscription_option').values(options).execute();
      });
      return uuid;
    },
    async publish(name, data, headers = {}) {
      const messageId = randomUUID();
      const event = {
        name,
        data,
        headers: { ...headers, name },
        routingKey: `test.${name}`,
        requiredAcl: `events.test.${name}`,
      };
      await transport.publish(encodeEvent(event, { originUuid, messageId }));
      return messageId;
    },
    async logs(subscriptionUuid) {
      const rows = await db
        .selectFrom('webhookd_subscription_log')
        .select(['uuid', 'status', 'attempts', 'detail', 'started_at'])
        .where('subscription_uuid', '=', subscriptionUuid)
        .orderBy('started_at')
        .orderBy('attempts')
        .execute();
      return rows.map((r) => ({ uuid: r.uuid, status: r.status, attempts: r.attempts, detail: r.detail }));
    },
    async cleanup(queues) {
      await transport.close();
      const admin = new Connection({ url: testAmqpUri, connectionName: `${exchange} cleanup` });
      for (const queue of [...queues, transport.deadLetterQueue])
        await admin.queueDelete({ queue }).catch(() => undefined);
      await admin.exchangeDelete({ exchange }).catch(() => undefined);
      await admin.close();
      await handle.close();
      await database.drop();
    },
  };
}
