/**
 * The contexts routes through the app on a real PostgreSQL: CRUD with 201 + Location and 204s,
 * list params and recurse, 404 across tenants, bad input writing nothing, events only on commit.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { contextsPlugin } from './contexts.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_contexts' });
  api = await buildTestApi(database, [contextsPlugin]);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'reader', acl: ['confd.contexts.read'], metadata: { tenant_uuid: tenant1 } });
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
const contextCount = async (): Promise<number> =>
  Number((await database.pool.query('SELECT count(*) AS n FROM context')).rows[0].n);

describe('contexts routes', () => {
  let ctx: { id: number; uuid: string; name: string };

  it('when a context is created, then 201 with Location, the defaults and context_created', async () => {
    const res = await call('POST', '/contexts', 'admin1', {
      label: 'Internal',
      user_ranges: [{ start: '1000', end: '1999' }],
    });
    assert.equal(res.statusCode, 201);
    ctx = res.json();
    assert.equal(res.headers.location, `http://localhost:80/1.1/contexts/${ctx.id}`);
    assert.equal(res.json().type, 'internal');
    assert.equal(res.json().enabled, true);
    assert.equal(res.json().tenant_uuid, tenant1);
    assert.match(ctx.name, /^ctx-.+-internal-/);
    assert.deepEqual(await outboxNames(), ['context_created']);
  });

  it('when created with the deprecated name only, then it is the label', async () => {
    const res = await call('POST', '/contexts', 'admin1', { name: 'Legacy' }, child1);
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().label, 'Legacy');
    assert.equal(res.json().tenant_uuid, child1);
  });

  it('when read, then the context; a non-numeric id is not found', async () => {
    const res = await call('GET', `/contexts/${ctx.id}`, 'admin1');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().uuid, ctx.uuid);
    assert.equal((await call('GET', '/contexts/abc', 'admin1')).statusCode, 404);
  });

  it('when another tenant reads, edits or deletes it, then 404 and nothing changes', async () => {
    const before = await outboxNames();
    for (const [method, body] of [['GET'], ['PUT', { label: 'X' }], ['DELETE']] as const) {
      const res = await call(method, `/contexts/${ctx.id}`, 'admin2', body);
      assert.equal(res.statusCode, 404, method);
      assert.deepEqual(res.json(), [`Resource Not Found - Context was not found ('id': ${ctx.id})`]);
    }
    assert.equal((await call('GET', `/contexts/${ctx.id}`, 'admin1')).json().label, 'Internal');
    assert.deepEqual(await outboxNames(), before);
  });

  it('when listed, then only the tenant, with sub-tenants on recurse, and list params apply', async () => {
    await call('POST', '/contexts', 'admin2', { label: 'Other' });
    const own = (await call('GET', '/contexts', 'reader')).json();
    assert.deepEqual(
      own.items.map((c: { label: string }) => c.label),
      ['Internal'],
    );
    const all = (await call('GET', '/contexts?recurse=true&order=label&direction=desc', 'reader')).json();
    assert.deepEqual(
      [all.total, all.items.map((c: { label: string }) => c.label)],
      [2, ['Legacy', 'Internal']],
    );
    const page = (await call('GET', '/contexts?recurse=true&order=label&limit=1&offset=1', 'reader')).json();
    assert.deepEqual([page.total, page.items[0].label], [2, 'Legacy']);
    const searched = (await call('GET', '/contexts?recurse=true&search=legac', 'reader')).json();
    assert.deepEqual([searched.total, searched.items[0].label], [1, 'Legacy']);
    const bad = await call('GET', '/contexts?order=nope', 'reader');
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json(), ["Input Error - order: column 'nope' was not found"]);
  });

  it('when the body is bad, then marshmallow strings and nothing is written', async () => {
    const count = await contextCount();
    const events = await outboxNames();
    const missing = await call('POST', '/contexts', 'admin1', { type: 'nope' });
    assert.equal(missing.statusCode, 400);
    assert.ok(missing.json().includes("Input Error - label: ['Missing data for required field.']"));
    const edit = await call('PUT', `/contexts/${ctx.id}`, 'admin1', { label: '' });
    assert.equal(edit.statusCode, 400);
    assert.equal(await contextCount(), count);
    assert.deepEqual(await outboxNames(), events);
    assert.equal((await call('GET', `/contexts/${ctx.id}`, 'admin1')).json().label, 'Internal');
  });

  it('when edited with the deprecated name, then it is the label and is checked as one', async () => {
    const bad = await call('PUT', `/contexts/${ctx.id}`, 'admin1', { name: 123 });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.match(bad.body, /label/);
    const res = await call('PUT', `/contexts/${ctx.id}`, 'admin1', { name: 'Legacy name' });
    assert.equal(res.statusCode, 204, res.body);
    assert.equal((await call('GET', `/contexts/${ctx.id}`, 'admin1')).json().label, 'Legacy name');
  });

  it('when edited and deleted, then 204s and context_edited then context_deleted', async () => {
    const edit = await call('PUT', `/contexts/${ctx.id}`, 'admin1', { label: 'Renamed' });
    assert.equal(edit.statusCode, 204);
    assert.equal((await call('GET', `/contexts/${ctx.id}`, 'admin1')).json().label, 'Renamed');
    assert.equal((await call('DELETE', `/contexts/${ctx.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', `/contexts/${ctx.id}`, 'admin1')).statusCode, 404);
    assert.deepEqual((await outboxNames()).slice(-2), ['context_edited', 'context_deleted']);
  });

  it('when the token lacks the ACL, then 401', async () => {
    assert.equal((await call('POST', '/contexts', 'reader', { label: 'Z' })).statusCode, 401);
  });
});
