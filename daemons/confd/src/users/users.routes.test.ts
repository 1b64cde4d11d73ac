/**
 * The users routes through the app on a real PostgreSQL: confd's list envelope and params, tenant
 * scoping (404 across tenants, sub-tenants with recurse), 201 + Location, 204s, confd's error
 * lists, bad input changing nothing, and events written to the outbox only with a commit.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from './users.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_users' });
  api = await buildTestApi(database, [usersPlugin]);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'reader', acl: ['confd.users.read'], metadata: { tenant_uuid: tenant1 } });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
function call(method: Method, url: string, token: string, body?: unknown, tenant?: string) {
  const headers: Record<string, string> = { 'x-auth-token': token };
  if (tenant) headers['wazo-tenant'] = tenant;
  return api.app.inject({
    method,
    url: `/1.1${url}`,
    headers,
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

const outboxNames = async (): Promise<string[]> =>
  (await database.pool.query<{ name: string }>('SELECT name FROM bus_outbox ORDER BY id')).rows.map(
    (r) => r.name,
  );
const userCount = async (): Promise<number> =>
  Number((await database.pool.query('SELECT count(*) AS n FROM users')).rows[0].n);

describe('users routes', () => {
  let alice: { id: number; uuid: string };

  it('when a user is created, then 201 with Location, the defaults and user_created in the outbox', async () => {
    const res = await call('POST', '/users', 'admin1', { firstname: 'Alice', lastname: 'Liddell' });
    assert.equal(res.statusCode, 201);
    alice = res.json();
    assert.equal(res.headers.location, `http://localhost:80/1.1/users/${alice.id}`);
    assert.equal(res.json().caller_id, '"Alice Liddell"');
    assert.equal(res.json().tenant_uuid, tenant1);
    assert.deepEqual(await outboxNames(), ['user_created']);
  });

  it('when a body sets id, uuid, created_at, relations or unknown keys, then they are ignored (201/204)', async () => {
    const ignored = {
      id: 314,
      uuid: randomUUID(),
      created_at: '2000-01-01',
      services: {},
      schedules: [],
      x: 1,
    };
    const created = await call('POST', '/users', 'admin1', { firstname: 'Mallory', ...ignored });
    assert.equal(created.statusCode, 201, created.body);
    assert.notEqual(created.json().id, 314);
    assert.notEqual(created.json().uuid, ignored.uuid);
    const { id } = created.json();
    const edited = await call('PUT', `/users/${id}`, 'admin1', { lastname: 'M', ...ignored });
    assert.equal(edited.statusCode, 204, edited.body);
    const read = (await call('GET', `/users/${id}`, 'admin1')).json();
    assert.deepEqual({ ...read, lastname: null }, { ...created.json(), lines: [], groups: [] });
    assert.equal((await call('DELETE', `/users/${id}`, 'admin1')).statusCode, 204);
  });

  it('when read by id or uuid, then the same user', async () => {
    for (const key of [alice.id, alice.uuid]) {
      const res = await call('GET', `/users/${key}`, 'admin1');
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().uuid, alice.uuid);
    }
  });

  it('when another tenant reads, edits or deletes it, then 404 and nothing changes', async () => {
    const before = await outboxNames();
    for (const [method, body] of [['GET'], ['PUT', { firstname: 'X' }], ['DELETE']] as const) {
      const res = await call(method, `/users/${alice.uuid}`, 'admin2', body);
      assert.equal(res.statusCode, 404, method);
      assert.deepEqual(res.json(), [`Resource Not Found - User was not found ('uuid': '${alice.uuid}')`]);
    }
    assert.equal((await call('GET', `/users/${alice.id}`, 'admin1')).json().firstname, 'Alice');
    assert.deepEqual(await outboxNames(), before);
  });

  it('when listed, then only the tenant, with sub-tenants on recurse', async () => {
    await call('POST', '/users', 'admin1', { firstname: 'Bob' }, child1);
    await call('POST', '/users', 'admin2', { firstname: 'Carol' });
    const own = (await call('GET', '/users', 'reader')).json();
    assert.deepEqual(
      own.items.map((u: { firstname: string }) => u.firstname),
      ['Alice'],
    );
    const all = (await call('GET', '/users?recurse=true&order=firstname&direction=desc', 'reader')).json();
    assert.equal(all.total, 2);
    assert.deepEqual(
      all.items.map((u: { firstname: string }) => u.firstname),
      ['Bob', 'Alice'],
    );
    const page = (await call('GET', '/users?recurse=true&order=firstname&limit=1&offset=1', 'reader')).json();
    assert.deepEqual([page.total, page.items[0].firstname], [2, 'Bob']);
    const filtered = (
      await call('GET', `/users?recurse=true&uuid=${alice.uuid},${randomUUID()}`, 'reader')
    ).json();
    assert.deepEqual(
      filtered.items.map((u: { uuid: string }) => u.uuid),
      [alice.uuid],
    );
  });

  it('when list params are wrong, then confd strings', async () => {
    const cases: [string, string][] = [
      ['limit=0', "Input Error - field 'limit': wrong type. Should be a positive number"],
      ['limit=abc', "Input Error - limit: ['Not a valid integer.']"],
      ['offset=-1', "Input Error - offset: ['Must be greater than or equal to 0.']"],
      ['direction=up', "Input Error - direction: must be 'asc' or 'desc'"],
      ['order=nope', "Input Error - order: column 'nope' was not found"],
      ['recurse=maybe', "Input Error - recurse: ['Not a valid boolean.']"],
    ];
    for (const [query, message] of cases) {
      const res = await call('GET', `/users?${query}`, 'reader');
      assert.equal(res.statusCode, 400, query);
      assert.deepEqual(res.json(), [message], query);
    }
  });

  it('when the body is bad, then marshmallow strings per field and nothing is written', async () => {
    const users = await userCount();
    const events = await outboxNames();
    const missing = await call('POST', '/users', 'admin1', { lastname: 5, ring_seconds: 99999 });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(missing.json().sort(), [
      "Input Error - firstname: ['Missing data for required field.']",
      "Input Error - lastname: ['Not a valid string.']",
      "Input Error - ring_seconds: ['Must be greater than or equal to 0 and less than or equal to 10800.']",
    ]);
    const pattern = await call('PUT', `/users/${alice.id}`, 'admin1', {
      language: 'french',
      firstname: null,
    });
    // In the schema's field order, as marshmallow's ordered schemas answer.
    assert.deepEqual(pattern.json(), [
      "Input Error - firstname: ['Field may not be null.']",
      "Input Error - language: ['String does not match expected pattern.']",
    ]);
    const notJson = await api.app.inject({
      method: 'POST',
      url: '/1.1/users',
      headers: { 'x-auth-token': 'admin1', 'content-type': 'application/json' },
      payload: '{oops',
    });
    assert.equal(notJson.statusCode, 400);
    assert.deepEqual(notJson.json(), [
      'The browser (or proxy) sent a request that this server could not understand.',
    ]);
    const duplicate = await call('POST', '/users', 'admin1', { firstname: 'D', email: 'a@b.c' });
    assert.equal(duplicate.statusCode, 201);
    const again = await call('POST', '/users', 'admin2', { firstname: 'E', email: 'A@b.c' });
    assert.deepEqual(again.json(), ["Resource Error - User already exists ('email': 'A@b.c')"]);
    assert.equal(await userCount(), users + 1);
    assert.deepEqual(await outboxNames(), [...events, 'user_created']);
  });

  it('when edited and deleted, then 204s and user_edited then user_deleted', async () => {
    const edit = await call('PUT', `/users/${alice.uuid}`, 'admin1', { lastname: 'Smith' });
    assert.equal(edit.statusCode, 204);
    assert.equal((await call('GET', `/users/${alice.id}`, 'admin1')).json().lastname, 'Smith');
    assert.equal((await call('DELETE', `/users/${alice.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', `/users/${alice.id}`, 'admin1')).statusCode, 404);
    assert.deepEqual((await outboxNames()).slice(-2), ['user_edited', 'user_deleted']);
  });

  it('when the token lacks the ACL, then 401', async () => {
    assert.equal((await call('POST', '/users', 'reader', { firstname: 'Z' })).statusCode, 401);
  });
});
