/**
 * A page of users without filters (`GET /users`, with or without `search=`) is written by PostgreSQL
 * (user-page.dao.ts in @wazo-ts/dao). Its bytes must be those of the users the model builds,
 * linked and serialised: compared here with JSON.stringify of the users service's page (links
 * added as the links hook adds them) and with the answer of the route's other path, on users whose
 * fields hold what JSON escapes (quotes, backslashes, control characters, non-ASCII) and
 * timestamps with and without milliseconds.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf, type User } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from './users.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
const tenant = randomUUID();
const child = randomUUID();
const other = randomUUID();

/** Strings JSON.stringify escapes or writes as they are. */
const AWKWARD = [
  'quote " and backslash \\',
  'control \u0001\u0008\u000c\n\r\t\u001f end',
  'accents é, emoji 😀, line separator \u2028, DEL \u007f',
  "apostrophe ' and slash /",
  '',
];

async function seed(tenantUuid: string, prefix: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const text = AWKWARD[i % AWKWARD.length] as string;
    const flag = i % 2 === 0;
    await database.pool.query(
      `INSERT INTO users (tenant_uuid, firstname, lastname, email, description, caller_id, userfield,
         mobile_phone_number, username, music_on_hold, call_permission_password, timezone, language,
         outgoing_caller_id, preprocess_subroutine, password,
         mobile_fallback_enabled, call_transfer_enabled, dtmf_hangup_enabled,
         call_record_outgoing_external_enabled, call_record_outgoing_internal_enabled,
         call_record_incoming_external_enabled, call_record_incoming_internal_enabled,
         online_call_record_enabled, supervision_enabled, enabled, ring_seconds, simultaneous_calls,
         subscription_type, created_at, dnd_enabled, incallfilter_enabled,
         forward_busy_enabled, forward_busy_destination, forward_noanswer_enabled,
         forward_noanswer_destination, forward_unconditional_enabled, forward_unconditional_destination)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
         $17, $18, $17, $17, $17, $17, $18, $18, $17, $18, $19, $20, $21, $22, $17, $18,
         $18, $23, $17, $24, false, NULL)`,
      [
        tenantUuid,
        `${prefix}${i} ${text}`,
        i % 3 === 0 ? null : `${text} ${i}`,
        i % 4 === 0 ? null : `${prefix}${i}@example.com`,
        i % 2 === 0 ? text : null,
        i % 3 === 1 ? `"${prefix}${i}" <100${i}>` : null,
        text,
        flag ? `+3312345${i}` : null,
        i % 3 === 2 ? `${prefix}user${i}` : null,
        i % 4 === 1 ? 'default' : null,
        i % 4 === 2 ? '1234' : null,
        i % 2 === 1 ? 'Europe/Paris' : null,
        i % 2 === 0 ? 'fr_FR' : null,
        i % 3 === 0 ? text : null,
        i % 3 === 1 ? 'sub' : null,
        i % 3 === 2 ? `p'w"${i}` : null,
        flag,
        !flag,
        i * 10,
        1 + (i % 20),
        i % 11,
        // Whole seconds, milliseconds, and microseconds a JavaScript Date truncates.
        ['2021-03-04 05:06:07+00', '2021-03-04 05:06:07.089+00', '1999-12-31 23:59:59.123456+02'][i % 3],
        `busy ${text}`,
        flag ? `*${i}` : null,
      ],
    );
  }
}

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_users_page' });
  api = await buildTestApi(database, [answerLinksPlugin, usersPlugin]);
  api.addSubtenant(tenant, child);
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: tenant } });
  for (const uuid of [tenant, child, other])
    await database.pool.query('INSERT INTO tenant (uuid) VALUES ($1) ON CONFLICT DO NOTHING', [uuid]);
  await seed(tenant, 'Ann', 24);
  await seed(child, 'Bob', 6);
  await seed(other, 'Eve', 3);
  // A main line whose provisioning code a search finds: its user matches by line only.
  await database.pool.query(
    `WITH ctx AS (INSERT INTO context (tenant_uuid, name, label) VALUES ($1, 'page-json', 'Page') RETURNING id),
       l AS (INSERT INTO line (context_id, provisioning_code) SELECT id, '987654' FROM ctx RETURNING id)
     INSERT INTO user_line (user_id, line_id, main_user, main_line)
     SELECT (SELECT id FROM users WHERE firstname LIKE 'Ann5 %'), l.id, true, true FROM l`,
    [tenant],
  );
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

function get(query: string, headers: Record<string, string> = {}) {
  return api.app.inject({ url: `/1.1/users?${query}`, headers: { 'x-auth-token': 'admin', ...headers } });
}

/** The page the users service reads, linked as the links hook links it, as JSON.stringify writes it. */
async function modelAnswer(tenants: string[], query: Record<string, string | number>, base: string) {
  const page = await api.resources.services.users.search(scopeOf(...tenants), query);
  const items = page.items.map((user: User) => ({
    ...user,
    links: [{ rel: 'users', href: `${base}/users/${user.id}` }],
  }));
  return JSON.stringify({ total: page.total, items });
}

const PAGES: [string, Record<string, string | number>][] = [
  ['', {}],
  ['limit=5', { limit: 5 }],
  ['limit=7&offset=3', { limit: 7, offset: 3 }],
  ['order=firstname&direction=desc', { order: 'firstname', direction: 'desc' }],
  ['order=email&limit=10', { order: 'email', limit: 10 }],
  ['order=lastname&direction=desc&limit=9', { order: 'lastname', direction: 'desc', limit: 9 }],
  ['order=id&direction=desc', { order: 'id', direction: 'desc' }],
  ['order=uuid&offset=20', { order: 'uuid', offset: 20 }],
  ['offset=1000', { offset: 1000 }],
  ['search=ann1', { search: 'ann1' }],
  [
    'search=%C3%A9&order=firstname&limit=4&offset=1',
    { search: 'é', order: 'firstname', limit: 4, offset: 1 },
  ],
  ['search=E&direction=desc', { search: 'E', direction: 'desc' }],
  ['search=%25', { search: '%' }],
  ['search=nobody', { search: 'nobody' }],
  ['search=98765', { search: '98765' }],
  ['search=98765&offset=1000', { search: '98765', offset: 1000 }],
];

describe('GET /users written by PostgreSQL', () => {
  for (const [query, params] of PAGES)
    it(`when the page is ?${query}, then its bytes are the linked model's`, async () => {
      const res = await get(query);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(res.body, await modelAnswer([tenant], params, 'http://localhost:80/1.1'));
      // The route's other path (an unknown parameter is a filter the search ignores, as Wazo's).
      const other = await get(`${query}&not_a_column=1`);
      assert.equal(other.statusCode, 200, other.body);
      assert.equal(res.body, other.body);
    });

  it('when the deep page is asked, then it is the same rows as the shallow one', async () => {
    const shallow = JSON.parse((await get('limit=5&offset=2')).body);
    assert.equal(shallow.items.length, 5);
    assert.equal(shallow.total, 24);
    const all = JSON.parse((await get('')).body);
    assert.deepEqual(shallow.items, all.items.slice(2, 7));
  });

  it('when a search matches a main line only, then its user is found', async () => {
    const page = JSON.parse((await get('search=98765')).body) as {
      total: number;
      items: { firstname: string }[];
    };
    assert.equal(page.total, 1);
    assert.match(page.items[0]?.firstname ?? '', /^Ann5 /);
  });

  it('when the sub-tenants are asked, then their users are listed too, and no other tenant', async () => {
    const res = await get('recurse=true&order=firstname');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(
      res.body,
      await modelAnswer([tenant, child], { order: 'firstname' }, 'http://localhost:80/1.1'),
    );
    const page = JSON.parse(res.body) as { total: number; items: { tenant_uuid: string }[] };
    assert.equal(page.total, 30);
    assert.ok(page.items.every((user) => user.tenant_uuid !== other));
  });

  it('when the request comes through the gateway, then the links name its host and prefix', async () => {
    const headers = { 'x-script-name': '/api/confd', host: 'pbx.example.com' };
    const res = await get('limit=3', headers);
    assert.equal(res.body, await modelAnswer([tenant], { limit: 3 }, 'http://pbx.example.com/api/confd/1.1'));
  });

  it('when the order is not a column, then the search refuses it (400), as before', async () => {
    const res = await get('order=nope');
    assert.equal(res.statusCode, 400, res.body);
  });
});
