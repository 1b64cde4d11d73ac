/**
 * wazo-confd's test_trunks and test_trunk_endpoint_* checklists on a real PostgreSQL: minimal
 * body and Wazo's defaults, every field, field errors changing nothing, a context of the trunk's
 * tenant, search, filters on the endpoint's name and label, sort and paging, 404s across tenants,
 * the events' envelope, a trunk's endpoint (SIP, IAX, custom) exclusive of lines and other
 * trunks, shown on both sides, and deleting a trunk with its endpoint.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { contextsPlugin } from '../contexts/index.js';
import {
  endpointCustomPlugin,
  endpointIaxPlugin,
  endpointSipPlugin,
  lineEndpointsPlugin,
} from '../endpoints/index.js';
import { linesPlugin } from '../lines/index.js';
import { caller, lastOutboxId, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { trunkEndpointsPlugin, trunksPlugin } from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();
let context1: string;
let context2: string;

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_trunks' });
  api = await buildTestApi(database, [
    answerLinksPlugin,
    contextsPlugin,
    linesPlugin,
    endpointSipPlugin,
    endpointIaxPlugin,
    endpointCustomPlugin,
    lineEndpointsPlugin,
    trunksPlugin,
    trunkEndpointsPlugin,
  ]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'reader', acl: ['confd.trunks.read'], metadata: { tenant_uuid: tenant1 } });
  for (const tenant of [tenant1, child1, tenant2]) await api.resources.services.tenants.ensure(tenant);
  context1 = (await created('/contexts', { label: 'from-extern', type: 'incall' })).name;
  context2 = (await created('/contexts', { label: 'other-extern', type: 'incall' }, 'admin2')).name;
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

async function created(path: string, body: object, token = 'admin1', tenant?: string) {
  const res = await call('POST', path, token, body, tenant);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}
const get = async (path: string, token = 'admin1') => {
  const res = await call('GET', path, token);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};
const status = async (method: 'PUT' | 'DELETE', path: string, expected: number, token = 'admin1') => {
  const res = await call(method, path, token, method === 'PUT' ? {} : undefined);
  assert.equal(res.statusCode, expected, res.body);
  return res.body;
};

describe('trunks', () => {
  it('when created with no field, then Wazo defaults, a Location and trunk_created', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/trunks', 'admin1', {});
    assert.equal(res.statusCode, 201, res.body);
    const trunk = res.json();
    assert.deepEqual(trunk, {
      id: trunk.id,
      tenant_uuid: tenant1,
      context: null,
      twilio_incoming: false,
      outgoing_caller_id_format: '+E164',
      endpoint_sip: null,
      endpoint_custom: null,
      endpoint_iax: null,
      outcalls: [],
      register_iax: null,
      links: [{ rel: 'trunks', href: `http://localhost:80/1.1/trunks/${trunk.id}` }],
    });
    assert.match(String(res.headers.location), new RegExp(`/1\\.1/trunks/${trunk.id}$`));
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data, event?.headers.tenant_uuid],
      ['trunk_created', 'config.trunk.created', { id: trunk.id }, tenant1],
    );
    assert.deepEqual(await get(`/trunks/${trunk.id}`), trunk);
  });

  it('when created with every field, then each is kept', async () => {
    const body = { context: context1, twilio_incoming: true, outgoing_caller_id_format: 'national' };
    const trunk = await created('/trunks', body);
    assert.deepEqual(
      [trunk.context, trunk.twilio_incoming, trunk.outgoing_caller_id_format],
      [context1, true, 'national'],
    );
  });

  it("when a field is wrong, then Wazo's words and nothing is written", async () => {
    const before = await rowCount(database, 'trunk');
    const bad: [object, RegExp][] = [
      [{ context: 123 }, /^Input Error - context/],
      [{ context: [] }, /^Input Error - context/],
      [{ context: 'invalid' }, /^Input Error - field 'context': Context was not found/],
      [{ twilio_incoming: 123 }, /^Input Error - twilio_incoming/],
      [{ outgoing_caller_id_format: null }, /^Input Error - outgoing_caller_id_format/],
      [{ outgoing_caller_id_format: '00E164' }, /^Input Error - outgoing_caller_id_format/],
      [{ outgoing_caller_id_format: 42 }, /^Input Error - outgoing_caller_id_format/],
    ];
    const trunk = await created('/trunks', {});
    for (const [body, message] of bad) {
      for (const [method, path] of [
        ['POST', '/trunks'],
        ['PUT', `/trunks/${trunk.id}`],
      ] as const) {
        const res = await call(method, path, 'admin1', body);
        assert.equal(res.statusCode, 400, `${method} ${JSON.stringify(body)}: ${res.body}`);
        assert.match(res.json()[0], message);
      }
    }
    assert.equal(await rowCount(database, 'trunk'), before + 1);
    assert.equal((await get(`/trunks/${trunk.id}`)).context, null);
  });

  it("when the context is another tenant's, then different tenants", async () => {
    const res = await call('POST', '/trunks', 'admin1', { context: context2 });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.json()[0], /^Resource Error - different tenants \('trunk_tenant_uuid'/);
    const sub = await created('/trunks', {}, 'admin1', child1);
    const edit = await call('PUT', `/trunks/${sub.id}`, 'admin1', { context: context1 });
    assert.match(edit.json()[0], /different tenants/);
  });

  it('when listed, then search, filters, sort, paging and tenants as Wazo', async () => {
    const e164 = await created('/trunks', { context: context2, outgoing_caller_id_format: 'E164' }, 'admin2');
    const national = await created('/trunks', { outgoing_caller_id_format: 'national' }, 'admin2');
    const list = await get('/trunks?order=outgoing_caller_id_format', 'admin2');
    assert.equal(list.total, 2);
    assert.deepEqual(
      list.items.map((t: { id: number }) => t.id),
      [e164.id, national.id],
    );
    const desc = await get('/trunks?order=outgoing_caller_id_format&direction=desc&limit=1', 'admin2');
    assert.deepEqual([desc.total, desc.items[0].id], [2, national.id]);
    assert.deepEqual((await get('/trunks?offset=1', 'admin2')).items[0].id, national.id);
    assert.deepEqual(
      (await get(`/trunks?search=${context2.slice(0, 6)}`, 'admin2')).items.map((t: { id: number }) => t.id),
      [e164.id],
    );
    assert.deepEqual((await get(`/trunks?context=${context2}`, 'admin2')).total, 1);
    const bad = await call('GET', '/trunks?order=nope', 'admin2');
    assert.equal(bad.statusCode, 400);
    const sub = await created('/trunks', {}, 'admin1', child1);
    const own = (await get('/trunks')).items.map((t: { id: number }) => t.id);
    assert.ok(!own.includes(sub.id));
    const all = (await get('/trunks?recurse=true')).items.map((t: { id: number }) => t.id);
    assert.ok(all.includes(sub.id));
    assert.ok(!all.includes(e164.id));
    assert.equal((await call('GET', '/trunks', 'reader')).statusCode, 200);
    assert.equal((await call('POST', '/trunks', 'reader', {})).statusCode, 401);
  });

  it("when another tenant's trunk is read, edited or deleted, then Trunk was not found", async () => {
    const trunk = await created('/trunks', {}, 'admin2');
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const res = await call(method, `/trunks/${trunk.id}`, 'admin1', method === 'PUT' ? {} : undefined);
      assert.equal(res.statusCode, 404, res.body);
      assert.match(res.json()[0], /^Resource Not Found - Trunk was not found/);
    }
    assert.equal((await call('GET', '/trunks/abc', 'admin1')).statusCode, 404);
    assert.equal((await call('GET', '/trunks/999999', 'admin1')).statusCode, 404);
    const sub = await created('/trunks', {}, 'admin1', child1);
    assert.equal((await call('GET', `/trunks/${sub.id}`, 'admin1')).statusCode, 200);
  });

  it('when edited, then given fields change, the others stay, and trunk_edited', async () => {
    const trunk = await created('/trunks', { context: context1, twilio_incoming: true });
    const from = await lastOutboxId(database);
    await status('PUT', `/trunks/${trunk.id}`, 204);
    assert.deepEqual(await get(`/trunks/${trunk.id}`), trunk);
    const res = await call('PUT', `/trunks/${trunk.id}`, 'admin1', { outgoing_caller_id_format: 'E164' });
    assert.equal(res.statusCode, 204, res.body);
    const edited = await get(`/trunks/${trunk.id}`);
    assert.deepEqual(
      [edited.context, edited.twilio_incoming, edited.outgoing_caller_id_format],
      [context1, true, 'E164'],
    );
    await call('PUT', `/trunks/${trunk.id}`, 'admin1', { context: null });
    assert.equal((await get(`/trunks/${trunk.id}`)).context, null);
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key, e.data]),
      Array(3).fill(['trunk_edited', 'config.trunk.edited', { id: trunk.id }]),
    );
  });

  it('when deleted, then gone, trunk_deleted', async () => {
    const trunk = await created('/trunks', {});
    const from = await lastOutboxId(database);
    await status('DELETE', `/trunks/${trunk.id}`, 204);
    assert.equal((await call('GET', `/trunks/${trunk.id}`, 'admin1')).statusCode, 404);
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data],
      ['trunk_deleted', 'config.trunk.deleted', { id: trunk.id }],
    );
  });
});

describe('trunk endpoints', () => {
  it('when a SIP endpoint is associated, then shown on both sides with trunk_endpoint_sip_associated, and a name and label filter finds the trunk', async () => {
    const trunk = await created('/trunks', {});
    const sip = await created('/endpoints/sip', {
      name: 'trunk-sip',
      label: 'Trunk label',
      auth_section_options: [
        ['username', 'provider'],
        ['password', 'secret'],
      ],
      registration_section_options: [
        ['client_uri', 'sip:me@provider'],
        ['expiration', '120'],
      ],
    });
    const from = await lastOutboxId(database);
    await status('PUT', `/trunks/${trunk.id}/endpoints/sip/${sip.uuid}`, 204);
    const shown = await get(`/trunks/${trunk.id}`);
    assert.deepEqual(shown.endpoint_sip, {
      uuid: sip.uuid,
      label: 'Trunk label',
      name: 'trunk-sip',
      auth_section_options: [['username', 'provider']],
      registration_section_options: [['client_uri', 'sip:me@provider']],
      links: [{ rel: 'endpoint_sip', href: `http://localhost:80/1.1/endpoints/sip/${sip.uuid}` }],
    });
    assert.deepEqual((await get(`/endpoints/sip/${sip.uuid}`)).trunk, {
      id: trunk.id,
      links: [{ rel: 'trunks', href: `http://localhost:80/1.1/trunks/${trunk.id}` }],
    });
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.headers.tenant_uuid],
      [
        'trunk_endpoint_sip_associated',
        `config.trunks.${trunk.id}.endpoints.sip.${sip.uuid}.updated`,
        tenant1,
      ],
    );
    assert.deepEqual(event?.data, {
      trunk: { id: trunk.id, tenant_uuid: tenant1 },
      endpoint_sip: {
        uuid: sip.uuid,
        tenant_uuid: tenant1,
        name: 'trunk-sip',
        auth_section_options: [['username', 'provider']],
        registration_section_options: [['client_uri', 'sip:me@provider']],
      },
    });
    for (const query of ['name=trunk-sip', 'label=Trunk%20label', 'search=trunk-s', 'search=trunk%20lab'])
      assert.deepEqual(
        (await get(`/trunks?${query}`)).items.map((t: { id: number }) => t.id),
        [trunk.id],
        query,
      );
    // Again: nothing happens.
    const again = await lastOutboxId(database);
    await status('PUT', `/trunks/${trunk.id}/endpoints/sip/${sip.uuid}`, 204);
    assert.deepEqual(await sentSince(database, again), []);

    const dissociated = await lastOutboxId(database);
    await status('DELETE', `/trunks/${trunk.id}/endpoints/sip/${sip.uuid}`, 204);
    assert.equal((await get(`/trunks/${trunk.id}`)).endpoint_sip, null);
    assert.equal((await get(`/endpoints/sip/${sip.uuid}`)).trunk, null);
    const [gone] = await sentSince(database, dissociated);
    assert.deepEqual(
      [gone?.name, gone?.routing_key],
      ['trunk_endpoint_sip_dissociated', `config.trunks.${trunk.id}.endpoints.sip.${sip.uuid}.deleted`],
    );
    await status('DELETE', `/trunks/${trunk.id}/endpoints/sip/${sip.uuid}`, 204);
  });

  it('when an IAX or custom endpoint is associated, then shown on both sides with its events', async () => {
    const trunk = await created('/trunks', {});
    const iax = await created('/endpoints/iax', { name: 'trunk-iax' });
    const from = await lastOutboxId(database);
    await status('PUT', `/trunks/${trunk.id}/endpoints/iax/${iax.id}`, 204);
    assert.deepEqual((await get(`/trunks/${trunk.id}`)).endpoint_iax, {
      id: iax.id,
      name: 'trunk-iax',
      links: [{ rel: 'endpoint_iax', href: `http://localhost:80/1.1/endpoints/iax/${iax.id}` }],
    });
    assert.equal((await get(`/endpoints/iax/${iax.id}`)).trunk.id, trunk.id);
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data],
      [
        'trunk_endpoint_iax_associated',
        `config.trunks.${trunk.id}.endpoints.iax.${iax.id}.updated`,
        {
          trunk: { id: trunk.id, tenant_uuid: tenant1 },
          endpoint_iax: { id: iax.id, tenant_uuid: tenant1, name: 'trunk-iax' },
        },
      ],
    );
    assert.deepEqual(
      (await get('/trunks?name=trunk-iax')).items.map((t: { id: number }) => t.id),
      [trunk.id],
    );
    await status('DELETE', `/trunks/${trunk.id}/endpoints/iax/${iax.id}`, 204);
    assert.equal((await get(`/endpoints/iax/${iax.id}`)).trunk, null);

    const other = await created('/trunks', {});
    const custom = await created('/endpoints/custom', { interface: 'dahdi/trunk' });
    const before = await lastOutboxId(database);
    await status('PUT', `/trunks/${other.id}/endpoints/custom/${custom.id}`, 204);
    assert.deepEqual((await get(`/trunks/${other.id}`)).endpoint_custom, {
      id: custom.id,
      interface: 'dahdi/trunk',
      links: [{ rel: 'endpoint_custom', href: `http://localhost:80/1.1/endpoints/custom/${custom.id}` }],
    });
    assert.equal((await get(`/endpoints/custom/${custom.id}`)).trunk.id, other.id);
    const [customEvent] = await sentSince(database, before);
    assert.deepEqual(customEvent?.data, {
      trunk: { id: other.id, tenant_uuid: tenant1 },
      endpoint_custom: { id: custom.id, tenant_uuid: tenant1, interface: 'dahdi/trunk' },
    });
    const dissociated = await lastOutboxId(database);
    await status('DELETE', `/trunks/${other.id}/endpoints/custom/${custom.id}`, 204);
    assert.deepEqual(
      (await sentSince(database, dissociated)).map((e) => e.routing_key),
      [`config.trunks.${other.id}.endpoints.custom.${custom.id}.deleted`],
    );
  });

  it("when the endpoint is taken, the trunk has one, or tenants differ, then Wazo's errors and nothing changes", async () => {
    const trunk = await created('/trunks', {});
    const other = await created('/trunks', {});
    const sip = await created('/endpoints/sip', { name: 'taken-sip' });
    const iax = await created('/endpoints/iax', { name: 'second-iax' });
    await status('PUT', `/trunks/${trunk.id}/endpoints/sip/${sip.uuid}`, 204);
    const from = await lastOutboxId(database);
    const res = await call('PUT', `/trunks/${trunk.id}/endpoints/iax/${iax.id}`, 'admin1', {});
    assert.match(
      res.json()[0],
      /^Resource Error - Trunk is associated with a Endpoint \('trunk_id': \d+, 'endpoint': 'sip'/,
    );
    const taken = await call('PUT', `/trunks/${other.id}/endpoints/sip/${sip.uuid}`, 'admin1', {});
    assert.equal(taken.statusCode, 400);
    assert.match(
      taken.json()[0],
      new RegExp(`Trunk is associated with a Endpoint \\('trunk_id': ${trunk.id}`),
    );

    const line = await created('/lines', {
      context: (await created('/contexts', { label: 'internal' })).name,
    });
    const lineSip = await created('/endpoints/sip', { name: 'line-sip' });
    await status('PUT', `/lines/${line.id}/endpoints/sip/${lineSip.uuid}`, 204);
    const onLine = await call('PUT', `/trunks/${other.id}/endpoints/sip/${lineSip.uuid}`, 'admin1', {});
    assert.equal(onLine.statusCode, 400);
    assert.match(onLine.json()[0], /^Resource Error - Line is associated with a Endpoint/);
    const line2 = await created('/lines', { context: (await get('/lines/' + line.id)).context });
    const onTrunk = await call('PUT', `/lines/${line2.id}/endpoints/sip/${sip.uuid}`, 'admin1', {});
    assert.equal(onTrunk.statusCode, 400);
    assert.match(onTrunk.json()[0], /^Resource Error - Trunk is associated with a Endpoint/);

    const foreign = await created('/endpoints/iax', { name: 'sub-iax' }, 'admin1', child1);
    const tenants = await call('PUT', `/trunks/${other.id}/endpoints/iax/${foreign.id}`, 'admin1', {});
    assert.match(tenants.json()[0], /^Resource Error - different tenants \('trunk_tenant_uuid'/);
    const trunkEvents = (await sentSince(database, from)).filter((e) => e.name.startsWith('trunk_'));
    assert.deepEqual(trunkEvents, []);
    assert.equal((await get(`/trunks/${other.id}`)).endpoint_iax, null);

    const missing = await call('PUT', `/trunks/${other.id}/endpoints/sip/${randomUUID()}`, 'admin1', {});
    assert.match(missing.json()[0], /^Resource Not Found - SIPEndpoint was not found/);
    const missingIax = await call('PUT', `/trunks/${other.id}/endpoints/iax/999999`, 'admin1', {});
    assert.match(missingIax.json()[0], /^Resource Not Found - IAXEndpoint was not found/);
    const missingTrunk = await call('PUT', `/trunks/999999/endpoints/iax/${iax.id}`, 'admin1', {});
    assert.match(missingTrunk.json()[0], /^Resource Not Found - Trunk was not found/);
    const foreignTrunk = await created('/trunks', {}, 'admin2');
    assert.equal(
      (await call('PUT', `/trunks/${foreignTrunk.id}/endpoints/iax/${iax.id}`, 'admin1', {})).statusCode,
      404,
    );
  });

  it('when a trunk with an endpoint is deleted, then its endpoint goes too; when the endpoint is deleted, the trunk stays without', async () => {
    const trunk = await created('/trunks', {});
    const sip = await created('/endpoints/sip', { name: 'doomed-sip' });
    await status('PUT', `/trunks/${trunk.id}/endpoints/sip/${sip.uuid}`, 204);
    await status('DELETE', `/trunks/${trunk.id}`, 204);
    assert.equal((await call('GET', `/endpoints/sip/${sip.uuid}`, 'admin1')).statusCode, 404);

    const kept = await created('/trunks', {});
    const custom = await created('/endpoints/custom', { interface: 'dahdi/kept' });
    await status('PUT', `/trunks/${kept.id}/endpoints/custom/${custom.id}`, 204);
    await status('DELETE', `/endpoints/custom/${custom.id}`, 204);
    assert.equal((await get(`/trunks/${kept.id}`)).endpoint_custom, null);
  });
});
