/**
 * wazo-auth under test: a throwaway database, the daemon in this process (plain HTTP, in-memory
 * bus unless told otherwise), and users seeded straight into its tables with a known password and
 * exactly the ACL a test asks for, so tests never depend on the API they are about to prove.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BusTransport } from '@wazo-ts/bus';
import { type RunningDaemon, runDaemon } from '@wazo-ts/daemon';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/db/testing';
import { stringify } from 'yaml';
import { type AuthConfig, authDaemon } from '../index.js';
import { createUserSeeder, type SeededUser, type UserSeed } from './seed.js';
import { postToken } from './token-client.js';

/** Few PBKDF2 rounds keep logins fast in tests; the bench uses Wazo's 250,000. */
export const TEST_PASSWORD_ITERATIONS = 1000;

export interface AuthUnderTest {
  daemon: RunningDaemon<AuthConfig>;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `<url>/0.1` */
  api: string;
  database: TestDatabase;
  masterTenantUuid: string;
  /** Inserts a user (own policy holding `acl`) in the master tenant unless `tenantUuid` is given. */
  seedUser(seed: UserSeed): Promise<SeededUser>;
  /** A real token from POST /token for a fresh user holding exactly `acl`. */
  tokenFor(acl: string[]): Promise<string>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Top-level config keys, over the test defaults. */
  config?: Record<string, unknown>;
  /** A bus transport shared with other daemons of the test (else a private in-memory one). */
  transport?: BusTransport;
}

export async function startAuth(options: StartOptions = {}): Promise<AuthUnderTest> {
  const database = await createTestDatabase({ prefix: 'wazo_auth_test' });
  const dir = await mkdtemp(join(tmpdir(), 'wazo-auth-test-'));
  const file = join(dir, 'config.yml');
  await writeFile(file, stringify(testConfig(database, dir, options.config)));
  let daemon: RunningDaemon<AuthConfig>;
  try {
    daemon = await runDaemon(authDaemon, {
      argv: ['-c', file],
      env: {},
      handleSignals: false,
      transport: options.transport,
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const seeder = createUserSeeder(database.pool, daemon.config.password_hash_iterations);
  let masterTenantUuid: string;
  try {
    masterTenantUuid = await seeder.masterTenantUuid();
  } catch (error) {
    await daemon.stop();
    await database.drop();
    throw error;
  }
  const api = `${daemon.url}/0.1`;
  return {
    daemon,
    url: daemon.url,
    api,
    database,
    masterTenantUuid,
    seedUser: (seed) => seeder.seed({ tenantUuid: masterTenantUuid, ...seed }),
    async tokenFor(acl) {
      const user = await seeder.seed({ tenantUuid: masterTenantUuid, acl });
      return (await postToken(api, user.username, user.password)).token;
    },
    async stop() {
      await daemon.stop();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function testConfig(database: TestDatabase, dir: string, overrides: Record<string, unknown> = {}) {
  const { host, port, user, database: name } = database.config;
  return {
    db_uri: `postgresql://${user}@${host}:${port}/${name}`,
    bus: { transport: 'memory' },
    user: null,
    allow_root: true,
    log_filename: join(dir, 'wazo-auth.log'),
    log_level: 'warning',
    log_stdout: false,
    extra_config_files: join(dir, 'conf.d'), // not dir: the configs and key files written there are no conf.d layers
    auth: { key_file: null },
    rest_api: { listen: '127.0.0.1', port: 0, certificate: null, private_key: null },
    service_discovery: { enabled: false },
    token_cleanup_interval: 0,
    password_hash_iterations: TEST_PASSWORD_ITERATIONS,
    ...overrides,
  };
}
