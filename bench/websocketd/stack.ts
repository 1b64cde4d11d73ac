/**
 * What the websocketd bench runs: wazo-auth (throwaway database) and wazo-websocketd in this
 * process on a RabbitMQ transport, the bench's own origin_uuid isolating its events on
 * `wazo-headers`, and a master-tenant token holding `websocketd` for the clients.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postToken, startAuth } from '@wazo-ts/auth/testing';
import { type AmqpTransport, createAmqpTransport } from '@wazo-ts/bus';
import { runDaemon } from '@wazo-ts/daemon';
import { websocketdDaemon } from '@wazo-ts/websocketd';
import { stringify } from 'yaml';

export const amqpUri = process.env.WAZO_BENCH_AMQP_URI ?? 'amqp://guest:guest@127.0.0.1:5672';

export interface BenchStack {
  transport: AmqpTransport;
  originUuid: string;
  wsUrl: string;
  close(): Promise<void>;
}

export async function startBenchStack(): Promise<BenchStack> {
  const originUuid = randomUUID();
  const transport = createAmqpTransport({
    config: { uri: amqpUri },
    connectionName: `wazo-ts-bench websocketd`,
  });
  const auth = await startAuth({ transport, config: { uuid: originUuid } });
  const dir = await mkdtemp(join(tmpdir(), 'wazo-websocketd-bench-'));
  const service = await auth.seedUser({ acl: ['auth.#'], purpose: 'internal' });
  const keyFile = join(dir, 'key.yml');
  await writeFile(keyFile, stringify({ service_id: service.username, service_key: service.password }));
  const file = join(dir, 'config.yml');
  await writeFile(
    file,
    stringify({
      uuid: originUuid,
      user: null,
      allow_root: true,
      log_filename: join(dir, 'wazo-websocketd.log'),
      log_level: 'warning',
      log_stdout: false,
      extra_config_files: dir,
      auth: { host: '127.0.0.1', port: Number(new URL(auth.url).port), key_file: keyFile },
      rest_api: { listen: '127.0.0.1', port: 0 },
      // The bench's clients read as fast as they can; only a broken client would hit this.
      websocket: { max_buffered_bytes: 64 * 1024 * 1024 },
    }),
  );
  const daemon = await runDaemon(websocketdDaemon, {
    argv: ['-c', file],
    env: {},
    handleSignals: false,
    transport,
  });
  for (let i = 0; ; i++) {
    const answer = await fetch(`${daemon.url}/1.0/status`, { method: 'HEAD' });
    if (answer.status === 200) break;
    if (i > 400) throw new Error('websocketd never became healthy');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const user = await auth.seedUser({ acl: ['websocketd'] });
  const { token } = await postToken(auth.api, user.username, user.password, { body: { expiration: 3600 } });
  return {
    transport,
    originUuid,
    wsUrl: `${daemon.url.replace(/^http/, 'ws')}/?token=${token}&version=2`,
    async close() {
      await daemon.stop();
      await auth.stop();
      await transport.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
