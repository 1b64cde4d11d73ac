/**
 * The Service API's hot paths against bare parameterised `pg` queries doing the same work, in the
 * same run on the same throwaway database of 10,000 users, so the ratios hold on a noisy machine:
 * - search: `users.search(scope, {search, limit 100})` vs the same count + page SQL by hand (the
 *   indexed document, then each column);
 * - list: `users.search(scope, {limit 100, offset})` vs the same count + page SQL by hand;
 * - create: `users.create(scope, tenant, {...})` (transaction, uniqueness checks, insert, read back, event
 *   in the outbox) vs a bare INSERT ... RETURNING.
 *
 *   node --conditions=wazo-ts-source --import tsx bench/dao.bench.ts   (BENCH_PHASE_MS=2000)
 */
import { randomUUID } from 'node:crypto';
import {
  createUsersDao,
  createUsersNotifier,
  createUsersService,
  createUsersValidator,
  scopeOf,
  userSearchConfig,
} from '../packages/dao/src/index.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../packages/dao/src/testing/index.js';

const durationMs = Number(process.env.BENCH_PHASE_MS ?? 2000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const USERS = 10_000;
const TERM = 'last12';
let sequence = 0;

async function seed(testDb: MigratedTestDatabase, tenant: string): Promise<void> {
  await testDb.pool.query('INSERT INTO tenant (uuid, slug) VALUES ($1, $2)', [tenant, 'bench']);
  await testDb.pool.query(
    `INSERT INTO users (tenant_uuid, firstname, lastname, email, caller_id)
     SELECT $1, 'First' || i, 'Last' || i, 'user' || i || '@example.com', '"First' || i || ' Last' || i || '"'
     FROM generate_series(1, $2::int) AS i`,
    [tenant, USERS],
  );
  await testDb.pool.query('ANALYZE users');
}

/** Runs `op` from `concurrency` loops for `durationMs` (after a short warm-up); resolves ops/s. */
async function rate(op: (i: number) => Promise<unknown>): Promise<number> {
  const loop = async (deadline: number, counter: { n: number }) => {
    while (performance.now() < deadline) await op(counter.n++);
  };
  // One sequence for warm-up and measure, so each call gets fresh values (unique e-mails).
  const counter = { n: sequence };
  const run = async (ms: number) => {
    const first = counter.n;
    const start = performance.now();
    await Promise.all(Array.from({ length: concurrency }, () => loop(start + ms, counter)));
    return (counter.n - first) / ((performance.now() - start) / 1000);
  };
  await run(200);
  const measured = await run(durationMs);
  sequence = counter.n;
  return measured;
}

/** The users search's columns, as the hand-written baseline spells them. */
const searchColumns = userSearchConfig.search.map((name) => userSearchConfig.columns[name]);
const anyColumn = `(${searchColumns.map((c) => `unaccent(${c}::text) ILIKE unaccent($2)`).join(' OR ')})`;
// The trigram-indexed document first, as the search contract does (migration 0005), then the columns.
const document = `wazo_search_document(${searchColumns.map((c) => `${c}::text`).join(', ')})`;
const textMatch = `(${document} ILIKE wazo_unaccent($2) AND ${anyColumn})`;
const bareSearchCount = `SELECT count(*) FROM users WHERE users.tenant_uuid = $1 AND ${textMatch}`;
const bareSearchPage = `SELECT * FROM users WHERE users.tenant_uuid = $1 AND ${textMatch}
  ORDER BY lower(users.lastname::text) ASC NULLS LAST LIMIT 100`;
const bareListCount = 'SELECT count(*) FROM users WHERE tenant_uuid = $1';
const bareListPage = `SELECT * FROM users WHERE tenant_uuid = $1
  ORDER BY lower(lastname::text) ASC NULLS LAST LIMIT 100 OFFSET $2`;
const bareInsert = `INSERT INTO users (tenant_uuid, firstname, lastname, email, caller_id)
  VALUES ($1, $2, $3, $4, $5) RETURNING *`;

async function main(): Promise<void> {
  const started = Date.now();
  const testDb = await createMigratedTestDatabase({ prefix: 'wazo_bench_dao', poolSize: concurrency + 2 });
  const results: Record<string, { ours: number; bare: number }> = {};
  try {
    const tenant = randomUUID();
    await seed(testDb, tenant);
    const dao = createUsersDao();
    const users = createUsersService({
      uow: testDb.uow(),
      dao,
      validator: createUsersValidator({ dao }),
      notifier: createUsersNotifier(),
    });
    const scope = scopeOf(tenant);
    const pool = testDb.pool;
    const offset = (i: number) => (i * 397) % (USERS - 100);
    const pattern = `%${TERM}%`;
    results.search = {
      ours: await rate(() => users.search(scope, { search: TERM, limit: 100 })),
      bare: await rate(async () => {
        await pool.query(bareSearchCount, [tenant, pattern]);
        await pool.query(bareSearchPage, [tenant, pattern]);
      }),
    };
    results.list = {
      ours: await rate((i) => users.search(scope, { limit: 100, offset: offset(i) })),
      bare: await rate(async (i) => {
        await pool.query(bareListCount, [tenant]);
        await pool.query(bareListPage, [tenant, offset(i)]);
      }),
    };
    const fresh = (kind: string, i: number) => ({
      firstname: `New${i}`,
      lastname: kind,
      email: `${kind}${i}@example.com`,
    });
    results.create = {
      ours: await rate((i) => users.create(scope, tenant, fresh('ours', i))),
      bare: await rate((i) => {
        const u = fresh('bare', i);
        return pool.query(bareInsert, [
          tenant,
          u.firstname,
          u.lastname,
          u.email,
          `"${u.firstname} ${u.lastname}"`,
        ]);
      }),
    };
  } finally {
    await testDb.drop();
  }
  report(results, Date.now() - started);
}

function report(results: Record<string, { ours: number; bare: number }>, elapsedMs: number): void {
  console.log(
    `dao bench: ${USERS} users, ${concurrency} loops, ${durationMs} ms per phase, ${elapsedMs} ms in all`,
  );
  console.log('operation   service op/s   bare pg op/s   service / bare');
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `${name.padEnd(10)} ${r.ours.toFixed(0).padStart(13)} ${r.bare.toFixed(0).padStart(14)} ${(r.ours / r.bare).toFixed(2).padStart(16)}`,
    );
  }
  console.log(JSON.stringify({ bench: 'dao', users: USERS, concurrency, durationMs, elapsedMs, results }));
}

await main();
