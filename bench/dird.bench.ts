/**
 * wazo-dird's lookup (issue 19): `GET /0.1/directories/lookup/{profile}?term=` over a profile of
 * three sources holding 10,000 wazo-confd users (the wazo backend, read through confd's REST API
 * and cached), 1,000 personal contacts of the asking user and a 10,000-entry phonebook, against a
 * bare route that runs the same rows' queries straight on the two databases (confd's users by
 * name, dird's contacts by unaccented name) and answers them as JSON, in the same run, in
 * alternating slices. Each term matches about 110 users, 11 personal contacts and 110 phonebook
 * entries.
 *
 *   node --conditions=wazo-ts-source --import tsx bench/dird.bench.ts   # PostgreSQL on :5432
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contactsDao, seedProfile, seedSource, startLookupStack } from '@wazo-ts/dird/testing';
import { sql } from 'kysely';
import { closeAgent, http } from './auth/load.js';
import { createLoad } from './confd/load.js';

const USERS = 10_000;
const PERSONAL = 1_000;
const PHONEBOOK = 10_000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const DURATION_MS = Number(process.env.BENCH_PHASE_MS ?? 4000);

const termOf = (i: number) => `Last${10 + (i % 90)}`;

const stack = await startLookupStack({ confd: true });
const servers: { close(): void }[] = [];
try {
  const confd = stack.confd;
  if (!confd) throw new Error('the bench needs wazo-confd');
  const admin = await stack.auth.tokenFor(['confd.#', 'auth.tenants.read']);
  // One user through confd (it mirrors the tenant), the rest in bulk in its database.
  await http(`${confd.api}/users`, {
    method: 'POST',
    headers: { 'x-auth-token': admin, 'content-type': 'application/json' },
    body: JSON.stringify({ firstname: 'Seed', lastname: 'Zzseed' }),
    expect: 201,
  });
  await confd.database.pool.query(
    `INSERT INTO users (tenant_uuid, firstname, lastname, email)
     SELECT $1, 'First' || i, 'Last' || i, 'user' || i || '@example.com' FROM generate_series(1, $2::int) AS i`,
    [stack.tenantUuid, USERS - 1],
  );
  await confd.database.pool.query('ANALYZE users');

  const asker = await stack.userToken(['dird.#']);
  await stack.db
    .insertInto('dird_user')
    .values({ user_uuid: asker.userUuid, tenant_uuid: stack.tenantUuid })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const fields = (n: number, kind: string) =>
    Array.from({ length: n }, (_, i) => ({
      firstname: `${kind}${i}`,
      lastname: `Last${i}`,
      number: `5${i}`,
    }));
  await contactsDao.insertMany(stack.db, { userUuid: asker.userUuid }, fields(PERSONAL, 'Friend'));
  const phonebookUuid = randomUUID();
  await stack.db
    .insertInto('dird_phonebook')
    .values({
      uuid: phonebookUuid,
      tenant_uuid: stack.tenantUuid,
      name: 'bench-phonebook',
      description: null,
    })
    .execute();
  await contactsDao.insertMany(stack.db, { phonebookUuid }, fields(PHONEBOOK, 'Client'));
  await sql`ANALYZE`.execute(stack.db);

  const searched = ['firstname', 'lastname'];
  const wazo = await seedSource(stack.db, {
    tenantUuid: stack.tenantUuid,
    backend: 'wazo',
    name: 'users',
    searched,
  });
  const personal = await seedSource(stack.db, {
    tenantUuid: stack.tenantUuid,
    backend: 'personal',
    name: 'bench-personal',
    searched,
  });
  const phonebook = await seedSource(stack.db, {
    tenantUuid: stack.tenantUuid,
    backend: 'phonebook',
    name: 'bench-phonebook',
    searched,
    extern: { phonebook_uuid: phonebookUuid },
  });
  await seedProfile(stack.db, {
    tenantUuid: stack.tenantUuid,
    name: 'bench',
    columns: [
      { title: 'Firstname', type: 'firstname', field: 'firstname' },
      { title: 'Lastname', type: 'lastname', field: 'lastname' },
      { title: 'Number', type: 'number', field: 'number' },
    ],
    services: { lookup: { sources: [wazo.uuid, personal.uuid, phonebook.uuid], timeout: 10 } },
  });

  // The bare side: the same rows, each source's query written by hand, no token, no layout.
  const contactsLike = (owner: 'user_uuid' | 'phonebook_uuid', ownerId: string, term: string) =>
    sql<{ fields: Record<string, string> }>`
      SELECT json_object_agg(f.name, f.value) AS fields FROM dird_contact c
      JOIN dird_contact_fields f ON f.contact_uuid = c.uuid
      WHERE c.${sql.ref(owner)} = ${ownerId} AND c.uuid IN (
        SELECT m.contact_uuid FROM dird_contact_fields m
        WHERE m.name IN ('firstname', 'lastname') AND dird_unaccent(m.value) ILIKE dird_unaccent(${`%${term}%`}))
      GROUP BY c.uuid`.execute(stack.db);
  const bare = createServer(async (req, res) => {
    const term = new URL(req.url ?? '/', 'http://x').searchParams.get('term') ?? '';
    const [users, mine, book] = await Promise.all([
      confd.database.pool.query(
        `SELECT uuid, firstname, lastname, email FROM users
         WHERE tenant_uuid = $1 AND (firstname ILIKE $2 OR lastname ILIKE $2)`,
        [stack.tenantUuid, `%${term}%`],
      ),
      contactsLike('user_uuid', asker.userUuid, term),
      contactsLike('phonebook_uuid', phonebookUuid, term),
    ]);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ results: [...users.rows, ...mine.rows, ...book.rows] }));
  });
  bare.listen(0, '127.0.0.1');
  await once(bare, 'listening');
  servers.push(bare);
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

  const count = async (url: string, headers: Record<string, string>) => {
    const answer = await http(url, { headers, expect: 200 });
    return (JSON.parse(answer.body) as { results: unknown[] }).results.length;
  };
  const ours = (i: number) =>
    http(`${stack.api}/directories/lookup/bench?term=${termOf(i)}`, {
      headers: { 'x-auth-token': asker.token },
      expect: 200,
    });
  const theirs = (i: number) => http(`${bareUrl}/?term=${termOf(i)}`, { expect: 200 });
  // Both sides answer the same number of rows (the wazo source's cache is filled by the first).
  const [a, b] = [
    await count(`${stack.api}/directories/lookup/bench?term=${termOf(2)}`, { 'x-auth-token': asker.token }),
    await count(`${bareUrl}/?term=${termOf(2)}`, {}),
  ];
  if (a !== b) throw new Error(`the two sides disagree: ${a} results against ${b}`);

  const { ours: o, bare: r } = await createLoad().compare(ours, theirs, {
    concurrency: CONCURRENCY,
    durationMs: DURATION_MS,
    warmupMs: 1000,
  });
  const row = (name: string, m: { rate: number; p50: number; p99: number }, base = m) =>
    `${name.padEnd(22)} ${m.rate.toFixed(0).padStart(8)} ${m.p50.toFixed(1).padStart(8)} ${m.p99.toFixed(1).padStart(8)} ${(m.rate / base.rate).toFixed(2).padStart(7)}`;
  console.log(`dird bench: ${a} results a lookup, ${CONCURRENCY} loops, ${DURATION_MS} ms a side`);
  console.log(
    `${'side'.padEnd(22)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'rate x'.padStart(7)}`,
  );
  console.log(row('bare queries', r));
  console.log(row('dird lookup', o, r));
  console.log(JSON.stringify({ bench: 'dird', results: a, ours: o, bare: r, ratio: o.rate / r.rate }));
} finally {
  for (const server of servers) server.close();
  await closeAgent();
  await stack.stop();
}
