/**
 * A real wazo-auth and a real wazo-confd for CLI tests: both daemons in this process on throwaway
 * PostgreSQL databases, sharing one in-memory bus (confd learns tenants from auth's events), confd
 * holding a service account's key file, and an admin user whose password the tests log in with.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuthUnderTest, type SeededUser, startAuth } from '@wazo-ts/auth/testing';
import { createMemoryTransport } from '@wazo-ts/bus';
import type { ConfdConfig } from '@wazo-ts/confd';
import { startConfd } from '@wazo-ts/confd/testing';
import { type RunningDaemon, runDaemon } from '@wazo-ts/daemon';
import { type WebsocketdConfig, websocketdDaemon } from '@wazo-ts/websocketd';
import { stringify } from 'yaml';

export interface Stack {
  auth: AuthUnderTest;
  confd: RunningDaemon<ConfdConfig>;
  websocketd: RunningDaemon<WebsocketdConfig>;
  /** `http://127.0.0.1:<port>/1.1` */
  confdApi: string;
  admin: SeededUser;
  stop(): Promise<void>;
}

/** websocketd's service account at wazo-auth: its token gives it the master tenant. */
const SERVICE_ACL = ['auth.tenants.read'];
export const ADMIN_ACL = ['auth.#', 'confd.#', 'websocketd', 'events.#'];

export async function startStack(): Promise<Stack> {
  const transport = createMemoryTransport();
  // One Wazo uuid for every daemon: websocketd forwards only events of its own origin.
  const uuid = randomUUID();
  const auth = await startAuth({ transport, config: { uuid } });
  const dir = await mkdtemp(join(tmpdir(), 'wazo-cli-test-'));
  let confdUnderTest: Awaited<ReturnType<typeof startConfd>> | undefined;
  try {
    const service = await auth.seedUser({ acl: SERVICE_ACL, purpose: 'internal' });
    const admin = await auth.seedUser({ acl: ADMIN_ACL });
    confdUnderTest = await startConfd(auth, { transport, uuid });
    const confd = confdUnderTest.daemon;
    const keyFile = join(dir, 'wazo-websocketd-key.yml');
    await writeFile(keyFile, stringify({ service_id: service.username, service_key: service.password }));
    const wsFile = join(dir, 'websocketd.yml');
    await writeFile(
      wsFile,
      stringify({ ...baseConfig(auth, dir, keyFile, uuid), log_filename: join(dir, 'websocketd.log') }),
    );
    const websocketd = await runDaemon(websocketdDaemon, {
      argv: ['-c', wsFile],
      env: {},
      handleSignals: false,
      transport,
    });
    const started = confdUnderTest;
    return {
      auth,
      confd,
      confdApi: `${confd.url}/1.1`,
      admin,
      websocketd,
      async stop() {
        await websocketd.stop();
        await started.stop();
        await auth.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await confdUnderTest?.stop();
    await auth.stop();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

function baseConfig(auth: AuthUnderTest, dir: string, keyFile: string, uuid: string) {
  const authUrl = new URL(auth.url);
  return {
    uuid,
    bus: { transport: 'memory' },
    user: null,
    allow_root: true,
    log_level: 'warning',
    log_stdout: false,
    extra_config_files: join(dir, 'conf.d'), // not dir: the configs and key files written there are no conf.d layers
    auth: { host: authUrl.hostname, port: Number(authUrl.port), key_file: keyFile },
    rest_api: { listen: '127.0.0.1', port: 0, certificate: null, private_key: null },
    service_discovery: { enabled: false },
  };
}
