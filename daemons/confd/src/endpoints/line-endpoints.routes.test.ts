/**
 * A line's SIP endpoint through the routes on a real PostgreSQL: a line made with its endpoint,
 * association and dissociation with Wazo's checks and events, the line's name following the
 * endpoint, recursive delete, and the endpoint of a user's line as a softphone reads it.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { contextsPlugin } from '../contexts/index.js';
import { extensionsPlugin } from '../extensions/index.js';
import { lineAssociationsPlugin, linesPlugin } from '../lines/index.js';
import { caller, lastOutboxId, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/index.js';
import { endpointSipPlugin, lineEndpointsPlugin } from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant = randomUUID();
const other = randomUUID();
/** The main tenant's context (Wazo names it). */
let context: string;

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_line_endpoints' });
  api = await buildTestApi(database, [
    contextsPlugin,
    extensionsPlugin,
    usersPlugin,
    linesPlugin,
    lineAssociationsPlugin,
    endpointSipPlugin,
    lineEndpointsPlugin,
  ]);
  call = caller(api);
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: tenant } });
  api.verifier.add({ token: 'other', acl: ['confd.#'], metadata: { tenant_uuid: other } });
  const res = await call('POST', '/contexts', 'admin', {
    label: 'internal',
    user_ranges: [{ start: '1000', end: '1999' }],
  });
  assert.equal(res.statusCode, 201, res.body);
  context = res.json().name;
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

async function created(path: string, body: object, token = 'admin') {
  const res = await call('POST', path, token, body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

describe('line endpoints routes', () => {
  it('when a line is made with endpoint_sip, then the endpoint is a resource of its own, its line shown, with the line context and caller id', async () => {
    const from = await lastOutboxId(database);
    const line = await created('/lines', {
      context,
      caller_id_name: 'Alice',
      caller_id_num: '1000',
      endpoint_sip: { name: 'alice-sip', auth_section_options: [['username', 'alice']] },
    });
    assert.equal(line.name, 'alice-sip');
    assert.deepEqual([line.caller_id_name, line.caller_id_num], ['Alice', '1000']);
    const sip = (await call('GET', `/endpoints/sip/${line.endpoint_sip.uuid}`, 'admin')).json();
    assert.deepEqual(sip.line, { id: line.id });
    assert.deepEqual(sip.endpoint_section_options, [
      ['context', context],
      ['callerid', '"Alice" <1000>'],
    ]);
    const names = (await sentSince(database, from)).map((e) => e.name);
    assert.deepEqual(names, ['sip_endpoint_created', 'line_endpoint_sip_associated', 'line_created']);
    const taken = await call('POST', '/lines', 'admin', {
      context,
      endpoint_sip: { name: 'alice-sip' },
    });
    assert.deepEqual(taken.json(), ["Resource Error - SIPEndpoint already exists ('name': 'alice-sip')"]);
  });

  it('when an endpoint is associated with a line, then the line takes its name and the event is sent; again changes nothing', async () => {
    const line = await created('/lines', { context });
    const sip = await created('/endpoints/sip', {
      name: 'assoc-sip',
      auth_section_options: [['username', 'u']],
    });
    const from = await lastOutboxId(database);
    const url = `/lines/${line.id}/endpoints/sip/${sip.uuid}`;
    assert.equal((await call('PUT', url, 'admin')).statusCode, 204);
    assert.equal((await call('PUT', url, 'admin')).statusCode, 204);
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key]),
      [['line_endpoint_sip_associated', `config.lines.${line.id}.endpoints.sip.${sip.uuid}.updated`]],
    );
    assert.deepEqual(events[0]?.data, {
      line: { id: line.id, tenant_uuid: tenant, name: 'assoc-sip' },
      endpoint_sip: {
        uuid: sip.uuid,
        tenant_uuid: tenant,
        label: null,
        name: 'assoc-sip',
        auth_section_options: [['username', 'u']],
      },
    });
    const read = (await call('GET', `/lines/${line.id}`, 'admin')).json();
    assert.deepEqual([read.name, read.protocol, read.endpoint_sip.uuid], ['assoc-sip', 'sip', sip.uuid]);
    // Renaming the endpoint renames the line.
    await call('PUT', `/endpoints/sip/${sip.uuid}`, 'admin', { name: 'assoc-renamed' });
    assert.equal((await call('GET', `/lines/${line.id}`, 'admin')).json().name, 'assoc-renamed');

    const second = await created('/lines', { context });
    const busy = await call('PUT', `/lines/${second.id}/endpoints/sip/${sip.uuid}`, 'admin');
    assert.deepEqual(busy.json(), [
      `Resource Error - Line is associated with a Endpoint ('line_id': ${line.id}, 'endpoint': 'sip', 'endpoint_uuid': '${sip.uuid}')`,
    ]);
    const another = await created('/endpoints/sip', {});
    const full = await call('PUT', `/lines/${line.id}/endpoints/sip/${another.uuid}`, 'admin');
    assert.deepEqual(full.json(), [
      `Resource Error - Line is associated with a Endpoint ('line_id': ${line.id}, 'endpoint': 'sip', 'endpoint_id': '${sip.uuid}')`,
    ]);
  });

  it('when the line or endpoint is unknown or of another tenant, then 404', async () => {
    const line = await created('/lines', { context });
    const foreign = await created('/endpoints/sip', {}, 'other');
    const res = await call('PUT', `/lines/${line.id}/endpoints/sip/${foreign.uuid}`, 'admin');
    assert.deepEqual(res.json(), [
      `Resource Not Found - SIPEndpoint was not found ('uuid': '${foreign.uuid}')`,
    ]);
    const sip = await created('/endpoints/sip', {});
    assert.equal((await call('PUT', `/lines/999999/endpoints/sip/${sip.uuid}`, 'admin')).statusCode, 404);
    assert.equal((await call('PUT', `/lines/${line.id}/endpoints/sip/${sip.uuid}`, 'other')).statusCode, 404);
  });

  it('when dissociated, then refused while the line has extensions, else the line has no endpoint and the event is sent', async () => {
    const line = await created('/lines', { context, endpoint_sip: {} });
    const ext = await created('/extensions', { exten: '1100', context });
    const linked = await call('PUT', `/lines/${line.id}/extensions/${ext.id}`, 'admin');
    assert.equal(linked.statusCode, 204, linked.body);
    const url = `/lines/${line.id}/endpoints/sip/${line.endpoint_sip.uuid}`;
    const refused = await call('DELETE', url, 'admin');
    assert.deepEqual(refused.json(), [
      `Resource Error - Line is associated with a Extension ('line_id': ${line.id}, 'extension_ids': '${ext.id}')`,
    ]);
    await call('DELETE', `/lines/${line.id}/extensions/${ext.id}`, 'admin');
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', url, 'admin')).statusCode, 204);
    assert.equal((await call('DELETE', url, 'admin')).statusCode, 204);
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key]),
      [
        [
          'line_endpoint_sip_dissociated',
          `config.lines.${line.id}.endpoints.sip.${line.endpoint_sip.uuid}.deleted`,
        ],
      ],
    );
    const read = (await call('GET', `/lines/${line.id}`, 'admin')).json();
    assert.deepEqual([read.name, read.protocol, read.endpoint_sip], [null, null, null]);
  });

  it('when a line is deleted, with or without recursive=true, then its endpoint goes with it; deleting an endpoint leaves its line without one', async () => {
    const plain = await created('/lines', { context, endpoint_sip: {} });
    const from = await lastOutboxId(database);
    await call('DELETE', `/lines/${plain.id}`, 'admin');
    assert.equal((await call('GET', `/endpoints/sip/${plain.endpoint_sip.uuid}`, 'admin')).statusCode, 404);
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => e.name),
      ['sip_endpoint_deleted', 'line_deleted'],
    );
    assert.equal(events[0]?.data.line, null);
    const gone = await created('/lines', { context, endpoint_sip: {} });
    await call('DELETE', `/lines/${gone.id}?recursive=true`, 'admin');
    assert.equal((await call('GET', `/endpoints/sip/${gone.endpoint_sip.uuid}`, 'admin')).statusCode, 404);
    const orphan = await created('/lines', { context, endpoint_sip: {} });
    await call('DELETE', `/endpoints/sip/${orphan.endpoint_sip.uuid}`, 'admin');
    const line = (await call('GET', `/lines/${orphan.id}`, 'admin')).json();
    assert.deepEqual([line.name, line.protocol, line.endpoint_sip], [null, null, null]);
  });

  it("when a user's line endpoint is read, then it answers by line id or main, merged with its templates on view=merged", async () => {
    const template = await created('/endpoints/sip/templates', {
      endpoint_section_options: [
        ['webrtc', 'yes'],
        ['allow', '!all,opus'],
      ],
    });
    const line = await created('/lines', {
      context,
      endpoint_sip: {
        auth_section_options: [
          ['username', 'softphone'],
          ['password', 'secret'],
        ],
        templates: [{ uuid: template.uuid }],
      },
    });
    const user = await created('/users', { firstname: 'Soft' });
    assert.equal((await call('PUT', `/users/${user.uuid}/lines/${line.id}`, 'admin')).statusCode, 204);
    const base = `/users/${user.uuid}/lines`;
    const byId = (await call('GET', `${base}/${line.id}/associated/endpoints/sip`, 'admin')).json();
    assert.deepEqual(byId.auth_section_options, [
      ['username', 'softphone'],
      ['password', 'secret'],
    ]);
    assert.equal(
      byId.endpoint_section_options.some(([key]: string[]) => key === 'webrtc'),
      false,
    );
    const merged = (await call('GET', `${base}/main/associated/endpoints/sip?view=merged`, 'admin')).json();
    assert.deepEqual(merged.endpoint_section_options.slice(0, 2), [
      ['webrtc', 'yes'],
      ['allow', '!all,opus'],
    ]);
    assert.equal(merged.uuid, line.endpoint_sip.uuid);
    // `webrtc` comes from the template: the line and the user's summary say so.
    assert.equal((await call('GET', `/lines/${line.id}`, 'admin')).json().is_webrtc, true);
    const summary = (await call('GET', `/users?view=summary&search=Soft`, 'admin')).json();
    assert.equal(summary.items[0].is_webrtc, true);
    await call('PUT', `/endpoints/sip/${line.endpoint_sip.uuid}`, 'admin', {
      endpoint_section_options: [['webrtc', 'no']],
    });
    assert.equal(
      (await call('GET', `/lines/${line.id}`, 'admin')).json().is_webrtc,
      false,
      'its own option wins',
    );
    const noLine = await created('/users', { firstname: 'NoLine' });
    const missing = await call('GET', `/users/${noLine.uuid}/lines/main/associated/endpoints/sip`, 'admin');
    assert.deepEqual([missing.statusCode, missing.json()], [404, ['Resource Not Found.']]);
    const notHers = await call(
      'GET',
      `/users/${noLine.uuid}/lines/${line.id}/associated/endpoints/sip`,
      'admin',
    );
    assert.equal(notHers.statusCode, 404);
    const foreign = await call('GET', `${base}/main/associated/endpoints/sip`, 'other');
    assert.equal(foreign.statusCode, 404);
  });
});
