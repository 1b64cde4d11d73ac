/**
 * wazo-webhookd as a real child process, SIGKILLed in the middle of a stream of events while more
 * keep coming, then started again: every event reaches the receiver, in publication order, and a
 * callback repeated across the crash (sent, but its success not yet committed) carries the same
 * delivery id, so the receiver can drop it.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createAmqpTransport, encodeEvent } from '@wazo-ts/bus';
import {
  type DaemonProcess,
  type FakeWazoAuth,
  startDaemonProcess,
  startFakeWazoAuth,
} from '@wazo-ts/daemon/testing';
import { createDatabase, migrateToLatest } from '@wazo-ts/db';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/db/testing';
import { Connection } from 'rabbitmq-client';
import { webhookdMigrations } from '../src/db/migrations/index.js';
import { type Receiver, startReceiver } from '../src/testing/delivery.js';

const AMQP_URI = process.env.WAZO_TEST_AMQP_URI ?? 'amqp://guest:guest@127.0.0.1:5672';
const ENTRY = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const SERVICE = { username: 'wazo-webhookd', password: randomBytes(8).toString('hex') };
const TENANT = randomUUID();
const EVENTS = 150;

async function until(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('wazo-webhookd killed mid-stream', { timeout: 180_000 }, () => {
  let auth: FakeWazoAuth;
  let database: TestDatabase;
  let receiver: Receiver;
  let dir: string;
  let configFile: string;
  let dbUri: string;
  const exchange = `wazo-ts-test.webhookd-crash.${randomBytes(4).toString('hex')}`;
  const queue = `${exchange}.deliveries`;
  const daemons: DaemonProcess[] = [];
  const transport = createAmqpTransport({
    config: { uri: AMQP_URI, exchange_name: exchange },
    connectionName: exchange,
  });

  before(async () => {
    auth = await startFakeWazoAuth();
    auth.setCredentials(SERVICE.username, SERVICE.password);
    database = await createTestDatabase({ prefix: 'wazo_webhookd_crash' });
    receiver = await startReceiver();
    // Slow enough that the stream is still going when the daemon is killed.
    receiver.answer = () => ({ status: 200, delayMs: 5 });
    dir = await mkdtemp(join(tmpdir(), 'wazo-webhookd-crash-'));
    const { host, port, user, database: name } = database.config;
    dbUri = `postgresql://${user}@${host}:${port}/${name}`;
    configFile = join(dir, 'config.yml');
    const config = {
      db_uri: dbUri,
      uuid: 'wazo-under-test',
      bus: { transport: 'amqp', uri: AMQP_URI, exchange_name: exchange, exchange_type: 'headers' },
      user: null,
      allow_root: true,
      log_filename: join(dir, 'wazo-webhookd.log'),
      log_level: 'info',
      extra_config_files: join(dir, 'conf.d'), // not dir: the configs and key files written there are no conf.d layers
      auth: { host: '127.0.0.1', port: auth.port, https: false, key_file: null, ...SERVICE },
      rest_api: { listen: '127.0.0.1', port: 0, certificate: null, private_key: null },
      service_discovery: { enabled: false },
      delivery: { queue, retry_first_delay: 0.01 },
    };
    await writeFile(configFile, JSON.stringify(config, null, 2));
  });
  after(async () => {
    for (const daemon of daemons) await daemon.stop('SIGKILL');
    await receiver?.close();
    await transport.close();
    const broker = new Connection({ url: AMQP_URI, connectionName: `${exchange} cleanup` });
    await broker.queueDelete({ queue }).catch(() => undefined);
    await broker.exchangeDelete({ exchange }).catch(() => undefined);
    await broker.close();
    await database?.drop();
    await auth?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function start(): Promise<DaemonProcess> {
    const daemon = await startDaemonProcess({
      entry: ENTRY,
      args: ['-c', configFile, '-d'],
      timeoutMs: 60_000,
    });
    daemons.push(daemon);
    return daemon;
  }

  const publish = (seq: number) =>
    transport.publish(
      encodeEvent(
        {
          name: 'crash_test',
          data: { seq },
          headers: { tenant_uuid: TENANT, name: 'crash_test' },
          routingKey: 'test.crash',
          requiredAcl: 'events.test.crash',
        },
        { originUuid: 'another-wazo', messageId: randomUUID() },
      ),
    );

  it('when the daemon is SIGKILLed while events flow, then after a restart every event is delivered, in order', async () => {
    // The subscription is in the (migrated) database before the daemon starts and binds it.
    const handle = createDatabase<unknown>({ uri: dbUri });
    await migrateToLatest(handle.db, webhookdMigrations);
    await handle.close();
    const sub = randomUUID();
    await database.pool.query(
      `INSERT INTO webhookd_subscription (uuid, name, service, owner_tenant_uuid) VALUES ($1, 'crash', 'http', $2)`,
      [sub, TENANT],
    );
    await database.pool.query(`INSERT INTO webhookd_subscription_event VALUES ($1, 'crash_test')`, [sub]);
    await database.pool.query(
      `INSERT INTO webhookd_subscription_option VALUES ($1, 'url', $2), ($1, 'method', 'post')`,
      [sub, `${receiver.url}/{{ event.seq }}`],
    );
    const running = await start();
    const bound = async () =>
      (await database.pool.query(`SELECT 1 FROM webhookd_delivery_binding`)).rows.length > 0;
    await until(bound, 'the delivery queue bound');

    let published = 0;
    const publishing = (async () => {
      for (; published < EVENTS; published += 1) await publish(published);
    })();
    await until(() => receiver.requests.length >= 30, 'thirty callbacks before the kill');
    await running.stop('SIGKILL');
    const atKill = receiver.requests.length;
    await publishing;
    assert.ok(atKill < EVENTS, `the kill came mid-stream (${atKill} of ${EVENTS} delivered)`);
    await start();
    await until(
      () => new Set(receiver.requests.map((r) => r.url)).size >= EVENTS,
      'every event delivered',
      120_000,
    );

    const seqs = receiver.requests.map((r) => Number(r.url.slice(1)));
    const ids = receiver.requests.map((r) => String(r.headers['x-wazo-delivery-id']));
    // Repeats are only the callback in flight at the kill, sent again right after, with its id.
    const firstSeen: number[] = [];
    const idOf = new Map<number, string>();
    seqs.forEach((seq, i) => {
      if (idOf.has(seq)) {
        assert.equal(ids[i], idOf.get(seq), `a repeat of ${seq} carries the same delivery id`);
        assert.equal(seq, firstSeen.at(-1), `a repeat of ${seq} comes right after it`);
      } else {
        idOf.set(seq, ids[i]!);
        firstSeen.push(seq);
      }
    });
    assert.deepEqual(
      firstSeen,
      Array.from({ length: EVENTS }, (_, i) => i),
      'every event, in order',
    );
    assert.ok(
      seqs.length - EVENTS <= 1,
      `at most the one in-flight callback repeated (${seqs.length - EVENTS})`,
    );
    const { rows } = await database.pool.query(`SELECT count(*)::int AS n FROM webhookd_delivery`);
    assert.equal(rows[0].n, 0, 'no delivery left pending');
  });
});
