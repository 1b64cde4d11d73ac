/**
 * The extensions routes through the app on a real PostgreSQL: CRUD with 201 + Location and 204s,
 * filters and recurse, 404 across tenants (their contexts too), bad input writing nothing, events
 * only on commit.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { contextsPlugin } from '../contexts/contexts.routes.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { extensionsPlugin } from './extensions.routes.js';

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
const extensionCount = async (): Promise<number> =>
  Number((await database.pool.query('SELECT count(*) AS n FROM extension')).rows[0].n);
const ranges = { user_ranges: [{ start: '1000', end: '1999' }] };
const contextOf = async (token: string, tenant?: string): Promise<string> =>
  (await call('POST', '/contexts', token, { label: 'internal', ...ranges }, tenant)).json().name;

let ctx1: string;
let ctxChild: string;
let ctx2: string;
before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_extensions' });
  api = await buildTestApi(database, [contextsPlugin, extensionsPlugin]);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'reader', acl: ['confd.extensions.read'], metadata: { tenant_uuid: tenant1 } });
  ctx1 = await contextOf('admin1');
  ctxChild = await contextOf('admin1', child1);
  ctx2 = await contextOf('admin2');
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

describe('extensions routes', () => {
  let ext: { id: number };

  it('when an extension is created, then 201 with Location, its context tenant and extension_created', async () => {
    const before = await outboxNames();
    const res = await call('POST', '/extensions', 'admin1', { exten: '1001', context: ctx1 });
    assert.equal(res.statusCode, 201);
    ext = res.json();
    assert.equal(res.headers.location, `http://localhost:80/1.1/extensions/${ext.id}`);
    assert.deepEqual(
      [res.json().tenant_uuid, res.json().enabled, res.json().commented, res.json().lines],
      [tenant1, true, false, []],
    );
    assert.deepEqual(await outboxNames(), [...before, 'extension_created']);
  });

  it('when read, then the extension; another tenant gets 404 and changes nothing', async () => {
    assert.equal((await call('GET', `/extensions/${ext.id}`, 'admin1')).json().exten, '1001');
    const before = await outboxNames();
    for (const [method, body] of [['GET'], ['PUT', { exten: '1002' }], ['DELETE']] as const) {
      const res = await call(method, `/extensions/${ext.id}`, 'admin2', body);
      assert.equal(res.statusCode, 404, method);
      assert.deepEqual(res.json(), [`Resource Not Found - Extension was not found ('id': ${ext.id})`]);
    }
    assert.equal((await call('GET', `/extensions/${ext.id}`, 'admin1')).json().exten, '1001');
    assert.deepEqual(await outboxNames(), before);
  });

  it('when listed, then the tenant only, sub-tenants on recurse, filters and paging', async () => {
    await call('POST', '/extensions', 'admin1', { exten: '1500', context: ctxChild });
    await call('POST', '/extensions', 'admin2', { exten: '1001', context: ctx2 });
    const own = (await call('GET', '/extensions', 'reader')).json();
    assert.deepEqual([own.total, own.items.map((e: { exten: string }) => e.exten)], [1, ['1001']]);
    const all = (await call('GET', '/extensions?recurse=true&direction=desc', 'reader')).json();
    assert.deepEqual(
      all.items.map((e: { exten: string }) => e.exten),
      ['1500', '1001'],
    );
    const filtered = (await call('GET', `/extensions?recurse=true&context=${ctxChild}`, 'reader')).json();
    assert.deepEqual([filtered.total, filtered.items[0].exten], [1, '1500']);
    const page = (await call('GET', '/extensions?recurse=true&limit=1&offset=1', 'reader')).json();
    assert.deepEqual([page.total, page.items[0].exten], [2, '1500']);
    const searched = (
      await call('GET', `/extensions?recurse=true&search=${ctxChild.slice(-12)}`, 'reader')
    ).json();
    assert.deepEqual([searched.total, searched.items[0].exten], [1, '1500']);
  });

  it('when the input is bad, then confd strings and nothing is written', async () => {
    const count = await extensionCount();
    const events = await outboxNames();
    const cases: [unknown, string][] = [
      [{ context: ctx1 }, "Input Error - exten: ['Missing data for required field.']"],
      [{ exten: 'abc', context: ctx1 }, "exten: ['String does not match expected pattern.']"],
      [
        { exten: '1001', context: ctx2 },
        `Input Error - field 'context': Context was not found ('context': '${ctx2}')`,
      ],
      [
        { exten: '1001', context: ctx1 },
        `Resource Error - Extension already exists ('exten': '1001', 'context': '${ctx1}')`,
      ],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', '/extensions', 'admin1', body);
      assert.equal(res.statusCode, 400, message);
      assert.deepEqual(res.json(), [message]);
    }
    const edit = await call('PUT', `/extensions/${ext.id}`, 'admin1', { exten: '12ab' });
    assert.equal(edit.statusCode, 400);
    assert.equal(await extensionCount(), count);
    assert.deepEqual(await outboxNames(), events);
  });

  it('when edited and deleted, then 204s and extension_edited then extension_deleted', async () => {
    const edit = await call('PUT', `/extensions/${ext.id}`, 'admin1', { exten: '1002', commented: true });
    assert.equal(edit.statusCode, 204);
    const read = (await call('GET', `/extensions/${ext.id}`, 'admin1')).json();
    assert.deepEqual([read.exten, read.enabled], ['1002', false]);
    assert.equal((await call('DELETE', `/extensions/${ext.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', `/extensions/${ext.id}`, 'admin1')).statusCode, 404);
    assert.deepEqual((await outboxNames()).slice(-2), ['extension_edited', 'extension_deleted']);
  });

  it('when the token lacks the ACL, then 401', async () => {
    assert.equal(
      (await call('POST', '/extensions', 'reader', { exten: '1', context: ctx1 })).statusCode,
      401,
    );
  });
});
