/**
 * wazo-dird for lookup tests, as it runs for real: a real wazo-auth, optionally a real
 * wazo-confd (the wazo and conference backends read it), dird in this process on a throwaway
 * database, all on one in-memory bus; and factories writing sources, displays and profiles
 * straight into dird's tables (the configuration API is tested on its own).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuthUnderTest, postToken, startAuth } from '@wazo-ts/auth/testing';
import { type BusTransport, createMemoryTransport } from '@wazo-ts/bus';
import { type ConfdUnderTest, startConfd } from '@wazo-ts/confd/testing';
import { type RunningDaemon, runDaemon } from '@wazo-ts/daemon';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/db/testing';
import { Kysely, PostgresDialect } from 'kysely';
import type { DirdDatabase } from '../db/schema.js';
import { type DirdConfig, dirdDaemon } from '../definition.js';

const stringify = (value: unknown) => JSON.stringify(value, null, 2);

export interface LookupStack {
  auth: AuthUnderTest;
  confd: ConfdUnderTest | null;
  dird: RunningDaemon<DirdConfig>;
  /** `http://127.0.0.1:<port>/0.1` */
  api: string;
  db: Kysely<DirdDatabase>;
  transport: BusTransport;
  tenantUuid: string;
  /** A token of a new user of the master tenant holding `acl`, and the user's uuid. */
  userToken(acl: string[]): Promise<{ token: string; userUuid: string }>;
  stop(): Promise<void>;
}

export async function startLookupStack(options: { confd?: boolean; dird?: Record<string, unknown> } = {}) {
  const transport = createMemoryTransport();
  const uuid = randomUUID();
  const auth = await startAuth({ transport, config: { uuid } });
  const cleanup: Array<() => Promise<unknown>> = [() => auth.stop()];
  const undo = async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  };
  try {
    const confd = options.confd ? await startConfd(auth, { transport, uuid }) : null;
    if (confd) cleanup.push(() => confd.stop());
    const database = await createTestDatabase({ prefix: 'wazo_dird_test' });
    cleanup.push(() => database.drop());
    const dir = await mkdtemp(join(tmpdir(), 'wazo-dird-test-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const account = await auth.seedUser({ purpose: 'internal', acl: ['confd.#', 'auth.#'] });
    const keyFile = join(dir, 'wazo-dird-key.yml');
    await writeFile(keyFile, stringify({ service_id: account.username, service_key: account.password }));
    const file = join(dir, 'config.yml');
    await writeFile(
      file,
      stringify({ ...configOf(database, dir, auth, keyFile, uuid, confd), ...options.dird }),
    );
    const dird = await runDaemon(dirdDaemon, {
      argv: ['-c', file],
      env: {},
      handleSignals: false,
      transport,
    });
    cleanup.push(() => dird.stop());
    const db = new Kysely<DirdDatabase>({ dialect: new PostgresDialect({ pool: database.pool }) });
    const api = `${dird.url}/0.1`;
    await waitForServiceToken(api, await auth.tokenFor(['dird.status.read']));
    const stack: LookupStack = {
      auth,
      confd,
      dird,
      api,
      db,
      transport,
      tenantUuid: auth.masterTenantUuid,
      async userToken(acl) {
        const user = await auth.seedUser({ acl });
        return {
          token: (await postToken(auth.api, user.username, user.password)).token,
          userUuid: user.uuid,
        };
      },
      stop: undo,
    };
    return stack;
  } catch (error) {
    await undo();
    throw error;
  }
}

/** dird reads confd with its own token: tests start once it holds one (bounded). */
async function waitForServiceToken(api: string, token: string) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const answer = await fetch(`${api}/status`, { headers: { 'X-Auth-Token': token } });
    const status = (await answer.json()) as { service_token?: { status?: string } };
    if (status.service_token?.status === 'ok') return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('wazo-dird got no service token');
}

function configOf(
  database: TestDatabase,
  dir: string,
  auth: AuthUnderTest,
  keyFile: string,
  uuid: string,
  confd: ConfdUnderTest | null,
) {
  const { host, port, user, database: name } = database.config;
  const authUrl = new URL(auth.url);
  const confdUrl = confd ? new URL(confd.url) : null;
  return {
    uuid,
    db_uri: `postgresql://${user}@${host}:${port}/${name}`,
    bus: { transport: 'memory' },
    user: null,
    allow_root: true,
    log_filename: join(dir, 'wazo-dird.log'),
    log_level: 'warning',
    log_stdout: false,
    extra_config_files: join(dir, 'conf.d'), // not dir: the configs and key files written there are no conf.d layers
    auth: { host: authUrl.hostname, port: Number(authUrl.port), https: false, key_file: keyFile },
    ...(confdUrl ? { confd: { host: confdUrl.hostname, port: Number(confdUrl.port), https: false } } : {}),
    rest_api: { listen: '127.0.0.1', port: 0, certificate: null, private_key: null },
    service_discovery: { enabled: false },
  };
}
