/**
 * wazo-confd as it runs for real, in this process, for tests of confd and of the daemons and
 * tools around it: `runDaemon(confdDaemon)` on a throwaway migrated database, a real wazo-auth
 * (`startAuth` from @wazo-ts/auth/testing) for tokens, sub-tenants and users' logins, and a
 * service account read from a Wazo key file (`service_id`/`service_key`).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuthUnderTest } from '@wazo-ts/auth/testing';
import type { BusTransport } from '@wazo-ts/bus';
import { type RunningDaemon, runDaemon } from '@wazo-ts/daemon';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/db/testing';
import { type ConfdConfig, confdDaemon } from '../definition.js';

/** What confd asks of wazo-auth with its own token: tenants, and users' logins on POST/DELETE /users. */
export const CONFD_SERVICE_ACL = [
  'auth.users.create',
  'auth.users.*.delete',
  'auth.tenants.read',
  'auth.users.read',
  'auth.users.*.update',
  'auth.admin.users.*.emails.update',
];

export interface ConfdUnderTest {
  daemon: RunningDaemon<ConfdConfig>;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `<url>/1.1` */
  api: string;
  database: TestDatabase;
  stop(): Promise<void>;
}

export interface StartConfdOptions {
  /** The bus transport shared with the other daemons of the test (else a private in-memory one). */
  transport?: BusTransport;
  /** The Wazo uuid (events' origin_uuid): the same as websocketd's when events must reach it. */
  uuid?: string;
  /** Top-level config keys over the test defaults. */
  config?: Record<string, unknown>;
}

/** JSON is YAML: the config and key files need no YAML writer. */
const stringify = (value: unknown) => JSON.stringify(value, null, 2);

export async function startConfd(
  auth: AuthUnderTest,
  options: StartConfdOptions = {},
): Promise<ConfdUnderTest> {
  const account = await auth.seedUser({ purpose: 'internal', acl: CONFD_SERVICE_ACL });
  const database = await createTestDatabase({ prefix: 'wazo_confd_test' });
  const dir = await mkdtemp(join(tmpdir(), 'wazo-confd-test-'));
  const keyFile = join(dir, 'wazo-confd-key.yml');
  await writeFile(keyFile, stringify({ service_id: account.username, service_key: account.password }));
  const file = join(dir, 'config.yml');
  await writeFile(
    file,
    stringify({ ...configOf(database, dir, auth, keyFile, options.uuid), ...options.config }),
  );
  let daemon: RunningDaemon<ConfdConfig>;
  try {
    daemon = await runDaemon(confdDaemon, {
      argv: ['-c', file],
      env: {},
      handleSignals: false,
      transport: options.transport,
    });
  } catch (error) {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    daemon,
    url: daemon.url,
    api: `${daemon.url}/1.1`,
    database,
    async stop() {
      await daemon.stop();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function configOf(database: TestDatabase, dir: string, auth: AuthUnderTest, keyFile: string, uuid?: string) {
  const { host, port, user, database: name } = database.config;
  const authUrl = new URL(auth.url);
  return {
    ...(uuid ? { uuid } : {}),
    db_uri: `postgresql://${user}@${host}:${port}/${name}`,
    bus: { transport: 'memory' },
    user: null,
    allow_root: true,
    log_filename: join(dir, 'wazo-confd.log'),
    log_level: 'warning',
    log_stdout: false,
    extra_config_files: join(dir, 'conf.d'), // not dir: the configs and key files written there are no conf.d layers
    data_dir: join(dir, 'data'),
    auth: { host: authUrl.hostname, port: Number(authUrl.port), https: false, key_file: keyFile },
    rest_api: { listen: '127.0.0.1', port: 0, certificate: null, private_key: null },
    service_discovery: { enabled: false },
  };
}
