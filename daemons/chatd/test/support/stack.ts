/**
 * wazo-chatd under test with the real daemons it lives among, in this process, on the real
 * RabbitMQ (a throwaway exchange, so parallel runs do not see each other's events): wazo-auth
 * (`startAuth`), wazo-confd (`startConfd`), wazo-websocketd and wazo-chatd, each on its own
 * throwaway database, plus a TLS gateway with Wazo's public paths for @wazo/sdk. chatd can be
 * stopped and started again on the same database (a restart that misses events).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuthUnderTest, startAuth, startTlsGateway, type TlsGateway } from '@wazo-ts/auth/testing';
import { type ConfdUnderTest, startConfd } from '@wazo-ts/confd/testing';
import { type RunningDaemon, runDaemon } from '@wazo-ts/daemon';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/db/testing';
import { websocketdDaemon } from '@wazo-ts/websocketd';
import { Connection } from 'rabbitmq-client';
import { chatdDaemon } from '../../src/index.js';

const AMQP_URI = process.env.WAZO_TEST_AMQP_URI ?? 'amqp://guest:guest@127.0.0.1:5672';

/** What wazo-chatd reads with its own token (Wazo's chatd key file holds these). */
export const CHATD_SERVICE_ACL = [
  'auth.tenants.read',
  'auth.sessions.read',
  'auth.tokens.read',
  'confd.users.read',
];

export interface ChatdStack {
  auth: AuthUnderTest;
  confd: ConfdUnderTest;
  websocketd: RunningDaemon;
  chatd: RunningDaemon;
  gateway: TlsGateway;
  /** `<chatd url>/1.0` (of the chatd running now). */
  chatdApi(): string;
  wsBase: string;
  /** An admin token of the master tenant (confd and chatd). */
  admin: string;
  /** A confd user (and its wazo-auth login, default user policy) in the master tenant. */
  createUser(name: string): Promise<{ uuid: string; username: string; password: string }>;
  stopChatd(): Promise<void>;
  /** Another chatd on the same database with config keys over the stack's (the caller stops it). */
  runChatd(overrides: Record<string, unknown>): Promise<RunningDaemon>;
  startChatd(): Promise<void>;
  stop(): Promise<void>;
}

const quiet = (dir: string, name: string) => ({
  user: null,
  allow_root: true,
  log_filename: join(dir, `wazo-${name}.log`),
  log_level: process.env.WAZO_TEST_KEEP_LOGS ? 'info' : 'warning',
  log_stdout: false,
  // Its own empty folder: the config files and key files this stack writes in `dir` must not be
  // read as conf.d layers by every daemon (a chatd pointed at a dead confd once leaked into all).
  extra_config_files: join(dir, 'conf.d'),
  rest_api: { listen: '127.0.0.1', port: 0, certificate: null, private_key: null },
  service_discovery: { enabled: false },
});

/** Until chatd's start-up synchronization is done (its /status says so): a loaded machine may take a while. */
async function waitInitialized(chatd: RunningDaemon, token: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = await fetch(`${chatd.url}/1.0/status`, { headers: { 'X-Auth-Token': token } }).catch(
      () => null,
    );
    const body = answer?.ok
      ? ((await answer.json()) as { presence_initialization?: { status?: string } })
      : null;
    if (body?.presence_initialization?.status === 'ok') return;
    if (Date.now() > deadline) throw new Error(`chatd never synchronized: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function runWithConfig<C extends object>(
  definition: Parameters<typeof runDaemon>[0],
  dir: string,
  config: C,
): Promise<RunningDaemon> {
  const file = join(dir, `${randomBytes(3).toString('hex')}.yml`);
  await writeFile(file, JSON.stringify(config));
  return runDaemon(definition, { argv: ['-c', file], env: {}, handleSignals: false });
}

export async function startChatdStack(): Promise<ChatdStack> {
  const exchange = `wazo-ts-test.chatd.${randomBytes(4).toString('hex')}`;
  const bus = { transport: 'amqp', uri: AMQP_URI, exchange_name: exchange, exchange_type: 'headers' };
  const uuid = randomUUID();
  const dir = await mkdtemp(join(tmpdir(), 'wazo-chatd-stack-'));
  await mkdir(join(dir, 'conf.d'));
  const auth = await startAuth({ config: { bus, uuid } });
  const confd = await startConfd(auth, { uuid, config: { bus } });
  const authAddress = { host: '127.0.0.1', port: Number(new URL(auth.url).port), https: false };

  const keyFile = async (name: string, acl: string[]) => {
    const account = await auth.seedUser({ purpose: 'internal', acl });
    const file = join(dir, `${name}-key.yml`);
    await writeFile(file, JSON.stringify({ service_id: account.username, service_key: account.password }));
    return file;
  };
  const websocketd = await runWithConfig(websocketdDaemon, dir, {
    ...quiet(dir, 'websocketd'),
    uuid,
    bus,
    auth: { ...authAddress, key_file: await keyFile('websocketd', ['auth.#']) },
  });

  const database: TestDatabase = await createTestDatabase({ prefix: 'wazo_chatd_stack' });
  const { host, port, user, database: name } = database.config;
  const chatdConfig = {
    ...quiet(dir, 'chatd'),
    uuid,
    bus,
    db_uri: `postgresql://${user}@${host}:${port}/${name}`,
    auth: { ...authAddress, key_file: await keyFile('chatd', CHATD_SERVICE_ACL) },
    confd: { host: '127.0.0.1', port: Number(new URL(confd.url).port), https: false },
  };
  let chatd: RunningDaemon | null = await runWithConfig(chatdDaemon, dir, chatdConfig);
  const gateway = await startTlsGateway({
    '/api/auth/': auth.url,
    '/api/confd/': confd.url,
    '/api/websocketd/': websocketd.url,
    '/api/chatd/': chatd.url,
  });
  const admin = await auth.tokenFor(['confd.#', 'chatd.#', 'auth.#']);
  await waitInitialized(chatd, admin);

  return {
    auth,
    confd,
    websocketd,
    get chatd() {
      if (!chatd) throw new Error('chatd is stopped');
      return chatd;
    },
    gateway,
    chatdApi: () => `${(chatd as RunningDaemon).url}/1.0`,
    wsBase: websocketd.url.replace(/^http/, 'ws'),
    admin,
    async createUser(firstname) {
      const username = `${firstname.toLowerCase()}-${randomBytes(3).toString('hex')}`;
      const password = `${username}-secret`;
      const answer = await fetch(`${confd.api}/users`, {
        method: 'POST',
        headers: { 'X-Auth-Token': admin, 'Content-Type': 'application/json' },
        body: JSON.stringify({ firstname, auth: { username, password } }),
      });
      const body = await answer.text();
      if (answer.status !== 201) throw new Error(`POST /users: ${answer.status} ${body}`);
      return { uuid: (JSON.parse(body) as { uuid: string }).uuid, username, password };
    },
    async stopChatd() {
      await chatd?.stop();
      chatd = null;
    },
    runChatd: (overrides) => runWithConfig(chatdDaemon, dir, { ...chatdConfig, ...overrides }),
    async startChatd() {
      // A new port: the gateway's chatd path is not used after a restart (tests call chatd directly).
      chatd = await runWithConfig(chatdDaemon, dir, chatdConfig);
      await waitInitialized(chatd, admin);
    },
    async stop() {
      await gateway.close();
      await chatd?.stop();
      await websocketd.stop();
      await confd.stop();
      await auth.stop();
      await database.drop();
      if (process.env.WAZO_TEST_KEEP_LOGS) process.stderr.write(`logs kept in ${dir}\n`);
      else await rm(dir, { recursive: true, force: true });
      const broker = new Connection({ url: AMQP_URI, connectionName: `${exchange} cleanup` });
      await broker.exchangeDelete({ exchange }).catch(() => undefined);
      await broker.close();
    },
  };
}
