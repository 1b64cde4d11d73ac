/**
 * wazo-confd's test_ingress_http on a real PostgreSQL: create and its defaults, one ingress per
 * tenant, field errors changing nothing, search and sort across sub-tenants, `view=fallback`
 * (the master tenant's), 404 across tenants, edit, delete, the events' envelope.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { caller, lastOutboxId, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, fixedServiceToken, type TestApi } from '../testing/test-app.js';
import { ingressHttpPlugin } from './ingress-http.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const master = randomUUID();
const sub = randomUUID();
const other = randomUUID();

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_ingress_http' });
  api = await buildTestApi(database, [answerLinksPlugin, ingressHttpPlugin], {
    serviceToken: fixedServiceToken('confd', master),
  });
  call = caller(api);
  api.addSubtenant(master, sub);
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: master } });
  api.verifier.add({ token: 'sub', acl: ['confd.#'], metadata: { tenant_uuid: sub } });
  api.verifier.add({ token: 'other', acl: ['confd.#'], metadata: { tenant_uuid: other } });
  api.verifier.add({
    token: 'reader',
    acl: ['confd.ingresses.http.read'],
    metadata: { tenant_uuid: master },
  });
  for (const tenant of [master, sub, other]) await api.resources.services.tenants.ensure(tenant);
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

const create = async (uri: string, token = 'admin', tenant?: string) => {
  const res = await call('POST', '/ingresses/http', token, { uri }, tenant);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};
const remove = async (uuid: string) =>
  assert.equal((await call('DELETE', `/ingresses/http/${uuid}`, 'admin')).statusCode, 204);

describe('HTTP ingresses', () => {
  it('when created, then its uuid, uri, tenant, link, Location and ingress_http_created', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/ingresses/http', 'admin', { uri: 'http://all:10080' });
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.deepEqual(created, {
      uuid: created.uuid,
      uri: 'http://all:10080',
      tenant_uuid: master,
      links: [{ rel: 'ingresses_http', href: `http://localhost:80/1.1/ingresses/http/${created.uuid}` }],
    });
    assert.match(String(res.headers.location), new RegExp(`/1\\.1/ingresses/http/${created.uuid}$`));
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data],
      [
        'ingress_http_created',
        'config.ingresses.http.created',
        { uuid: created.uuid, tenant_uuid: master, uri: 'http://all:10080' },
      ],
    );
    assert.deepEqual([event?.headers.tenant_uuid, event?.headers['user_uuid:*']], [master, true]);
    assert.deepEqual((await call('GET', `/ingresses/http/${created.uuid}`, 'admin')).json(), created);

    const again = await call('POST', '/ingresses/http', 'admin', { uri: 'new' });
    assert.equal(again.statusCode, 400);
    assert.deepEqual(again.json(), [
      `Resource Error - IngressHTTP already exists ('tenant_uuid': '${master}')`,
    ]);
    await remove(created.uuid);
  });

  it('when a field is wrong, then 400 and nothing is written', async () => {
    const before = await rowCount(database, 'ingress_http');
    for (const uri of [123, null, true, {}, [], '', 'a'.repeat(1025)]) {
      const res = await call('POST', '/ingresses/http', 'admin', { uri });
      assert.equal(res.statusCode, 400, JSON.stringify(uri));
    }
    assert.equal((await call('POST', '/ingresses/http', 'admin', {})).statusCode, 400);
    assert.equal(await rowCount(database, 'ingress_http'), before);
  });

  it('when listed, then per tenant, recurse, search, filters, order, offset, limit and view=fallback', async () => {
    const main = await create('sort1');
    const child = await create('sort2', 'sub');
    const uris = async (query: string, token = 'admin') =>
      (await call('GET', `/ingresses/http${query}`, token)).json().items.map((i: { uri: string }) => i.uri);
    assert.deepEqual(await uris(''), ['sort1']);
    assert.deepEqual(await uris('', 'sub'), ['sort2']);
    assert.deepEqual(await uris('?recurse=true'), ['sort1', 'sort2']);
    assert.deepEqual(await uris('?recurse=true&search=rt2'), ['sort2']);
    assert.deepEqual(await uris('?recurse=true&uri=sort1'), ['sort1']);
    assert.deepEqual(await uris('?recurse=true&order=uri&direction=desc'), ['sort2', 'sort1']);
    assert.deepEqual(await uris('?recurse=true&offset=1'), ['sort2']);
    assert.deepEqual(await uris('?recurse=true&limit=1'), ['sort1']);
    assert.deepEqual(await uris('?view=fallback', 'sub'), ['sort2']);
    assert.deepEqual(await uris('?view=default', 'sub'), ['sort2']);
    assert.equal((await call('GET', '/ingresses/http?view=invalid', 'admin')).statusCode, 400);

    await remove(child.uuid);
    assert.deepEqual(await uris('?view=fallback', 'sub'), ['sort1']);
    assert.deepEqual(await uris('?view=default', 'sub'), []);
    assert.deepEqual(await uris('', 'sub'), []);
    assert.deepEqual(await uris('?view=fallback', 'other'), ['sort1']);
    await remove(main.uuid);
  });

  it("when another tenant's ingress is read, edited or deleted, then 404; a parent reaches its sub-tenant's", async () => {
    const main = await create('main');
    const child = await create('child', 'sub');
    const notFound = [`Resource Not Found - IngressHTTP was not found ('uuid': '${main.uuid}')`];
    for (const [method, body] of [['GET'], ['PUT', { uri: 'x' }], ['DELETE']] as const) {
      const res = await call(method, `/ingresses/http/${main.uuid}`, 'sub', body);
      assert.equal(res.statusCode, 404);
      assert.deepEqual(res.json(), notFound);
    }
    assert.equal((await call('GET', '/ingresses/http/not-a-uuid', 'admin')).statusCode, 404);
    assert.equal((await call('GET', `/ingresses/http/${child.uuid}`, 'admin')).statusCode, 200);

    const from = await lastOutboxId(database);
    assert.equal(
      (await call('PUT', `/ingresses/http/${child.uuid}`, 'admin', { uri: 'put' })).statusCode,
      204,
    );
    assert.equal((await call('GET', `/ingresses/http/${child.uuid}`, 'sub')).json().uri, 'put');
    assert.equal((await call('PUT', `/ingresses/http/${child.uuid}`, 'admin', { uri: '' })).statusCode, 400);
    assert.equal((await call('DELETE', `/ingresses/http/${child.uuid}`, 'admin')).statusCode, 204);
    assert.equal((await call('GET', `/ingresses/http/${child.uuid}`, 'sub')).statusCode, 404);
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key, e.headers.tenant_uuid, e.data.uri]),
      [
        ['ingress_http_edited', 'config.ingresses.http.edited', sub, 'put'],
        ['ingress_http_deleted', 'config.ingresses.http.deleted', sub, 'put'],
      ],
    );
    await remove(main.uuid);
  });

  it('when the token lacks the ACL, then 401', async () => {
    assert.equal((await call('POST', '/ingresses/http', 'reader', { uri: 'x' })).statusCode, 401);
    assert.equal((await call('GET', '/ingresses/http', 'reader')).statusCode, 200);
  });
});
