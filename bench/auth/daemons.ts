/**
 * What the auth bench runs against, all in this process: wazo-auth on a throwaway database (Wazo's
 * 250,000 PBKDF2 rounds), wazo-hello (the kit's example daemon) checking its tokens against that
 * wazo-auth with the kit's caching verifier, and a bare Fastify app serving the same answers with
 * no access control, as the floor.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuthUnderTest, startAuth } from '@wazo-ts/auth/testing';
import Fastify, { type FastifyInstance } from 'fastify';
import { stringify } from 'yaml';
import { helloDaemon } from '../../packages/daemon/src/example/definition.js';
import { type RunningDaemon, runDaemon } from '../../packages/daemon/src/index.js';

export const ITERATIONS = 250_000;

export interface BenchDaemons {
  auth: AuthUnderTest;
  hello: RunningDaemon;
  bare: { url: string; app: FastifyInstance };
  close(): Promise<void>;
}

async function startHello(authUrl: string, dir: string): Promise<RunningDaemon> {
  const { hostname, port } = new URL(authUrl);
  const file = join(dir, 'hello.yml');
  await writeFile(
    file,
    stringify({
      user: null,
      allow_root: true,
      log_filename: join(dir, 'hello.log'),
      log_level: 'warning',
      log_stdout: false,
      extra_config_files: join(dir, 'conf.d'), // not dir: the configs and key files written there are no conf.d layers
      bus: { transport: 'memory' },
      rest_api: { listen: '127.0.0.1', port: 0 },
      service_discovery: { enabled: false },
      auth: { host: hostname, port: Number(port), https: false, key_file: null },
    }),
  );
  return runDaemon(helloDaemon, { argv: ['-c', file], env: {}, handleSignals: false });
}

async function startBare(): Promise<{ url: string; app: FastifyInstance }> {
  const app = Fastify();
  app.head('/token/:token', async (_request, reply) => reply.code(204).send());
  app.get('/greetings', async () => ({ total: 0, items: [] }));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, app };
}

export async function startBenchDaemons(): Promise<BenchDaemons> {
  const dir = await mkdtemp(join(tmpdir(), 'wazo-auth-bench-'));
  const auth = await startAuth({ config: { password_hash_iterations: ITERATIONS } });
  const hello = await startHello(auth.url, dir);
  const bare = await startBare();
  return {
    auth,
    hello,
    bare,
    async close() {
      await bare.app.close();
      await hello.stop();
      await auth.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
