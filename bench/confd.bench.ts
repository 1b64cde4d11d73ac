/**
 * wazo-confd's users routes over HTTP against a bare Fastify route running the bare SQL, in the
 * same run on the same database of 10,000 users, at 1 loop (idle latency) and 16 (a busy daemon):
 * - list: GET /1.1/users?limit=100 (and with `search=`, and with `order=firstname`) vs the count +
 *   page of 100 by hand, serialised by Fastify; `list same-sql`: the plain page vs a bare route
 *   running confd's own statement (PostgreSQL writing each user's JSON);
 * - item: GET /1.1/users/{uuid} (the user with its lines, groups and schedules) vs the same four
 *   reads by hand, at 1, 16 and 32 loops;
 * - deep page: GET /1.1/users?limit=100&offset=5000 at 32 loops vs the same count + page;
 * - create: POST /1.1/users {firstname, lastname} (validation, uniqueness checks, INSERT, event in
 *   the outbox, Location) vs one INSERT ... RETURNING *.
 * confd is the real daemon (runDaemon) with the kit's verifier asking a real wazo-auth once for the
 * token (`confd.#`) and then answering from its cache.
 *
 *   node --conditions=wazo-ts-source --import tsx bench/confd.bench.ts   # PostgreSQL on :5432
 *   (BENCH_PHASE_MS=3000)
 */
import { closeAgent, http } from './auth/load.js';
import { type BenchStack, startBenchStack, USERS } from './confd/daemons.js';
import { createLoad, type Load, type Measured } from './confd/load.js';

const durationMs = Number(process.env.BENCH_PHASE_MS ?? 3000);
const LOOPS = [1, 16];
/** The loops of each phase not measured at LOOPS: the item read also at 32, the deep page at 32 only. */
const PHASE_LOOPS: Record<string, number[]> = {
  item: [1, 16, 32],
  'list o5000': [32],
  'list same-sql': [16],
};
const TERM = 'last12';

interface Row {
  ours: Measured;
  bare: Measured;
}

type Op = (i: number) => Promise<unknown>;

const lists: Record<string, string> = {
  list: 'limit=100',
  search: `limit=100&search=${TERM}`,
  order: 'limit=100&order=firstname',
  'list o5000': 'limit=100&offset=5000',
};

/** Our page and the bare one must be the same rows, or the comparison means nothing. */
async function checkSamePages(stack: BenchStack): Promise<void> {
  const headers = { 'x-auth-token': stack.token };
  for (const [name, query] of Object.entries(lists)) {
    const ours = await http(`${stack.confd.url}/1.1/users?${query}`, { headers, expect: 200 });
    const bare = await http(`${stack.bare.url}/users?${query}`, { expect: 200 });
    const [a, b] = [ours, bare].map((answer) => {
      const page = JSON.parse(answer.body) as { total: number; items: { uuid: string }[] };
      return `${page.total}:${page.items.map((u) => u.uuid).join(',')}`;
    }) as [string, string];
    if (a !== b || !a.includes(',')) throw new Error(`${name}: confd and the bare route disagree`);
  }
  // The same statement by hand answers the same bytes, but for the host in the links.
  const ours = await http(`${stack.confd.url}/1.1/users?limit=100`, { headers, expect: 200 });
  const bare = await http(`${stack.bare.url}/users-json?limit=100`, { expect: 200 });
  if (bare.body.replaceAll(stack.bare.url, stack.confd.url) !== ours.body)
    throw new Error('list same-sql: confd and the bare route disagree');
}

async function phases(stack: BenchStack, load: Load): Promise<Record<string, Row>> {
  const auth = { 'x-auth-token': stack.token };
  const json = { 'content-type': 'application/json' };
  const get =
    (url: string, headers?: Record<string, string>): Op =>
    () =>
      http(url, { headers, expect: 200 });
  const post =
    (url: string, side: string, headers: Record<string, string>): Op =>
    (i) =>
      http(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ firstname: `Bench${i}`, lastname: `Zz${side}` }),
        expect: 201,
      });
  const ops: Record<string, { ours: Op; bare: Op }> = {};
  for (const [name, query] of Object.entries(lists))
    ops[name] = {
      ours: get(`${stack.confd.url}/1.1/users?${query}`, auth),
      bare: get(`${stack.bare.url}/users?${query}`),
    };
  // The plain page against a bare route running confd's own statement (PostgreSQL writes the JSON).
  ops['list same-sql'] = {
    ours: get(`${stack.confd.url}/1.1/users?limit=100`, auth),
    bare: get(`${stack.bare.url}/users-json?limit=100`),
  };
  const { rows } = await stack.database.pool.query<{ uuid: string }>(
    'SELECT uuid FROM users ORDER BY id OFFSET $1 LIMIT 1',
    [USERS / 2],
  );
  const uuid = rows[0]!.uuid;
  ops.item = {
    ours: get(`${stack.confd.url}/1.1/users/${uuid}`, auth),
    bare: get(`${stack.bare.url}/users/${uuid}`),
  };
  // Creates last: the lists above run over exactly USERS rows.
  ops.create = {
    ours: post(`${stack.confd.url}/1.1/users`, 'ours', { ...auth, ...json }),
    bare: post(`${stack.bare.url}/users`, 'bare', json),
  };
  const results: Record<string, Row> = {};
  // BENCH_ONLY=item,list: those phases only (to profile one path).
  const only = process.env.BENCH_ONLY?.split(',');
  for (const [name, op] of Object.entries(ops))
    if (!only || only.includes(name))
      for (const concurrency of PHASE_LOOPS[name] ?? LOOPS) {
        const phase = { concurrency, durationMs };
        results[`${name} c${concurrency}`] = await load.compare(op.ours, op.bare, phase);
      }
  return results;
}

async function main(): Promise<void> {
  const started = Date.now();
  const stack = await startBenchStack();
  let results: Record<string, Row>;
  try {
    await checkSamePages(stack);
    results = await phases(stack, createLoad());
  } finally {
    closeAgent();
    await stack.close();
  }
  report(results, Date.now() - started);
}

const ms = (value: number) => value.toFixed(2).padStart(7);

function report(results: Record<string, Row>, elapsedMs: number): void {
  console.log(`confd bench: ${USERS} users, ${durationMs} ms per phase, ${elapsedMs} ms in all`);
  console.log(
    'phase          confd req/s   p50 ms   p99 ms    bare req/s   p50 ms   p99 ms   req/s ours/bare   p50 ours/bare',
  );
  for (const [name, { ours, bare }] of Object.entries(results))
    console.log(
      [
        name.padEnd(12),
        ours.rate.toFixed(0).padStart(13),
        ms(ours.p50),
        ms(ours.p99),
        bare.rate.toFixed(0).padStart(13),
        ms(bare.p50),
        ms(bare.p99),
        (ours.rate / bare.rate).toFixed(2).padStart(17),
        (ours.p50 / bare.p50).toFixed(2).padStart(15),
      ].join('  '),
    );
  const round = (m: Measured) => ({
    rate: Math.round(m.rate),
    p50: Number(m.p50.toFixed(3)),
    p99: Number(m.p99.toFixed(3)),
  });
  const figures = Object.fromEntries(
    Object.entries(results).map(([name, r]) => [
      name,
      { ours: round(r.ours), bare: round(r.bare), ratio: Number((r.ours.rate / r.bare.rate).toFixed(3)) },
    ]),
  );
  console.log(JSON.stringify({ bench: 'confd', users: USERS, durationMs, elapsedMs, results: figures }));
}

await main();
