/**
 * A context's ranges (`GET /contexts/{id}/ranges/{type}`) and includes (`PUT /contexts/{id}/contexts`)
 * on a real PostgreSQL: free extens around used ones, the list parameters, the includes read back
 * in order with their event, and errors (unknown, foreign, duplicate, self) changing nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { extensionsPlugin } from '../extensions/index.js';
import { caller, rowCount } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { contextIncludesPlugin } from './context-includes.routes.js';
import { contextRangesPlugin } from './context-ranges.routes.js';
import { contextsPlugin } from './contexts.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();
type Ctx = { id: number; name: string; label: string };
let main: Ctx;
let other: Ctx;
let childCtx: Ctx;
let third: Ctx;
let foreign: Ctx;

const create = async (token: string, body: object, tenant?: string): Promise<Ctx> =>
  (await call('POST', '/contexts', token, body, tenant)).json();

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_context_links' });
  api = await buildTestApi(database, [
    contextsPlugin,
    contextRangesPlugin,
    contextIncludesPlugin,
    extensionsPlugin,
  ]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'reader', acl: ['confd.contexts.read'], metadata: { tenant_uuid: tenant1 } });
  main = await create('admin1', {
    label: 'main',
    user_ranges: [
      { start: '1000', end: '1009' },
      { start: '1005', end: '1019' },
    ],
    group_ranges: [{ start: '2000', end: '2099' }],
    incall_ranges: [{ start: '5551000', end: '5551099', did_length: 4 }],
  });
  other = await create('admin1', { label: 'other' });
  third = await create('admin1', { label: 'third' });
  childCtx = await create('admin1', { label: 'child' }, child1);
  foreign = await create('admin2', { label: 'foreign' });
  for (const exten of ['1000', '1003', '1019', '2050'])
    await call('POST', '/extensions', 'admin1', { exten, context: main.name });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

const runs = (...pairs: [string, string][]) => pairs.map(([start, end]) => ({ start, end }));

describe('context ranges', () => {
  it('when listed, then the free runs of that type; availability=all gives the whole ranges', async () => {
    const free = await call('GET', `/contexts/${main.id}/ranges/user`, 'admin1');
    assert.equal(free.statusCode, 200, free.body);
    assert.deepEqual(free.json(), { total: 2, items: runs(['1001', '1002'], ['1004', '1018']) });
    const all = await call('GET', `/contexts/${main.id}/ranges/user?availability=all`, 'admin1');
    assert.deepEqual(all.json(), { total: 1, items: runs(['1000', '1019']) });
    const group = await call('GET', `/contexts/${main.id}/ranges/group`, 'admin1');
    assert.deepEqual(group.json().items, runs(['2000', '2049'], ['2051', '2099']));
    const incall = await call('GET', `/contexts/${main.id}/ranges/incall`, 'admin1');
    // Every extension of the context counts as used, whatever its type, as in Wazo.
    assert.deepEqual(incall.json().items, runs(['1001', '1002'], ['1004', '1018'], ['1020', '1099']));
    for (const type of ['queue', 'conference'])
      assert.deepEqual((await call('GET', `/contexts/${main.id}/ranges/${type}`, 'admin1')).json(), {
        total: 0,
        items: [],
      });
  });

  it('when searched, sorted and paged, then the total is every match and the page a slice', async () => {
    const url = `/contexts/${main.id}/ranges/user?search=5&order=start&direction=desc&limit=1&offset=1`;
    const res = await call('GET', url, 'admin1');
    assert.deepEqual(res.json(), { total: 2, items: runs(['1005', '1005']) });
  });

  it('when the context is foreign, unknown or the parameters bad, then 404 or 400', async () => {
    assert.equal((await call('GET', `/contexts/${main.id}/ranges/user`, 'reader')).statusCode, 401);
    const foreignRes = await call('GET', `/contexts/${foreign.id}/ranges/user`, 'admin1');
    assert.deepEqual(
      [foreignRes.statusCode, foreignRes.json()],
      [404, [`Resource Not Found - Context was not found ('id': ${foreign.id})`]],
    );
    assert.equal((await call('GET', `/contexts/${childCtx.id}/ranges/user`, 'admin1')).statusCode, 200);
    assert.equal((await call('GET', '/contexts/abc/ranges/user', 'admin1')).statusCode, 404);
    const bad = await call('GET', `/contexts/${main.id}/ranges/user?availability=some`, 'admin1');
    assert.deepEqual(
      [bad.statusCode, bad.json()],
      [400, ["Input Error - availability: ['Must be one of: available, all.']"]],
    );
    const limit = await call('GET', `/contexts/${main.id}/ranges/user?limit=-1`, 'admin1');
    assert.equal(limit.statusCode, 400);
    const direction = await call('GET', `/contexts/${main.id}/ranges/user?direction=up`, 'admin1');
    assert.deepEqual(
      [direction.statusCode, direction.json()],
      [400, ["Input Error - direction: must be 'asc' or 'desc'"]],
    );
  });

  it('when the token lacks the type ACL, then 401', async () => {
    api.verifier.add({
      token: 'users-only',
      acl: [`confd.contexts.${main.id}.ranges.user.read`],
      metadata: { tenant_uuid: tenant1 },
    });
    assert.equal((await call('GET', `/contexts/${main.id}/ranges/user`, 'users-only')).statusCode, 200);
    assert.equal((await call('GET', `/contexts/${main.id}/ranges/group`, 'users-only')).statusCode, 401);
  });
});

describe('context includes', () => {
  const url = () => `/contexts/${main.id}/contexts`;
  const includesOf = async (id: number) => (await call('GET', `/contexts/${id}`, 'admin1')).json().contexts;
  const outbox = async () =>
    (await database.pool.query('SELECT name, routing_key, headers, body FROM bus_outbox ORDER BY id')).rows;

  it('when contexts are included, then 204, read back in order, and contexts_associated', async () => {
    const res = await call('PUT', url(), 'admin1', { contexts: [{ id: third.id }, { id: other.id }] });
    assert.equal(res.statusCode, 204, res.body);
    assert.deepEqual(await includesOf(main.id), [
      { id: third.id, name: third.name, label: 'third' },
      { id: other.id, name: other.name, label: 'other' },
    ]);
    assert.deepEqual(await includesOf(other.id), []);
    const listed = (await call('GET', '/contexts?search=main', 'admin1')).json().items[0];
    assert.equal(listed.contexts.length, 2);
    const last = (await outbox()).at(-1);
    assert.equal(last.name, 'contexts_associated');
    assert.equal(last.routing_key, 'config.contexts.contexts.updated');
    assert.equal(last.headers.tenant_uuid, tenant1);
    const body = JSON.parse(last.body.toString());
    assert.deepEqual(body.data, { context_id: main.id, context_ids: [third.id, other.id] });
  });

  it('when the list is bad, then Wazo errors and the includes are unchanged', async () => {
    const events = (await outbox()).length;
    const cases: [object, number, string][] = [
      [
        { contexts: [{ id: 999999 }] },
        400,
        "Input Error - field 'contexts': Context was not found ('id': 999999)",
      ],
      [
        { contexts: [{ id: childCtx.id }] },
        400,
        `Input Error - field 'contexts': Context was not found ('id': ${childCtx.id})`,
      ],
      [
        { contexts: [{ id: foreign.id }] },
        400,
        `Input Error - field 'contexts': Context was not found ('id': ${foreign.id})`,
      ],
      [
        { contexts: [{ id: other.id }, { id: other.id }] },
        400,
        'Resource Error - Operation not permitted. Cannot include same context more than once',
      ],
      [
        { contexts: [{ id: main.id }] },
        400,
        'Resource Error - Operation not permitted. Cannot include context inside itself',
      ],
      [
        { contexts: [{ name: 'x' }] },
        400,
        "Input Error - contexts: {0: {'id': ['Missing data for required field.']}}",
      ],
      [{}, 400, "Input Error - contexts: ['Missing data for required field.']"],
    ];
    for (const [body, status, message] of cases) {
      const res = await call('PUT', url(), 'admin1', body);
      assert.deepEqual([res.statusCode, res.json()], [status, [message]], JSON.stringify(body));
    }
    const foreignCaller = await call('PUT', url(), 'admin2', { contexts: [] });
    assert.deepEqual(foreignCaller.json(), [`Resource Not Found - Context was not found ('id': ${main.id})`]);
    assert.equal((await includesOf(main.id)).length, 2);
    assert.equal((await outbox()).length, events);
  });

  it('when an included context is deleted or the list emptied, then the include goes', async () => {
    assert.equal((await call('DELETE', `/contexts/${third.id}`, 'admin1')).statusCode, 204);
    assert.deepEqual(
      (await includesOf(main.id)).map((c: Ctx) => c.id),
      [other.id],
    );
    assert.equal((await call('PUT', url(), 'admin1', { contexts: [] })).statusCode, 204);
    assert.equal(await rowCount(database, 'context_include'), 0);
  });

  it('when the token lacks the ACL, then 401', async () => {
    assert.equal((await call('PUT', url(), 'reader', { contexts: [] })).statusCode, 401);
  });
});
