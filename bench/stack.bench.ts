/**
 * The whole platform as `npm start` runs it (one process: gateway, wazo-auth, wazo-confd,
 * wazo-websocketd, with its embedded PostgreSQL), loaded from this process over real sockets,
 * each figure beside a baseline of the same run:
 * - check c32: HEAD /0.1/token/{t}?scope= on wazo-auth's port vs a bare Fastify HEAD route in a
 *   process of its own;
 * - hop: the same check, GET /users/{uuid} and POST /users through the gateway (HTTPS) vs the
 *   daemon's own port;
 * - item, deep page: GET /1.1/users/{uuid} and GET /1.1/users?limit=100&offset=5000 at 32 loops,
 *   once 10,000 users exist;
 * - memory: the platform process's resident memory idle, after 10,000 creates, over a soak of
 *   mixed load (BENCH_SOAK_MS, 60 s; 600000 for the 10-minute soak) and after it settles.
 *
 *   node --conditions=wazo-ts-source --import tsx bench/stack.bench.ts   # needs nothing running
 */
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLoad, type Measured } from './confd/load.js';
import { createClient } from './platform/client.js';
import { freePort, outputOf, root, spawnPlatform, stop, timeUntil } from './platform/process.js';
import { soak } from './platform/soak.js';
import { type Endpoints, type Row, runPhases, USERS } from './platform/stack-phases.js';

const durationMs = Number(process.env.BENCH_PHASE_MS ?? 3000);
const soakMs = Number(process.env.BENCH_SOAK_MS ?? 60_000);
const ADMIN = { username: 'bench-admin', password: 'bench-admin-password' };

const BARE = `
import Fastify from 'fastify';
const app = Fastify();
app.head('/0.1/token/:token', async (_request, reply) => reply.code(204).send());
await app.listen({ host: '127.0.0.1', port: Number(process.argv[1]) });
process.stdout.write('ready\\n');
`;

async function startBare() {
  const port = await freePort();
  const child = spawn(process.execPath, ['--input-type=module', '-e', BARE, String(port)], { cwd: root });
  const output = outputOf(child);
  await timeUntil(performance.now(), child, async () => output().includes('ready'), output);
  return { child, url: `http://127.0.0.1:${port}` };
}

async function main(): Promise<void> {
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'wazo-stack-bench-'));
  // As root, PostgreSQL runs as the postgres user, who must be able to walk through this folder.
  await chmod(dir, 0o711);
  const bare = await startBare();
  const dataDir = join(dir, 'platform');
  const platform = await spawnPlatform(dataDir, {
    WAZO_ADMIN_USERNAME: ADMIN.username,
    WAZO_ADMIN_PASSWORD: ADMIN.password,
  });
  const client = createClient(await readFile(join(dataDir, 'tls', 'server.crt')));
  try {
    const { ports } = platform;
    const endpoints: Endpoints = {
      gateway: `https://127.0.0.1:${ports.https}`,
      auth: `http://127.0.0.1:${ports.auth}`,
      confd: `http://127.0.0.1:${ports.confd}`,
      bare: bare.url,
    };
    const pid = platform.child.pid!;
    const measured = await runPhases({
      dataDir,
      client,
      endpoints,
      admin: ADMIN,
      load: createLoad(),
      durationMs,
      pid,
    });
    const soaked = await soak({ client, endpoints, token: measured.token, pid, soakMs, item: measured.item });
    const memory = { ...measured.memory, ...soaked };
    console.log(
      `${measured.created} users created, ${measured.events} user_created events published from the outbox`,
    );
    report(measured.rows, memory, Date.now() - started);
  } finally {
    client.close();
    await stop(platform.child);
    await stop(bare.child);
    await rm(dir, { recursive: true, force: true });
  }
}

const ms = (value: number) => value.toFixed(2).padStart(7);

function report(rows: Record<string, Row>, memory: Record<string, number>, elapsedMs: number): void {
  const load = loadavg().map((v) => v.toFixed(2));
  console.log(
    `stack bench: ${USERS} users, ${durationMs} ms per phase, ${elapsedMs} ms in all, load ${load.join(' ')}`,
  );
  console.log(
    'phase            ours              req/s   p50 ms   p99 ms   baseline          req/s   p50 ms   ratio',
  );
  for (const [name, r] of Object.entries(rows))
    console.log(
      [
        name.padEnd(16),
        r.ourLabel.padEnd(16),
        r.ours.rate.toFixed(0).padStart(6),
        ms(r.ours.p50),
        ms(r.ours.p99),
        ' ',
        r.baseLabel.padEnd(16),
        r.base.rate.toFixed(0).padStart(6),
        ms(r.base.p50),
        (r.ours.rate / r.base.rate).toFixed(2).padStart(7),
      ].join(' '),
    );
  console.log('platform process RSS (MB):', JSON.stringify(memory));
  const round = (m: Measured) => ({
    rate: Math.round(m.rate),
    p50: Number(m.p50.toFixed(3)),
    p99: Number(m.p99.toFixed(3)),
  });
  const results = Object.fromEntries(
    Object.entries(rows).map(([name, r]) => [
      name,
      { ours: round(r.ours), baseline: round(r.base), ratio: Number((r.ours.rate / r.base.rate).toFixed(3)) },
    ]),
  );
  console.log(
    JSON.stringify({
      bench: 'stack',
      users: USERS,
      durationMs,
      soakMs,
      elapsedMs,
      load,
      rss_mb: memory,
      results,
    }),
  );
}

await main();
