/**
 * wazo-webhookd as it runs for real, in this process, for tests of webhookd and of the tools
 * around it: `runDaemon(webhookdDaemon)` on a throwaway database it migrates at start, the kit's
 * fake wazo-auth (tokens, the tenant tree, a service account) and the bus given by the test
 * (a throwaway exchange on the real RabbitMQ by default).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningDaemon, runDaemon } from '@wazo-ts/daemon';
import { type FakeWazoAuth, startFakeWazoAuth } from '@wazo-ts/daemon/testing';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/db/testing';
import { Connection } from 'rabbitmq-client';
import { type WebhookdConfig, webhookdDaemon } from '../definition.js';

export const AMQP_URI = process.env.WAZO_TEST_AMQP_URI ?? 'amqp://guest:guest@127.0.0.1:5672';

/** The tenant the fake wazo-auth gives the service account's tokens. */
export const FAKE_MASTER_TENANT = 'master-tenant';

export interface WebhookdUnderTest {
  daemon: RunningDaemon<WebhookdConfig>;
  /** `<url>/1.0` */
  api: string;
  auth: FakeWazoAuth;
  database: TestDatabase;
  /** The bus config the daemon runs with (its exchange is the test's own). */
  bus: { transport: 'amqp'; uri: string; exchange_name: string; exchange_type: 'headers' };
  stop(): Promise<void>;
}

export interface StartWebhookdOptions {
  /** Top-level config keys over the test defaults. */
  config?: Record<string, unknown>;
}

const SERVICE = { username: 'wazo-webhookd', password: randomBytes(8).toString('hex') };

export async function startWebhookd(options: StartWebhookdOptions = {}): Promise<WebhookdUnderTest> {
  const auth = await startFakeWazoAuth();
  auth.setCredentials(SERVICE.username, SERVICE.password);
  const database = await createTestDatabase({ prefix: 'wazo_webhookd_test' });
  const dir = await mkdtemp(join(tmpdir(), 'wazo-webhookd-test-'));
  const exchange = `wazo-ts-test.webhookd.${randomBytes(4).toString('hex')}`;
  const bus = {
    transport: 'amqp',
    uri: AMQP_URI,
    exchange_name: exchange,
    exchange_type: 'headers',
  } as const;
  const { host, port, user, database: name } = database.config;
  const file = join(dir, 'config.yml');
  const config = {
    db_uri: `postgresql://${user}@${host}:${port}/${name}`,
    uuid: 'wazo-under-test',
    bus,
    user: null,
    allow_root: true,
    log_filename: join(dir, 'wazo-webhookd.log'),
    log_level: 'warning',
    log_stdout: false,
    extra_config_files: join(dir, 'conf.d'), // not dir: the configs and key files written there are no conf.d layers
    auth: { host: '127.0.0.1', port: auth.port, https: false, key_file: null, ...SERVICE },
    rest_api: { listen: '127.0.0.1', port: 0, certificate: null, private_key: null },
    service_discovery: { enabled: false },
    // The delivery engine's durable queue is the test's own (a shared one would mix test runs).
    delivery: { queue: `${exchange}.deliveries`, retry_first_delay: 0.01 },
    ...options.config,
  };
  // JSON is YAML.
  await writeFile(file, JSON.stringify(config, null, 2));
  let daemon: RunningDaemon<WebhookdConfig>;
  try {
    daemon = await runDaemon(webhookdDaemon, { argv: ['-c', file], env: {}, handleSignals: false });
  } catch (error) {
    await Promise.all([database.drop(), auth.close(), rm(dir, { recursive: true, force: true })]);
    throw error;
  }
  return {
    daemon,
    api: `${daemon.url}/1.0`,
    auth,
    database,
    bus,
    async stop() {
      await daemon.stop();
      await auth.close();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
      const broker = new Connection({ url: AMQP_URI, connectionName: `${exchange} cleanup` });
      await broker.exchangeDelete({ exchange }).catch(() => undefined);
      await broker.queueDelete({ queue: `${exchange}.deliveries` }).catch(() => undefined);
      await broker.close();
    },
  };
}
