/**
 * Blocklists on a real PostgreSQL: a user's own numbers (create with defaults and all fields,
 * Location, read, partial edit, delete, events to the user only), Wazo's number checks, one number
 * per blocklist, another user's number not found; the administrator's lists and reads with the
 * owner's names, tenants and recurse; the HEAD lookup; the blocklist gone with its user.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { caller, lastOutboxId, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, fixedServiceToken, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/users.plugin.js';
import { blocklistsPlugin } from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const master = randomUUID();
const sub = randomUUID();
const other = randomUUID();
const users = { ann: { uuid: '', id: 0 }, bob: { uuid: '', id: 0 }, sue: { uuid: '', id: 0 } };
const FAKE = '99999999-9999-4999-9999-999999999999';

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_blocklists' });
  api = await buildTestApi(database, [answerLinksPlugin, usersPlugin, blocklistsPlugin], {
    serviceToken: fixedServiceToken('service', master),
  });
  call = caller(api);
  api.addSubtenant(master, sub);
  const { services } = api.resources;
  for (const tenant of [master, sub, other]) await services.tenants.ensure(tenant);
  users.ann = await services.users.create(scopeOf(master), master, { firstname: 'Ann', lastname: 'Lee' });
  users.bob = await services.users.create(scopeOf(master), master, { firstname: 'Bob' });
  users.sue = await services.users.create(scopeOf(sub), sub, { firstname: 'Sue' });
  const me = ['confd.users.me.blocklist.*'];
  api.verifier.add({ token: 'ann', acl: me, metadata: { uuid: users.ann.uuid, tenant_uuid: master } });
  api.verifier.add({ token: 'bob', acl: me, metadata: { uuid: users.bob.uuid, tenant_uuid: master } });
  api.verifier.add({ token: 'sue', acl: me, metadata: { uuid: users.sue.uuid, tenant_uuid: sub } });
  api.verifier.add({ token: 'nobody', acl: me, metadata: { tenant_uuid: master } });
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: master } });
  api.verifier.add({ token: 'other', acl: ['confd.#'], metadata: { tenant_uuid: other } });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

const head = (url: string, token: string) =>
  api.app.inject({ method: 'HEAD', url: `/1.1${url}`, headers: { 'x-auth-token': token } });

let first: { uuid: string; number: string; label: string | null };

describe('a user blocklist', () => {
  it('when a number is added, then 201 with its uuid, label null, Location, and the event to the user', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/users/me/blocklist/numbers', 'ann', { number: '+112' });
    assert.equal(res.statusCode, 201, res.body);
    first = res.json();
    const links = [
      {
        rel: 'user_me_blocklist_numbers',
        href: `http://localhost:80/1.1/users/me/blocklist/numbers/${first.uuid}`,
      },
    ];
    assert.deepEqual(first, { uuid: first.uuid, number: '+112', label: null, links });
    assert.equal(res.headers.location, links[0]!.href);
    const [event, ...rest] = await sentSince(database, from);
    assert.deepEqual(rest, []);
    assert.equal(event!.name, 'user_blocklist_number_created');
    assert.equal(event!.routing_key, `confd.users.${ann()}.blocklist.created`);
    assert.deepEqual(event!.data, { uuid: first.uuid, number: '+112', label: null });
    assert.equal(event!.headers[`user_uuid:${ann()}`], true);
    assert.equal(event!.headers.tenant_uuid, master);
    const read = await call('GET', `/users/me/blocklist/numbers/${first.uuid}`, 'ann');
    assert.deepEqual(read.json(), first);
  });

  it('when bad numbers or labels are given, then 400 naming the field, and nothing is added', async () => {
    const before = await rowCount(database, 'blocklist_number');
    const bad: [string, unknown, RegExp][] = [
      ['number', 123, /^Input Error - number: \['Not a valid string.'\]$/],
      ['number', [], /^Input Error - number/],
      ['number', null, /^Input Error - number: \['Field may not be null.'\]$/],
      ['number', true, /^Input Error - number/],
      ['number', {}, /^Input Error - number/],
      ['number', 'a'.repeat(1024), /^Input Error - number/],
      ['number', '12a', /^Input Error - number: \['not a valid digit-only phone number'\]$/],
      ['number', '123', /^Input Error - number: \['Invalid E.164 phone number'\]$/],
      ['number', '+12', /Invalid E.164 phone number/],
      ['number', '+0123', /Invalid E.164 phone number/],
      ['number', `+1${'2'.repeat(18)}`, /Invalid E.164 phone number/],
      ['label', 123, /^Input Error - label/],
      ['label', '', /^Input Error - label/],
      ['label', 'a'.repeat(1025), /^Input Error - label/],
    ];
    for (const [field, value, message] of bad) {
      const body = field === 'number' ? { number: value } : { number: '+123', [field]: value };
      const res = await call('POST', '/users/me/blocklist/numbers', 'ann', body);
      assert.equal(res.statusCode, 400, `${field}=${JSON.stringify(value)}: ${res.body}`);
      assert.match(res.json()[0], message);
      const put = await call('PUT', `/users/me/blocklist/numbers/${first.uuid}`, 'ann', { [field]: value });
      assert.equal(put.statusCode, 400, `PUT ${field}=${JSON.stringify(value)}: ${put.body}`);
    }
    const missing = await call('POST', '/users/me/blocklist/numbers', 'ann', {});
    assert.deepEqual(missing.json(), ["Input Error - number: ['Missing data for required field.']"]);
    assert.equal(await rowCount(database, 'blocklist_number'), before);
  });

  it('when a number is in the list already, then 400 BlocklistNumber already exists naming number and user', async () => {
    const again = await call('POST', '/users/me/blocklist/numbers', 'ann', { number: '+112' });
    assert.equal(again.statusCode, 400);
    assert.deepEqual(again.json(), [
      `Resource Error - BlocklistNumber already exists ('number': '+112', 'user_uuid': '${ann()}')`,
    ]);
    const second = (
      await call('POST', '/users/me/blocklist/numbers', 'ann', { number: '+18005551234', label: 'Here' })
    ).json();
    const clash = await call('PUT', `/users/me/blocklist/numbers/${second.uuid}`, 'ann', { number: '+112' });
    assert.equal(clash.statusCode, 400);
    assert.match(clash.json()[0], /^Resource Error - BlocklistNumber already exists/);
    // Another user may block the same number.
    assert.equal(
      (await call('POST', '/users/me/blocklist/numbers', 'bob', { number: '+112' })).statusCode,
      201,
    );
  });

  it('when edited, then only the given fields change, announced; an empty body changes nothing', async () => {
    const from = await lastOutboxId(database);
    const res = await call('PUT', `/users/me/blocklist/numbers/${first.uuid}`, 'ann', { label: 'Mom' });
    assert.equal(res.statusCode, 204, res.body);
    const read = (await call('GET', `/users/me/blocklist/numbers/${first.uuid}`, 'ann')).json();
    assert.deepEqual([read.number, read.label], ['+112', 'Mom']);
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key, e.data]),
      [
        [
          'user_blocklist_number_edited',
          `confd.users.${ann()}.blocklist.edited`,
          { uuid: first.uuid, number: '+112', label: 'Mom' },
        ],
      ],
    );
    assert.equal((await call('PUT', `/users/me/blocklist/numbers/${first.uuid}`, 'ann', {})).statusCode, 204);
    const same = (await call('GET', `/users/me/blocklist/numbers/${first.uuid}`, 'ann')).json();
    assert.deepEqual(same, read);
  });

  it("when another user's number or an unknown one is named, then 404 BlocklistNumber with uuid and user", async () => {
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const res = await call(
        method,
        `/users/me/blocklist/numbers/${first.uuid}`,
        'bob',
        method === 'PUT' ? {} : undefined,
      );
      assert.equal(res.statusCode, 404, `${method}: ${res.body}`);
      assert.deepEqual(res.json(), [
        `Resource Not Found - BlocklistNumber was not found ('uuid': '${first.uuid}', 'user_uuid': '${users.bob.uuid}')`,
      ]);
    }
    assert.equal((await call('GET', `/users/me/blocklist/numbers/${FAKE}`, 'ann')).statusCode, 404);
    assert.equal((await call('GET', '/users/me/blocklist/numbers/not-a-uuid', 'ann')).statusCode, 404);
  });

  it('when listed, then only the own numbers, searched, filtered, sorted and paged by number', async () => {
    const own = (await call('GET', '/users/me/blocklist/numbers', 'ann')).json();
    assert.deepEqual(
      own.items.map((n: { number: string }) => n.number),
      ['+112', '+18005551234'],
    );
    assert.equal(own.total, 2);
    const bobs = (await call('GET', '/users/me/blocklist/numbers', 'bob')).json();
    assert.deepEqual([bobs.total, bobs.items[0].number], [1, '+112']);
    const search = (await call('GET', '/users/me/blocklist/numbers?search=her', 'ann')).json();
    assert.deepEqual(
      search.items.map((n: { label: string }) => n.label),
      ['Here'],
    );
    const exact = (await call('GET', '/users/me/blocklist/numbers?number=%2B112', 'ann')).json();
    assert.deepEqual(
      exact.items.map((n: { uuid: string }) => n.uuid),
      [first.uuid],
    );
    const page = (
      await call('GET', '/users/me/blocklist/numbers?order=label&direction=desc&limit=1', 'ann')
    ).json();
    assert.deepEqual([page.total, page.items[0].label], [2, 'Mom']);
    const bad = await call('GET', '/users/me/blocklist/numbers?number=abc', 'ann');
    assert.equal(bad.statusCode, 400);
  });

  it('when the token has no user, then 400; when the user is not in confd, then 404 User', async () => {
    const none = await call('POST', '/users/me/blocklist/numbers', 'nobody', { number: '+112' });
    assert.equal(none.statusCode, 400);
    assert.match(none.json()[0], /^Input Error - field 'user_uuid'/);
    const ghost = randomUUID();
    api.verifier.add({
      token: 'ghost',
      acl: ['confd.users.me.#'],
      metadata: { uuid: ghost, tenant_uuid: master },
    });
    const res = await call('POST', '/users/me/blocklist/numbers', 'ghost', { number: '+112' });
    assert.equal(res.statusCode, 404);
    assert.deepEqual(res.json(), [`Resource Not Found - User was not found ('uuid': '${ghost}')`]);
    assert.deepEqual((await call('GET', '/users/me/blocklist/numbers', 'ghost')).json(), {
      total: 0,
      items: [],
    });
  });
});

describe('blocklists seen by an administrator', () => {
  let sues: { uuid: string };
  before(async () => {
    sues = (await call('POST', '/users/me/blocklist/numbers', 'sue', { number: '+15551112222' })).json();
  });

  it('when all numbers are listed, then with owner and tenant; the sub-tenant only with recurse or Wazo-Tenant', async () => {
    const list = (await call('GET', '/users/blocklist/numbers', 'admin')).json();
    assert.equal(list.total, 3);
    const ann1 = list.items.find((n: { uuid: string }) => n.uuid === first.uuid);
    assert.deepEqual(ann1, {
      uuid: first.uuid,
      number: '+112',
      label: 'Mom',
      user_uuid: ann(),
      user_firstname: 'Ann',
      user_lastname: 'Lee',
      tenant_uuid: master,
      links: [
        {
          rel: 'user_blocklist_numbers',
          href: `http://localhost:80/1.1/users/blocklist/numbers/${first.uuid}`,
        },
      ],
    });
    const all = (await call('GET', '/users/blocklist/numbers?recurse=true', 'admin')).json();
    assert.equal(all.total, 4);
    const subOnly = (await call('GET', '/users/blocklist/numbers', 'admin', undefined, sub)).json();
    assert.deepEqual(
      subOnly.items.map((n: { uuid: string }) => n.uuid),
      [sues.uuid],
    );
    const byUser = (
      await call('GET', `/users/blocklist/numbers?user_uuid=${users.bob.uuid}`, 'admin')
    ).json();
    assert.deepEqual(
      byUser.items.map((n: { user_uuid: string }) => n.user_uuid),
      [users.bob.uuid],
    );
    assert.deepEqual((await call('GET', '/users/blocklist/numbers', 'other')).json(), {
      total: 0,
      items: [],
    });
  });

  it("when one number or a user's list is read, then the sub-tenant's too; another tenant's is 404", async () => {
    const read = await call('GET', `/users/blocklist/numbers/${sues.uuid}`, 'admin');
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(read.json().tenant_uuid, sub);
    const foreign = await call('GET', `/users/blocklist/numbers/${sues.uuid}`, 'other');
    assert.equal(foreign.statusCode, 404);
    assert.deepEqual(foreign.json(), [
      `Resource Not Found - BlocklistNumber was not found ('uuid': '${sues.uuid}')`,
    ]);
    const annList = (await call('GET', `/users/${ann()}/blocklist/numbers`, 'admin')).json();
    assert.equal(annList.total, 2);
    assert.equal((await call('GET', `/users/${ann()}/blocklist/numbers`, 'other')).json().total, 0);
  });

  it('when a number is looked up with HEAD, then 204 with its uuid, label and Location, or an empty 404', async () => {
    const hit = await head(`/users/${ann()}/blocklist/numbers?number_exact=%2B112`, 'admin');
    assert.equal(hit.statusCode, 204, hit.body);
    assert.equal(hit.headers['wazo-blocklist-number-uuid'], first.uuid);
    assert.equal(hit.headers['wazo-blocklist-number-label'], 'Mom');
    assert.equal(hit.headers.location, `http://localhost:80/1.1/users/blocklist/numbers/${first.uuid}`);
    const unlabelled = await head(`/users/${users.bob.uuid}/blocklist/numbers?number_exact=%2B112`, 'admin');
    assert.equal(unlabelled.headers['wazo-blocklist-number-label'], '');
    for (const url of [
      `/users/${ann()}/blocklist/numbers?number_exact=%2B113`,
      `/users/${ann()}/blocklist/numbers`,
      `/users/${FAKE}/blocklist/numbers?number_exact=%2B112`,
    ]) {
      const miss = await head(url, 'admin');
      assert.equal(miss.statusCode, 404, url);
      assert.equal(miss.body, '');
    }
    assert.equal(
      (await head(`/users/${ann()}/blocklist/numbers?number_exact=%2B112`, 'other')).statusCode,
      404,
    );
    assert.equal((await head(`/users/${ann()}/blocklist/numbers?number_exact=x`, 'admin')).statusCode, 400);
  });

  it('when a user token reads the admin routes, then 401', async () => {
    assert.equal((await call('GET', '/users/blocklist/numbers', 'ann')).statusCode, 401);
    assert.equal(
      (await head(`/users/${ann()}/blocklist/numbers?number_exact=%2B112`, 'ann')).statusCode,
      401,
    );
  });

  it('when a number is deleted, then gone and announced; when its user is deleted, then its blocklist goes', async () => {
    const from = await lastOutboxId(database);
    const res = await call('DELETE', `/users/me/blocklist/numbers/${first.uuid}`, 'ann');
    assert.equal(res.statusCode, 204, res.body);
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key]),
      [['user_blocklist_number_deleted', `confd.users.${ann()}.blocklist.deleted`]],
    );
    assert.equal((await call('GET', `/users/me/blocklist/numbers/${first.uuid}`, 'ann')).statusCode, 404);
    const numbers = await rowCount(database, 'blocklist_number');
    assert.equal((await call('DELETE', `/users/${users.bob.uuid}`, 'admin')).statusCode, 204);
    assert.equal(await rowCount(database, 'blocklist_number'), numbers - 1);
    const left = await database.pool.query('SELECT 1 FROM blocklist WHERE user_uuid = $1', [users.bob.uuid]);
    assert.equal(left.rowCount, 0);
  });
});

function ann(): string {
  return users.ann.uuid;
}
