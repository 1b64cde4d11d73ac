/**
 * PJSIP transports through the routes on a real PostgreSQL: CRUD, names shared with SIP
 * endpoints and templates, events (service events, no tenant), delete with `fallback`, and
 * writes for the master tenant only.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { caller, lastOutboxId, sentSince } from '../testing/route-calls.js';
import { buildTestApi, fixedServiceToken, type TestApi } from '../testing/test-app.js';
import { endpointSipPlugin, sipTransportsPlugin } from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant = randomUUID();
const sub = randomUUID();

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_sip_transports' });
  api = await buildTestApi(database, [endpointSipPlugin, sipTransportsPlugin], {
    serviceToken: fixedServiceToken('confd', tenant),
  });
  call = caller(api);
  api.addSubtenant(tenant, sub);
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: tenant } });
  api.verifier.add({ token: 'sub', acl: ['confd.#'], metadata: { tenant_uuid: sub } });
  api.verifier.add({
    token: 'reader',
    acl: ['confd.sip.transports.read', 'confd.sip.transports.*.read'],
    metadata: { tenant_uuid: tenant },
  });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

async function created(path: string, body: object) {
  const res = await call('POST', path, 'admin', body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

describe('SIP transports routes', () => {
  it('when a transport is created, read, listed, edited and deleted, then it answers and sends its events', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/sip/transports', 'admin', {
      name: 'transport-tls',
      options: [
        ['protocol', 'tls'],
        ['bind', '0.0.0.0:5061'],
      ],
    });
    assert.equal(res.statusCode, 201, res.body);
    const transport = res.json();
    assert.equal(res.headers.location, `http://localhost:80/1.1/sip/transports/${transport.uuid}`);
    assert.deepEqual((await call('GET', `/sip/transports/${transport.uuid}`, 'reader')).json(), transport);
    const list = (await call('GET', '/sip/transports?search=tls', 'reader')).json();
    assert.deepEqual(list, { total: 1, items: [transport] });
    assert.equal((await call('POST', '/sip/transports', 'reader', { name: 'x' })).statusCode, 401);
    await call('PUT', `/sip/transports/${transport.uuid}`, 'admin', { options: [['protocol', 'tcp']] });
    const edited = (await call('GET', `/sip/transports/${transport.uuid}`, 'admin')).json();
    assert.deepEqual([edited.name, edited.options], ['transport-tls', [['protocol', 'tcp']]]);
    assert.equal((await call('DELETE', `/sip/transports/${transport.uuid}`, 'admin')).statusCode, 204);
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key, e.headers.tenant_uuid]),
      [
        ['sip_transport_created', 'config.sip.transports.created', undefined],
        ['sip_transport_edited', 'config.sip.transports.edited', undefined],
        ['sip_transport_deleted', 'config.sip.transports.deleted', undefined],
      ],
    );
    assert.deepEqual(events[0]?.data, transport);
    const gone = await call('GET', `/sip/transports/${transport.uuid}`, 'admin');
    assert.deepEqual(gone.json(), [
      `Resource Not Found - Transport was not found ('uuid': '${transport.uuid}')`,
    ]);
  });

  it('when listed on a fresh install, then Wazo’s transport-udp and transport-wss are there', async () => {
    const names = (await call('GET', '/sip/transports', 'reader'))
      .json()
      .items.map((t: { name: string }) => t.name);
    assert.ok(names.includes('transport-udp') && names.includes('transport-wss'), String(names));
    const clash = await call('POST', '/endpoints/sip', 'admin', { name: 'transport-wss' });
    assert.deepEqual(clash.json(), ["Resource Error - Transport already exists ('name': 'transport-wss')"]);
  });

  it('when a name is missing, reserved or taken, then 400 in Wazo words', async () => {
    assert.equal((await call('POST', '/sip/transports', 'admin', {})).statusCode, 400);
    assert.equal((await call('POST', '/sip/transports', 'admin', { name: 'global' })).statusCode, 400);
    const bad = await call('POST', '/sip/transports', 'admin', { name: 'ok', options: [['a', 'b', 'c']] });
    assert.equal(bad.statusCode, 400);
    await created('/sip/transports', { name: 'taken-transport' });
    await created('/endpoints/sip', { name: 'taken-endpoint' });
    const clash = await call('POST', '/sip/transports', 'admin', { name: 'taken-endpoint' });
    assert.deepEqual(clash.json(), ["Resource Error - name already exists ('name': 'taken-endpoint')"]);
    const other = await created('/sip/transports', { name: 'other-transport' });
    const renamed = await call('PUT', `/sip/transports/${other.uuid}`, 'admin', { name: 'taken-transport' });
    assert.deepEqual(renamed.json(), [
      "Resource Error - Transport already exists ('name': 'taken-transport')",
    ]);
    const toEndpoint = await call('PUT', `/sip/transports/${other.uuid}`, 'admin', {
      name: 'taken-endpoint',
    });
    assert.deepEqual(toEndpoint.json(), [
      "Resource Error - SIPEndpoint already exists ('name': 'taken-endpoint')",
    ]);
  });

  it('when a transport in use is deleted, then it is refused without fallback and its endpoints move to the fallback', async () => {
    const used = await created('/sip/transports', { name: 'used' });
    const fallback = await created('/sip/transports', { name: 'fallback' });
    const sip = await created('/endpoints/sip', { transport: { uuid: used.uuid } });
    const refused = await call('DELETE', `/sip/transports/${used.uuid}`, 'admin');
    assert.deepEqual(refused.json(), [
      `Resource Error - Transport is associated with a EndpointSIP ('transport_uuid': '${used.uuid}', 'endpoint_sip_uuid': '${sip.uuid}')`,
    ]);
    const unknown = await call('DELETE', `/sip/transports/${used.uuid}?fallback=${randomUUID()}`, 'admin');
    assert.equal(unknown.statusCode, 404);
    const ok = await call('DELETE', `/sip/transports/${used.uuid}?fallback=${fallback.uuid}`, 'admin');
    assert.equal(ok.statusCode, 204, ok.body);
    assert.deepEqual((await call('GET', `/endpoints/sip/${sip.uuid}`, 'admin')).json().transport, {
      uuid: fallback.uuid,
    });
  });

  it('when a tenant other than the master writes, then 401 and nothing changes; it still reads', async () => {
    const transport = await created('/sip/transports', { name: 'master-only' });
    const post = await call('POST', '/sip/transports', 'sub', { name: 'from-sub' });
    assert.equal(post.statusCode, 401);
    assert.equal(
      (await call('PUT', `/sip/transports/${transport.uuid}`, 'sub', { name: 'x' })).statusCode,
      401,
    );
    assert.equal((await call('DELETE', `/sip/transports/${transport.uuid}`, 'sub')).statusCode, 401);
    assert.equal((await call('DELETE', `/sip/transports/${randomUUID()}`, 'sub')).statusCode, 401);
    assert.deepEqual((await call('GET', `/sip/transports/${transport.uuid}`, 'sub')).json(), transport);
    assert.equal((await call('GET', '/sip/transports?search=from-sub', 'sub')).json().total, 0);
  });
});
