/**
 * wazo-auth's two hot paths, each against a baseline measured in the same run:
 * - login: POST /token over HTTP (Basic, PBKDF2-HMAC-SHA512 at Wazo's 250,000 rounds, ACL
 *   computation, session + token rows, event) vs raw `crypto.pbkdf2` at the same rounds and
 *   concurrency: the hash should be nearly the whole cost;
 * - check: HEAD /token/{t} (what every Wazo daemon calls per request) vs a bare Fastify HEAD route;
 * - scoped check at 1 and 32 loops: HEAD /token/{t}?scope=<an ACL the token holds> vs the same bare
 *   route at the same concurrency (idle latency, then a saturated process);
 * - guarded route: GET /1.0/greetings on wazo-hello, whose kit verifier checks the token against
 *   this wazo-auth and caches it, vs the same answer from a bare Fastify route.
 *
 *   node --conditions=wazo-ts-source --import tsx bench/auth.bench.ts   # PostgreSQL on :5432
 *   (BENCH_PHASE_MS=3000, BENCH_CONCURRENCY=8)
 */
import { pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { type BenchDaemons, ITERATIONS, startBenchDaemons } from './auth/daemons.js';
import { closeAgent, http, rate } from './auth/load.js';

const durationMs = Number(process.env.BENCH_PHASE_MS ?? 3000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const load = { concurrency, durationMs };
const hash = promisify(pbkdf2);

interface Row {
  ours: number;
  baseline: number;
  ourLabel: string;
  baselineLabel: string;
}

async function login(daemons: BenchDaemons): Promise<Row> {
  const user = await daemons.auth.seedUser({ password: 'bench-password', acl: ['hello.greetings.read'] });
  const basic = Buffer.from(`${user.username}:${user.password}`).toString('base64');
  const headers = { authorization: `Basic ${basic}`, 'content-type': 'application/json' };
  const body = JSON.stringify({ expiration: 3600 });
  const salt = randomBytes(64);
  return {
    ourLabel: 'POST /token',
    ours: await rate(
      () => http(`${daemons.auth.api}/token`, { method: 'POST', headers, body, expect: 200 }),
      load,
    ),
    baselineLabel: `pbkdf2 sha512 x${ITERATIONS}`,
    baseline: await rate(() => hash('bench-password', salt, ITERATIONS, 64, 'sha512'), load),
  };
}

async function check(daemons: BenchDaemons, token: string, scope = '', loops = concurrency): Promise<Row> {
  const query = scope ? `?scope=${scope}` : '';
  const phase = { concurrency: loops, durationMs };
  const head = (url: string) => () => http(url, { method: 'HEAD', expect: 204 });
  return {
    ourLabel: `HEAD /token/{t}${scope ? '?scope' : ''} x${loops}`,
    ours: await rate(head(`${daemons.auth.api}/token/${token}${query}`), phase),
    baselineLabel: `bare Fastify HEAD x${loops}`,
    baseline: await rate(head(`${daemons.bare.url}/token/${token}${query}`), phase),
  };
}

async function guarded(daemons: BenchDaemons, token: string): Promise<Row> {
  const headers = { 'x-auth-token': token };
  return {
    ourLabel: 'wazo-hello GET /greetings',
    ours: await rate(() => http(`${daemons.hello.url}/1.0/greetings`, { headers, expect: 200 }), load),
    baselineLabel: 'bare Fastify GET',
    baseline: await rate(() => http(`${daemons.bare.url}/greetings`, { expect: 200 }), load),
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const daemons = await startBenchDaemons();
  const results: Record<string, Row> = {};
  try {
    results.login = await login(daemons);
    const token = await daemons.auth.tokenFor(['hello.greetings.read']);
    results.check = await check(daemons, token);
    results['scoped c1'] = await check(daemons, token, 'hello.greetings.read', 1);
    results['scoped c32'] = await check(daemons, token, 'hello.greetings.read', 32);
    results.guarded = await guarded(daemons, token);
  } finally {
    closeAgent();
    await daemons.close();
  }
  report(results, Date.now() - started);
}

function report(results: Record<string, Row>, elapsedMs: number): void {
  console.log(`auth bench: ${concurrency} loops, ${durationMs} ms per phase, ${elapsedMs} ms in all`);
  console.log(
    'phase      ours                          op/s   baseline                      op/s   ours/base',
  );
  for (const [name, r] of Object.entries(results)) {
    console.log(
      [
        name.padEnd(10),
        r.ourLabel.padEnd(28),
        r.ours.toFixed(0).padStart(8),
        '  ',
        r.baselineLabel.padEnd(26),
        r.baseline.toFixed(0).padStart(8),
        (r.ours / r.baseline).toFixed(2).padStart(11),
      ].join(' '),
    );
  }
  const figures = Object.fromEntries(
    Object.entries(results).map(([name, r]) => [
      name,
      {
        ours: Math.round(r.ours),
        baseline: Math.round(r.baseline),
        ratio: Number((r.ours / r.baseline).toFixed(3)),
      },
    ]),
  );
  console.log(
    JSON.stringify({
      bench: 'auth',
      iterations: ITERATIONS,
      concurrency,
      durationMs,
      elapsedMs,
      results: figures,
    }),
  );
}

await main();
