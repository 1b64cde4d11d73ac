/**
 * A real wazo-auth and a real wazo-confd for CLI tests: both daemons in this process on throwaway
 * PostgreSQL databases, sharing one in-memory bus (confd learns tenants from auth's events), confd
 * holding a service account's key file, and an admin user whose password the tests log in with.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuthUnderTest, type SeededUser, startAuth } from '@wazo-ts/auth/testing';
import { createMemoryTransport } from '@wazo-ts/bus';
import { createTestDatabase, type TestDatabase } from '@wazo-ts/bus/testing';
import { type ConfdConfig, confdDaemon } from '@wazo-ts/confd';
import { type RunningDaemon, runDaemon } from '@wazo-ts/daemon';
import { stringify } from 'yaml';

export interface Stack {
  auth: AuthUnderTest;
  confd: RunningDaemon<ConfdConfig>;
  /** `http://127.0.0.1:<port>/1.1` */
  confdApi: string;
  admin: SeededUser;
  stop(): Promise<void>;
}

/** What wazo-confd's service account does at wazo-auth: list tenants, create users' logins. */
const CONFD_SERVICE_ACL = ['auth.tenants.read', 'auth.users.#', 'auth.tenants.#'];
export const ADMIN_ACL = ['auth.#', 'confd.#', 'websocketd', 'events.#'];

export async function startStack(): Promise<Stack> {
  const transport = createMemoryTransport();
  const auth = await startAuth({ transport });
  const dir = await mkdtemp(join(tmpdir(), 'wazo-cli-test-'));
  let database: TestDatabase | undefined;
  try {
    const service = await auth.seedUser({ acl: CONFD_SERVICE_ACL, purpose: 'internal' });
    const admin = await auth.seedUser({ acl: ADMIN_ACL });
    database = await createTestDatabase({ prefix: 'wazo_cli_confd' });
    const keyFile = join(dir, 'wazo-confd-key.yml');
    await writeFile(keyFile, stringify({ service_id: service.username, service_key: service.password }));
    const configFile = join(dir, 'config.yml');
    await writeFile(configFile, stringify(confdConfig(database, auth, dir, keyFile)));
    const confd = await runDaemon(confdDaemon, {
      argv: ['-c', configFile],
      env: {},
      handleSignals: false,
      transport,
    });
    const db = database;
    return {
      auth,
      confd,
      confdApi: `${confd.url}/1.1`,
      admin,
      async stop() {
        await confd.stop();
        await db.drop();
        await auth.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await database?.drop();
    await auth.stop();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

function confdConfig(database: TestDatabase, auth: AuthUnderTest, dir: string, keyFile: string) {
  const { host, port, user, database: name } = database.config;
  const authUrl = new URL(auth.url);
  return {
    db_uri: `postgresql://${user}@${host}:${port}/${name}`,
    bus: { transport: 'memory' },
    user: null,
    allow_root: true,
    log_filename: join(dir, 'wazo-confd.log'),
    log_level: 'warning',
    log_stdout: false,
    extra_config_files: dir,
    auth: { host: authUrl.hostname, port: Number(authUrl.port), key_file: keyFile },
    rest_api: { listen: '127.0.0.1', port: 0, certificate: null, private_key: null },
    service_discovery: { enabled: false },
  };
}
