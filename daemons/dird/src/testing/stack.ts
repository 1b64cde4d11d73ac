/**
 * wazo-dird under test, in this process, beside a real wazo-auth (throwaway databases) on one bus
 * transport: the in-process bus unless a test passes a RabbitMQ one. dird logs in with a service
 * key file of a master-tenant user holding the ACLs the platform gives it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuthUnderTest, postToken, startAuth } from '@wazo-ts/auth/testing';
import { type BusTransport, createMemoryTransport } from '@wazo-ts/bus';
import { type RunningDaemon, runDaemon } from '@wazo-ts/daemon';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/db/testing';
import { stringify } from 'yaml';
import { type DirdConfig, dirdDaemon } from '../index.js';

export interface DirdStack {
  auth: AuthUnderTest;
  daemon: RunningDaemon<DirdConfig>;
  database: TestDatabase;
  /** `<dird url>/0.1` */
  api: string;
  /** A token of a fresh user of `tenantUuid` (the master tenant by default) holding `acl`. */
  tokenFor(acl: string[], tenantUuid?: string): Promise<string>;
  /** Creates a tenant in wazo-auth (which announces it on the bus); its uuid. */
  createTenant(name: string, parentUuid?: string): Promise<string>;
  deleteTenant(uuid: string): Promise<void>;
  stop(): Promise<void>;
}

export interface StackOptions {
  transport?: BusTransport;
  config?: Record<string, unknown>;
}

async function waitHealthy(url: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const answer = await fetch(`${url}/0.1/status`, { method: 'HEAD' }).catch(() => null);
    if (answer?.status === 200) return;
    if (Date.now() > deadline) throw new Error(`wazo-dird never became healthy (${answer?.status})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const dbUri = (database: TestDatabase) => {
  const {
    host,
    port,
    user,
    database: name,
    password,
  } = database.config as {
    host: string;
    port: number;
    user: string;
    database: string;
    password?: string;
  };
  const credentials = password ? `${user}:${encodeURIComponent(password)}` : user;
  return `postgresql://${credentials}@${host}:${port}/${name}`;
};

export async function startStack(options: StackOptions = {}): Promise<DirdStack> {
  const owned = options.transport === undefined;
  const transport = options.transport ?? createMemoryTransport();
  const originUuid = randomUUID();
  const auth = await startAuth({ transport, config: { uuid: originUuid } });
  const database = await createTestDatabase({ prefix: 'wazo_dird_test' });
  const service = await auth.seedUser({
    acl: ['auth.tenants.read', 'confd.users.read'],
    purpose: 'internal',
  });
  const dir = await mkdtemp(join(tmpdir(), 'wazo-dird-test-'));
  const keyFile = join(dir, 'key.yml');
  await writeFile(keyFile, stringify({ service_id: service.username, service_key: service.password }));
  const file = join(dir, 'config.yml');
  await writeFile(
    file,
    stringify({
      uuid: originUuid,
      db_uri: dbUri(database),
      bus: { transport: 'memory' },
      user: null,
      allow_root: true,
      log_filename: join(dir, 'wazo-dird.log'),
      log_level: 'warning',
      log_stdout: false,
      extra_config_files: join(dir, 'conf.d'), // not dir: the configs and key files written there are no conf.d layers
      auth: { host: '127.0.0.1', port: Number(new URL(auth.url).port), https: false, key_file: keyFile },
      rest_api: { listen: '127.0.0.1', port: 0, certificate: null, private_key: null },
      service_discovery: { enabled: false },
      ...options.config,
    }),
  );
  const daemon = await runDaemon(dirdDaemon, {
    argv: ['-c', file],
    env: {},
    handleSignals: false,
    transport,
  });
  await waitHealthy(daemon.url);
  const admin = await auth.tokenFor(['auth.#']);
  const authCall = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${auth.api}${path}`, {
      method,
      headers: { 'x-auth-token': admin, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status >= 300)
      throw new Error(`wazo-auth ${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  };
  return {
    auth,
    daemon,
    database,
    api: `${daemon.url}/0.1`,
    async tokenFor(acl, tenantUuid) {
      const user = await auth.seedUser({ acl, ...(tenantUuid ? { tenantUuid } : {}) });
      return (await postToken(auth.api, user.username, user.password)).token;
    },
    async createTenant(name, parentUuid) {
      const created = (await authCall('POST', '/tenants', {
        name,
        ...(parentUuid ? { parent_uuid: parentUuid } : {}),
      })) as { uuid: string };
      return created.uuid;
    },
    async deleteTenant(uuid) {
      await authCall('DELETE', `/tenants/${uuid}`);
    },
    async stop() {
      await daemon.stop();
      await auth.stop();
      await database.drop();
      if (owned) await transport.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` holds (an event handled by the daemon has no other sign to await). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field in assertions
  body: any;
}

/** One call of dird's API with a token (and a tenant). */
export async function call(
  stack: DirdStack,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  tenantUuid?: string,
): Promise<Answer> {
  const headers: Record<string, string> = { 'x-auth-token': token };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (tenantUuid) headers['wazo-tenant'] = tenantUuid;
  const response = await fetch(`${stack.api}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
