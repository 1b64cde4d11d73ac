/**
 * The lines routes through the app on a real PostgreSQL: CRUD with 201 + Location and 204s,
 * list params and recurse, 404 across tenants, bad input writing nothing, events only on commit.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { contextsPlugin } from '../contexts/contexts.routes.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { linesPlugin } from './lines.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();

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
const lineCount = async (): Promise<number> =>
  Number((await database.pool.query('SELECT count(*) AS n FROM line')).rows[0].n);
const contextOf = async (token: string, tenant?: string): Promise<string> =>
  (await call('POST', '/contexts', token, { label: 'internal' }, tenant)).json().name;

let ctx1: string;
let ctxChild: string;
let ctx2: string;
before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_lines' });
  api = await buildTestApi(database, [contextsPlugin, linesPlugin]);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'reader', acl: ['confd.lines.read'], metadata: { tenant_uuid: tenant1 } });
  ctx1 = await contextOf('admin1');
  ctxChild = await contextOf('admin1', child1);
  ctx2 = await contextOf('admin2');
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

describe('lines routes', () => {
  let line: { id: number };

  it('when a line is created, then 201 with Location, the defaults and line_created', async () => {
    const before = await outboxNames();
    const res = await call('POST', '/lines', 'admin1', {
      context: ctx1,
      endpoint_custom: { interface: 'dahdi/i1/12' },
    });
    assert.equal(res.statusCode, 201);
    line = res.json();
    assert.equal(res.headers.location, `http://localhost:80/1.1/lines/${line.id}`);
    const body = res.json();
    assert.deepEqual(
      [body.tenant_uuid, body.context, body.position, body.registrar, body.name],
      [tenant1, ctx1, 1, 'default', 'dahdi/i1/12'],
    );
    assert.match(body.provisioning_code, /^[0-9]{6}$/);
    assert.deepEqual(await outboxNames(), [
      ...before,
      'custom_endpoint_created',
      'line_endpoint_custom_associated',
      'line_created',
    ]);
  });

  it('when read, then the line; another tenant gets 404 and changes nothing', async () => {
    assert.equal((await call('GET', `/lines/${line.id}`, 'admin1')).json().id, line.id);
    assert.equal((await call('GET', '/lines/x1', 'admin1')).statusCode, 404);
    const before = await outboxNames();
    for (const [method, body] of [['GET'], ['PUT', { position: 2 }], ['DELETE']] as const) {
      const res = await call(method, `/lines/${line.id}`, 'admin2', body);
      assert.equal(res.statusCode, 404, method);
      assert.deepEqual(res.json(), [`Resource Not Found - Line was not found ('id': ${line.id})`]);
    }
    assert.equal((await call('GET', `/lines/${line.id}`, 'admin1')).json().position, 1);
    assert.deepEqual(await outboxNames(), before);
  });

  it('when listed, then the tenant only, sub-tenants on recurse, filters and paging', async () => {
    await call('POST', '/lines', 'admin1', { context: ctxChild, endpoint_custom: { interface: 'custom/b' } });
    await call('POST', '/lines', 'admin2', { context: ctx2 });
    const own = (await call('GET', '/lines', 'reader')).json();
    assert.deepEqual([own.total, own.items.map((l: { name: string }) => l.name)], [1, ['dahdi/i1/12']]);
    const all = (await call('GET', '/lines?recurse=true&order=name&direction=desc', 'reader')).json();
    assert.deepEqual(
      all.items.map((l: { name: string }) => l.name),
      ['dahdi/i1/12', 'custom/b'],
    );
    const filtered = (await call('GET', `/lines?recurse=true&context=${ctxChild}`, 'reader')).json();
    assert.deepEqual([filtered.total, filtered.items[0].name], [1, 'custom/b']);
    const page = (await call('GET', '/lines?recurse=true&order=name&limit=1', 'reader')).json();
    assert.deepEqual([page.total, page.items.length, page.items[0].name], [2, 1, 'custom/b']);
    const bad = await call('GET', '/lines?direction=up', 'reader');
    assert.deepEqual(bad.json(), ["Input Error - direction: must be 'asc' or 'desc'"]);
  });

  it('when the input is bad, then confd strings and nothing is written', async () => {
    const count = await lineCount();
    const events = await outboxNames();
    const missing = await call('POST', '/lines', 'admin1', { position: 0 });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(missing.json().sort(), [
      "Input Error - context: ['Missing data for required field.']",
      "Input Error - position: ['Must be greater than or equal to 1.']",
    ]);
    const foreign = await call('POST', '/lines', 'admin1', { context: ctx2 });
    assert.deepEqual(foreign.json(), [
      `Input Error - field 'context': Context was not found ('context': '${ctx2}')`,
    ]);
    const edit = await call('PUT', `/lines/${line.id}`, 'admin1', { provisioning_code: '12' });
    assert.equal(edit.statusCode, 400);
    assert.equal(await lineCount(), count);
    assert.deepEqual(await outboxNames(), events);
  });

  it('when edited and deleted, then 204s and line_edited then line_deleted', async () => {
    const edit = await call('PUT', `/lines/${line.id}`, 'admin1', {
      position: 3,
      provisioning_code: '123456',
    });
    assert.equal(edit.statusCode, 204);
    const read = (await call('GET', `/lines/${line.id}`, 'admin1')).json();
    assert.deepEqual([read.position, read.provisioning_code], [3, '123456']);
    assert.equal((await call('DELETE', `/lines/${line.id}?recursive=true`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', `/lines/${line.id}`, 'admin1')).statusCode, 404);
    // The line's custom endpoint goes with it, as Wazo's line dao deletes it.
    assert.deepEqual((await outboxNames()).slice(-3), [
      'line_edited',
      'custom_endpoint_deleted',
      'line_deleted',
    ]);
  });

  it('when the token lacks the ACL, then 401', async () => {
    assert.equal((await call('POST', '/lines', 'reader', { context: ctx1 })).statusCode, 401);
  });
});
