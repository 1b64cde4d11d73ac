/**
 * How long `npm start` takes to be usable, and what it holds in memory: spawn to ready (the
 * banner, then a first 200 through the gateway) for a first start (empty data folder: initdb,
 * migrations, bootstrap) and a second start (data reused), and the resident memory of the whole
 * process tree (platform, PostgreSQL keeper, PostgreSQL) once ready. Baselines from the same run:
 * a bare `node -e` HTTP server and the embedded PostgreSQL alone (first and second start).
 *
 *   node --import tsx bench/platform.bench.ts        (as root or not; needs nothing running)
 */
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  outputOf,
  root,
  SOURCE,
  spawnPlatform,
  stop,
  timeUntil,
  treeRssKb,
} from './platform/process.js';

async function bareNode(): Promise<{ ms: number; rssKb: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [
    '-e',
    `require('http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`,
  ]);
  const ms = await timeUntil(started, child, async () => (await fetch(`http://127.0.0.1:${port}/`)).ok);
  const rssKb = await treeRssKb(child.pid!);
  await stop(child);
  return { ms, rssKb };
}

const POSTGRES_ALONE = `
import { startEmbeddedPostgres } from '@wazo-ts/db';
const server = await startEmbeddedPostgres({ dataDir: process.argv[1] });
process.stdout.write('ready\\n');
process.on('SIGINT', () => server.stop().then(() => process.exit(0)));
`;

async function postgresAlone(dataDir: string): Promise<{ ms: number; rssKb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...SOURCE, '--input-type=module', '-e', POSTGRES_ALONE, dataDir], {
    cwd: root,
  });
  const output = outputOf(child);
  const ms = await timeUntil(started, child, async () => output().includes('ready'), output);
  const rssKb = await treeRssKb(child.pid!);
  await stop(child);
  return { ms, rssKb };
}

function gatewayAnswers(port: number, ca: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    request(`https://127.0.0.1:${port}/api/auth/0.1/status`, { method: 'HEAD', ca }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    })
      .on('error', () => resolve(false))
      .end();
  });
}

async function platform(dataDir: string): Promise<{ bannerMs: number; firstOkMs: number; rssKb: number }> {
  const started = performance.now();
  const { child, ports, bannerMs } = await spawnPlatform(dataDir);
  const ca = await readFile(join(dataDir, 'tls', 'server.crt'));
  const firstOkMs = await timeUntil(started, child, () => gatewayAnswers(ports.https, ca));
  const rssKb = await treeRssKb(child.pid!);
  await stop(child);
  return { bannerMs, firstOkMs, rssKb };
}

const dir = await mkdtemp(join(tmpdir(), 'wazo-platform-bench-'));
// As root, PostgreSQL runs as the postgres user, who must be able to walk through this folder.
await chmod(dir, 0o711);
try {
  const node = await bareNode();
  const pgFirst = await postgresAlone(join(dir, 'pg'));
  const pgSecond = await postgresAlone(join(dir, 'pg'));
  const first = await platform(join(dir, 'platform'));
  const second = await platform(join(dir, 'platform'));
  const mb = (kb: number) => (kb / 1024).toFixed(0);
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const rows = [
    ['bare node -e HTTP server', s(node.ms), '', mb(node.rssKb)],
    ['embedded PostgreSQL alone, first start', s(pgFirst.ms), '', mb(pgFirst.rssKb)],
    ['embedded PostgreSQL alone, second start', s(pgSecond.ms), '', mb(pgSecond.rssKb)],
    ['platform, first start', s(first.bannerMs), s(first.firstOkMs), mb(first.rssKb)],
    ['platform, second start', s(second.bannerMs), s(second.firstOkMs), mb(second.rssKb)],
  ];
  process.stdout.write(
    '| run | ready (s) | first 200 via gateway (s) | RSS of the tree (MB) |\n|---|---|---|---|\n',
  );
  for (const row of rows) process.stdout.write(`| ${row.join(' | ')} |\n`);
  const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
  process.stdout.write(
    `${JSON.stringify({
      bench: 'platform',
      node_ready_ms: Math.round(node.ms),
      postgres_first_ms: Math.round(pgFirst.ms),
      postgres_second_ms: Math.round(pgSecond.ms),
      first_ready_ms: Math.round(first.firstOkMs),
      second_ready_ms: Math.round(second.firstOkMs),
      first_vs_postgres_first: ratio(first.firstOkMs, pgFirst.ms),
      second_vs_postgres_second: ratio(second.firstOkMs, pgSecond.ms),
      rss_mb: Number(mb(second.rssKb)),
      rss_vs_postgres_alone: ratio(second.rssKb, pgSecond.rssKb),
    })}\n`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
