/**
 * A real wazo-confd in this process beside the websocketd stack: its own throwaway Service API
 * database (migrated at start), a service key file for a master-tenant account, the stack's
 * wazo-auth, the same bus transport and the same Wazo uuid, so its events reach websocketd.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@wazo-ts/bus/testing';
import { type ConfdConfig, confdDaemon } from '@wazo-ts/confd';
import { type RunningDaemon, runDaemon } from '@wazo-ts/daemon';
import { stringify } from 'yaml';
import type { WebsocketdStack } from './stack.js';

export interface ConfdUnderTest {
  daemon: RunningDaemon<ConfdConfig>;
  /** `http://127.0.0.1:<port>` */
  url: string;
  stop(): Promise<void>;
}

export async function startConfd(stack: WebsocketdStack): Promise<ConfdUnderTest> {
  const database = await createTestDatabase({ prefix: 'wazo_websocketd_confd' });
  const dir = await mkdtemp(join(tmpdir(), 'wazo-websocketd-confd-'));
  const service = await stack.auth.seedUser({ acl: ['auth.#'], purpose: 'internal' });
  const keyFile = join(dir, 'key.yml');
  await writeFile(keyFile, stringify({ service_id: service.username, service_key: service.password }));
  const {
    host,
    port,
    user,
    database: name,
  } = database.config as {
    host: string;
    port: number;
    user: string;
    database: string;
  };
  const file = join(dir, 'config.yml');
  await writeFile(
    file,
    stringify({
      uuid: stack.originUuid,
      db_uri: `postgresql://${user}@${host}:${port}/${name}`,
      bus: { transport: 'memory' },
      user: null,
      allow_root: true,
      log_filename: join(dir, 'wazo-confd.log'),
      log_level: 'warning',
      log_stdout: false,
      extra_config_files: dir,
      auth: {
        host: '127.0.0.1',
        port: Number(new URL(stack.auth.url).port),
        https: false,
        key_file: keyFile,
      },
      rest_api: { listen: '127.0.0.1', port: 0, certificate: null, private_key: null },
      service_discovery: { enabled: false },
    }),
  );
  let daemon: RunningDaemon<ConfdConfig>;
  try {
    daemon = await runDaemon(confdDaemon, {
      argv: ['-c', file],
      env: {},
      handleSignals: false,
      transport: stack.transport,
    });
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
