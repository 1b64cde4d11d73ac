/**
 * wazo-confd as it runs for real, in this process: `runDaemon(confdDaemon)` on a throwaway
 * migrated database, talking to a real wazo-auth for tokens, sub-tenants and users, with its
 * service account read from a Wazo key file (`service_id`/`service_key`).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuthUnderTest } from '@wazo-ts/auth/testing';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/bus/testing';
import { type RunningDaemon, runDaemon } from '@wazo-ts/daemon';
import { type ConfdConfig, confdDaemon } from '../../src/index.js';
import { CONFD_SERVICE_ACL } from './auth-world.js';

/** JSON is YAML: the config and key files need no YAML writer. */
const stringify = (value: unknown) => JSON.stringify(value, null, 2);

export interface ConfdUnderTest {
  daemon: RunningDaemon<ConfdConfig>;
  url: string;
  stop(): Promise<void>;
}

export async function startConfd(auth: AuthUnderTest): Promise<ConfdUnderTest> {
  const account = await auth.seedUser({ purpose: 'internal', acl: CONFD_SERVICE_ACL });
  const database = await createTestDatabase({ prefix: 'wazo_confd_process' });
  const dir = await mkdtemp(join(tmpdir(), 'wazo-confd-test-'));
  const keyFile = join(dir, 'wazo-confd-key.yml');
  await writeFile(keyFile, stringify({ service_id: account.username, service_key: account.password }));
  const file = join(dir, 'config.yml');
  await writeFile(file, stringify(configOf(database, dir, auth, keyFile)));
  let daemon: RunningDaemon<ConfdConfig>;
  try {
    daemon = await runDaemon(confdDaemon, { argv: ['-c', file], env: {}, handleSignals: false });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    daemon,
    url: daemon.url,
    async stop() {
      await daemon.stop();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function configOf(database: TestDatabase, dir: string, auth: AuthUnderTest, keyFile: string) {
  const { host, port, user, database: name } = database.config;
  const authUrl = new URL(auth.url);
  return {
    uuid: randomUUID(),
    db_uri: `postgresql://${user}@${host}:${port}/${name}`,
    bus: { transport: 'memory' },
    user: null,
    allow_root: true,
    log_filename: join(dir, 'wazo-confd.log'),
    log_level: 'warning',
    log_stdout: false,
    extra_config_files: dir,
    auth: { host: authUrl.hostname, port: Number(authUrl.port), https: false, key_file: keyFile },
    rest_api: { listen: '127.0.0.1', port: 0, certificate: null, private_key: null },
    service_discovery: { enabled: false },
  };
}
