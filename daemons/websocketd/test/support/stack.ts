/**
 * wazo-websocketd under test, in this process, beside a real wazo-auth (`startAuth`, throwaway
 * database) sharing one bus transport: the in-process bus unless a test passes a RabbitMQ one, or
 * asks for wazo-auth on a bus of its own (its events then never reach websocketd).
 * websocketd logs in with a service key file of a master-tenant user, as on a Wazo install.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AuthUnderTest,
  createUserSeeder,
  postToken,
  type SeededUser,
  startAuth,
  type UserSeeder,
} from '@wazo-ts/auth/testing';
import { type BusTransport, createMemoryTransport } from '@wazo-ts/bus';
import { type RunningDaemon, runDaemon } from '@wazo-ts/daemon';
import { stringify } from 'yaml';
import { type WebsocketdConfig, websocketdDaemon } from '../../src/index.js';

export interface StackOptions {
  /** Shared bus transport (default: a fresh in-process one, closed with the stack). */
  transport?: BusTransport;
  /** wazo-auth on its own in-process bus, so websocketd misses its events (a dropped queue). */
  separateAuthBus?: boolean;
  /** websocketd config keys over the test defaults. */
  config?: Record<string, unknown>;
}

export interface TokenRequest {
  acl: string[];
  tenantUuid?: string;
  purpose?: 'user' | 'internal' | 'external_api';
  /** Seconds. */
  expiration?: number;
}

export interface IssuedSession {
  token: string;
  sessionUuid: string;
  user: SeededUser;
}

export interface WebsocketdStack {
  auth: AuthUnderTest;
  daemon: RunningDaemon<WebsocketdConfig>;
  transport: BusTransport;
  /** This Wazo's uuid: `origin_uuid` of every event websocketd forwards. */
  originUuid: string;
  /** `ws://127.0.0.1:<port>` */
  wsBase: string;
  seeder: UserSeeder;
  /** A real token of a fresh user holding exactly `acl`. */
  login(request: TokenRequest): Promise<IssuedSession>;
  stop(): Promise<void>;
}

async function waitHealthy(url: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const answer = await fetch(`${url}/1.0/status`, { method: 'HEAD' }).catch(() => null);
    if (answer?.status === 200) return;
    if (Date.now() > deadline) throw new Error(`websocketd never became healthy (${answer?.status})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function startStack(options: StackOptions = {}): Promise<WebsocketdStack> {
  const owned = options.transport === undefined;
  const transport = options.transport ?? createMemoryTransport();
  const originUuid = randomUUID();
  const authBus = options.separateAuthBus ? createMemoryTransport() : transport;
  const auth = await startAuth({ transport: authBus, config: { uuid: originUuid } });
  const seeder = createUserSeeder(auth.database.pool, auth.daemon.config.password_hash_iterations);
  const service = await auth.seedUser({ acl: ['auth.#'], purpose: 'internal' });
  const dir = await mkdtemp(join(tmpdir(), 'wazo-websocketd-test-'));
  const keyFile = join(dir, 'key.yml');
  await writeFile(keyFile, stringify({ service_id: service.username, service_key: service.password }));
  const file = join(dir, 'config.yml');
  const authPort = Number(new URL(auth.url).port);
  await writeFile(file, stringify(testConfig({ dir, keyFile, authPort, originUuid, ...options })));
  const daemon = await runDaemon(websocketdDaemon, {
    argv: ['-c', file],
    env: {},
    handleSignals: false,
    transport,
  });
  await waitHealthy(daemon.url);
  return {
    auth,
    daemon,
    transport,
    originUuid,
    wsBase: daemon.url.replace(/^http/, 'ws'),
    seeder,
    async login(request) {
      const tenantUuid = request.tenantUuid ?? auth.masterTenantUuid;
      const user = await seeder.seed({ tenantUuid, acl: request.acl, purpose: request.purpose ?? 'user' });
      const issued = await postToken(auth.api, user.username, user.password, {
        body: { expiration: request.expiration ?? 600 },
      });
      return { token: issued.token, sessionUuid: issued.session_uuid, user };
    },
    async stop() {
      await daemon.stop();
      await auth.stop();
      if (authBus !== transport) await authBus.close();
      if (owned) await transport.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

interface ConfigInputs extends StackOptions {
  dir: string;
  keyFile: string;
  authPort: number;
  originUuid: string;
}

function testConfig({ dir, keyFile, authPort, originUuid, config }: ConfigInputs) {
  return {
    uuid: originUuid,
    bus: { transport: 'memory' },
    user: null,
    allow_root: true,
    log_filename: join(dir, 'wazo-websocketd.log'),
    log_level: 'warning',
    log_stdout: false,
    extra_config_files: join(dir, 'conf.d'), // not dir: the configs and key files written there are no conf.d layers
    auth: { host: '127.0.0.1', port: authPort, https: false, key_file: keyFile },
    rest_api: { listen: '127.0.0.1', port: 0, certificate: null, private_key: null },
    service_discovery: { enabled: false },
    ...config,
  };
}
