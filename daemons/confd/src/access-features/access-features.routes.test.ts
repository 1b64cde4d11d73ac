/**
 * `/access_features` on a real PostgreSQL: create (defaults, all fields), the one host per
 * feature rule, search and paging, partial edit, delete, events, errors, master tenant only.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { caller, outboxNames } from '../testing/route-calls.js';
import { buildTestApi, fixedServiceToken, type TestApi } from '../testing/test-app.js';
import { accessFeaturesPlugin } from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const master = randomUUID();

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_access_features' });
  api = await buildTestApi(database, [accessFeaturesPlugin], {
    serviceToken: fixedServiceToken('confd', master),
  });
  call = caller(api);
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: master } });
  api.verifier.add({ token: 'sub', acl: ['confd.#'], metadata: { tenant_uuid: randomUUID() } });
  api.verifier.add({
    token: 'reader',
    acl: ['confd.access_features.read'],
    metadata: { tenant_uuid: master },
  });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

async function eventsOf(action: () => Promise<unknown>) {
  const before = (await outboxNames(database)).length;
  await action();
  const { rows } = await database.pool.query(
    'SELECT name, routing_key, body FROM bus_outbox ORDER BY id OFFSET $1',
    [before],
  );
  return rows.map((row) => [row.name, row.routing_key, JSON.parse(row.body.toString()).data]);
}

let first: { id: number };

describe('access features', () => {
  it('when created with a host only, then phonebook, enabled, Location and access_feature_created', async () => {
    let res!: Awaited<ReturnType<typeof call>>;
    const events = await eventsOf(async () => {
      res = await call('POST', '/access_features', 'admin', { host: '1.2.3.0/24' });
    });
    assert.equal(res.statusCode, 201, res.body);
    first = res.json();
    assert.deepEqual(first, { id: first.id, host: '1.2.3.0/24', feature: 'phonebook', enabled: true });
    assert.match(String(res.headers.location), new RegExp(`/1.1/access_features/${first.id}$`));
    assert.deepEqual(events, [['access_feature_created', 'config.access_feature.created', first]]);
    assert.deepEqual((await call('GET', `/access_features/${first.id}`, 'admin')).json(), first);
  });

  it('when a host is given twice for one feature, then 400 AccessFeatures already exists', async () => {
    const res = await call('POST', '/access_features', 'admin', { host: '1.2.3.0/24', feature: 'phonebook' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json(), [
      "Resource Error - AccessFeatures already exists ('host': '1.2.3.0/24', 'feature': 'phonebook')",
    ]);
    const other = (
      await call('POST', '/access_features', 'admin', { host: '5.6.7.8', enabled: false })
    ).json();
    const clash = await call('PUT', `/access_features/${other.id}`, 'admin', { host: '1.2.3.0/24' });
    assert.equal(clash.statusCode, 400);
    assert.match(clash.json()[0], /AccessFeatures already exists/);
    assert.equal(
      (await call('PUT', `/access_features/${first.id}`, 'admin', { host: '1.2.3.0/24' })).statusCode,
      204,
    );
  });

  it('when fields have wrong values, then 400 naming the field', async () => {
    for (const [field, value] of [
      ['host', null],
      ['host', 'h'.repeat(256)],
      ['enabled', 'invalid'],
      ['enabled', null],
      ['feature', 'invalid'],
      ['feature', null],
    ] as const) {
      const res = await call('PUT', `/access_features/${first.id}`, 'admin', { [field]: value });
      assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
      assert.match(res.json()[0], new RegExp(`^Input Error - ${field}`));
    }
  });

  it('when edited, then only the fields given change, announced', async () => {
    const events = await eventsOf(() =>
      call('PUT', `/access_features/${first.id}`, 'admin', { enabled: false }),
    );
    const read = (await call('GET', `/access_features/${first.id}`, 'admin')).json();
    assert.deepEqual(read, { ...first, enabled: false });
    assert.deepEqual(events, [['access_feature_edited', 'config.access_feature.edited', read]]);
  });

  it('when searched, sorted and paged, then as a confd list sorted by host', async () => {
    const all = (await call('GET', '/access_features', 'admin')).json();
    assert.deepEqual(
      all.items.map((f: { host: string }) => f.host),
      ['1.2.3.0/24', '5.6.7.8'],
    );
    assert.equal((await call('GET', '/access_features?search=5.6', 'admin')).json().total, 1);
    const page = (await call('GET', '/access_features?direction=desc&limit=1', 'admin')).json();
    assert.deepEqual([page.total, page.items[0].host], [2, '5.6.7.8']);
  });

  it('when deleted, then gone and announced; unknown or non-numeric ids are 404', async () => {
    const events = await eventsOf(() => call('DELETE', `/access_features/${first.id}`, 'admin'));
    assert.deepEqual(
      events.map(([name]) => name),
      ['access_feature_deleted'],
    );
    const gone = await call('GET', `/access_features/${first.id}`, 'admin');
    assert.equal(gone.statusCode, 404);
    assert.deepEqual(gone.json(), [`Resource Not Found - AccessFeatures was not found ('id': ${first.id})`]);
    assert.equal((await call('DELETE', '/access_features/abc', 'admin')).statusCode, 404);
  });

  it('when another tenant than the master calls, or the ACL is missing, then 401', async () => {
    assert.equal((await call('GET', '/access_features', 'sub')).statusCode, 401);
    assert.equal((await call('POST', '/access_features', 'sub', { host: 'x' })).statusCode, 401);
    assert.equal((await call('GET', '/access_features', 'reader')).statusCode, 200);
    assert.equal((await call('POST', '/access_features', 'reader', { host: 'x' })).statusCode, 401);
  });
});
