/**
 * A line's custom and SCCP endpoints through the routes on a real PostgreSQL: a line made with
 * either (and a user's line), association and dissociation with Wazo's checks, words and events,
 * the line's name and caller id following the endpoint, and the cleanup when either side goes.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { contextsPlugin } from '../contexts/index.js';
import { extensionsPlugin } from '../extensions/index.js';
import { lineAssociationsPlugin, linesPlugin } from '../lines/index.js';
import { caller, lastOutboxId, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/index.js';
import { endpointCustomPlugin, endpointSccpPlugin, endpointSipPlugin, lineEndpointsPlugin } from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant = randomUUID();
const child = randomUUID();
const other = randomUUID();
let context: string;
const href = (path: string) => `http://localhost:80/1.1${path}`;

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_line_endpoints_numbered' });
  api = await buildTestApi(database, [
    answerLinksPlugin,
    contextsPlugin,
    extensionsPlugin,
    usersPlugin,
    linesPlugin,
    lineAssociationsPlugin,
    endpointSipPlugin,
    endpointCustomPlugin,
    endpointSccpPlugin,
    lineEndpointsPlugin,
  ]);
  call = caller(api);
  api.addSubtenant(tenant, child);
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

async function created(path: string, body: object, token = 'admin', tenantUuid?: string) {
  const res = await call('POST', path, token, body, tenantUuid);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

const names = async (from: number) => (await sentSince(database, from)).map((e) => e.name);

describe('line custom and SCCP endpoints routes', () => {
  it('when a line is made with endpoint_custom, then the endpoint is a resource of its own, associated, naming the line', async () => {
    const from = await lastOutboxId(database);
    const line = await created('/lines', {
      context,
      endpoint_custom: { interface: 'dahdi/1', enabled: false },
    });
    assert.deepEqual(
      [line.name, line.protocol, line.endpoint_sip, line.endpoint_sccp],
      ['dahdi/1', 'custom', null, null],
    );
    const id = line.endpoint_custom.id;
    const lineLinks = [{ rel: 'lines', href: href(`/lines/${line.id}`) }];
    // POST answers the new endpoint whole, as Wazo; GET shows Wazo's summary.
    assert.deepEqual(line.endpoint_custom, {
      id,
      tenant_uuid: tenant,
      interface: 'dahdi/1',
      interface_suffix: null,
      enabled: false,
      trunk: null,
      line: { id: line.id, links: lineLinks },
      links: [{ rel: 'endpoint_custom', href: href(`/endpoints/custom/${id}`) }],
    });
    assert.deepEqual((await call('GET', `/lines/${line.id}`, 'admin')).json().endpoint_custom, {
      id,
      interface: 'dahdi/1',
      links: [{ rel: 'endpoint_custom', href: href(`/endpoints/custom/${id}`) }],
    });
    assert.deepEqual(await names(from), [
      'custom_endpoint_created',
      'line_endpoint_custom_associated',
      'line_created',
    ]);
    const custom = (await call('GET', `/endpoints/custom/${id}`, 'admin')).json();
    assert.deepEqual(
      [custom.enabled, custom.line],
      [false, { id: line.id, links: [{ rel: 'lines', href: href(`/lines/${line.id}`) }] }],
    );
    // Filtered by its line's context, as xivo-dao's `context` column.
    const inContext = (await call('GET', `/endpoints/custom?context=${context}`, 'admin')).json();
    assert.deepEqual(
      inContext.items.map((c: { id: number }) => c.id),
      [id],
    );
    // Renaming the interface renames the line.
    await call('PUT', `/endpoints/custom/${id}`, 'admin', { interface: 'dahdi/2' });
    assert.equal((await call('GET', `/lines/${line.id}`, 'admin')).json().name, 'dahdi/2');
    const lines = await rowCount(database, 'line');
    const taken = await call('POST', '/lines', 'admin', {
      context,
      endpoint_custom: { interface: 'dahdi/2' },
    });
    assert.deepEqual(taken.json(), [
      "Resource Error - CustomEndpoint already exists ('interface': 'dahdi/2')",
    ]);
    assert.equal(await rowCount(database, 'line'), lines);
  });

  it('when a line is made with endpoint_sccp and a caller id name, then the endpoint has it as cid_name and the line shows it', async () => {
    const from = await lastOutboxId(database);
    const line = await created('/lines', {
      context,
      caller_id_name: 'Carol',
      caller_id_num: '1234',
      endpoint_sccp: { options: [['allow', 'alaw']] },
    });
    assert.equal(line.protocol, 'sccp');
    assert.match(line.name, /^[a-z0-9]{8}$/);
    assert.deepEqual([line.caller_id_name, line.caller_id_num], ['Carol', '']);
    const id = line.endpoint_sccp.id;
    const sccpLinks = [{ rel: 'endpoint_sccp', href: href(`/endpoints/sccp/${id}`) }];
    assert.deepEqual(line.endpoint_sccp, {
      id,
      tenant_uuid: tenant,
      options: [
        ['cid_name', 'Carol'],
        ['allow', 'alaw'],
      ],
      line: { id: line.id, links: [{ rel: 'lines', href: href(`/lines/${line.id}`) }] },
      links: sccpLinks,
    });
    assert.deepEqual((await call('GET', `/lines/${line.id}`, 'admin')).json().endpoint_sccp, {
      id,
      links: sccpLinks,
    });
    assert.deepEqual(await names(from), [
      'sccp_endpoint_created',
      'line_endpoint_sccp_associated',
      'line_created',
    ]);
    const sccp = (await call('GET', `/endpoints/sccp/${id}`, 'admin')).json();
    assert.deepEqual(sccp.options, [
      ['cid_name', 'Carol'],
      ['allow', 'alaw'],
    ]);
    assert.equal(sccp.line.id, line.id);
    assert.equal(
      (await call('PUT', `/lines/${line.id}`, 'admin', { caller_id_name: 'Caroline' })).statusCode,
      204,
    );
    assert.equal((await call('GET', `/lines/${line.id}`, 'admin')).json().caller_id_name, 'Caroline');
    const num = await call('PUT', `/lines/${line.id}`, 'admin', { caller_id_num: '1000' });
    assert.deepEqual(num.json(), ["Cannot set caller id num on endpoint of type 'sccp'"]);
    const two = await call('POST', '/lines', 'admin', {
      context,
      endpoint_sccp: {},
      endpoint_custom: { interface: 'two' },
    });
    assert.deepEqual(two.json(), [
      "Input Error - _schema: ['Only one endpoint should be configured on a line']",
    ]);
  });

  it('when an endpoint is associated, then the line takes its name, the event carries Wazo payload; again changes nothing', async () => {
    const line = await created('/lines', { context });
    const custom = await created('/endpoints/custom', { interface: 'iax/assoc' });
    const sccp = await created('/endpoints/sccp', {});
    const sccpLine = await created('/lines', { context });
    const from = await lastOutboxId(database);
    const url = `/lines/${line.id}/endpoints/custom/${custom.id}`;
    assert.equal((await call('PUT', url, 'admin')).statusCode, 204);
    assert.equal((await call('PUT', url, 'admin')).statusCode, 204);
    assert.equal(
      (await call('PUT', `/lines/${sccpLine.id}/endpoints/sccp/${sccp.id}`, 'admin')).statusCode,
      204,
    );
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key, e.headers.tenant_uuid]),
      [
        [
          'line_endpoint_custom_associated',
          `config.lines.${line.id}.endpoints.custom.${custom.id}.updated`,
          tenant,
        ],
        [
          'line_endpoint_sccp_associated',
          `config.lines.${sccpLine.id}.endpoints.sccp.${sccp.id}.updated`,
          tenant,
        ],
      ],
    );
    assert.deepEqual(events[0]?.data, {
      line: { id: line.id, tenant_uuid: tenant, name: 'iax/assoc' },
      endpoint_custom: { id: custom.id, tenant_uuid: tenant, interface: 'iax/assoc' },
    });
    const sccpName = (await call('GET', `/lines/${sccpLine.id}`, 'admin')).json().name;
    assert.deepEqual(events[1]?.data, {
      line: { id: sccpLine.id, tenant_uuid: tenant, name: sccpName },
      endpoint_sccp: { id: sccp.id, tenant_uuid: tenant },
    });
    const read = (await call('GET', `/lines/${line.id}`, 'admin')).json();
    assert.deepEqual([read.name, read.protocol, read.endpoint_custom.id], ['iax/assoc', 'custom', custom.id]);
  });

  it("when a line has an endpoint, or the endpoint another line, or they differ in tenant, then Wazo's refusals", async () => {
    const sipLine = await created('/lines', { context, endpoint_sip: {} });
    const custom = await created('/endpoints/custom', { interface: 'refused/1' });
    const full = await call('PUT', `/lines/${sipLine.id}/endpoints/custom/${custom.id}`, 'admin');
    assert.deepEqual(full.json(), [
      `Resource Error - Line is associated with a Endpoint ('line_id': ${sipLine.id}, 'endpoint': 'sip', 'endpoint_id': '${sipLine.endpoint_sip.uuid}')`,
    ]);
    const first = await created('/lines', { context });
    const second = await created('/lines', { context });
    const sccp = await created('/endpoints/sccp', {});
    assert.equal(
      (await call('PUT', `/lines/${first.id}/endpoints/sccp/${sccp.id}`, 'admin')).statusCode,
      204,
    );
    const busy = await call('PUT', `/lines/${second.id}/endpoints/sccp/${sccp.id}`, 'admin');
    assert.deepEqual(busy.json(), [
      `Resource Error - Line is associated with a Endpoint ('line_id': ${first.id}, 'endpoint': 'sccp', 'endpoint_id': ${sccp.id})`,
    ]);
    const sccpFull = await call('PUT', `/lines/${first.id}/endpoints/custom/${custom.id}`, 'admin');
    assert.match(sccpFull.body, /'endpoint': 'sccp', 'endpoint_id': \d+/);
    const sub = await created('/endpoints/custom', { interface: 'refused/sub' }, 'admin', child);
    const tenants = await call('PUT', `/lines/${second.id}/endpoints/custom/${sub.id}`, 'admin');
    assert.deepEqual(tenants.json(), [
      `Resource Error - different tenants ('line_tenant_uuid': '${tenant}', 'endpoint_tenant_uuid': '${child}')`,
    ]);
    const foreign = await created('/endpoints/custom', { interface: 'refused/foreign' }, 'other');
    const hidden = await call('PUT', `/lines/${second.id}/endpoints/custom/${foreign.id}`, 'admin');
    assert.deepEqual(hidden.json(), [
      `Resource Not Found - CustomEndpoint was not found ('id': ${foreign.id})`,
    ]);
    for (const url of [
      `/lines/${second.id}/endpoints/sccp/abc`,
      `/lines/999999/endpoints/custom/${custom.id}`,
    ])
      assert.equal((await call('PUT', url, 'admin')).statusCode, 404, url);
    assert.equal(
      (await call('PUT', `/lines/${second.id}/endpoints/sccp/${sccp.id}`, 'other')).statusCode,
      404,
    );
  });

  it('when dissociated, then refused while the line has a user, else the line loses its name and the event is sent', async () => {
    const line = await created('/lines', { context, endpoint_custom: { interface: 'dissoc/1' } });
    const user = await created('/users', { firstname: 'Dee' });
    assert.equal((await call('PUT', `/users/${user.uuid}/lines/${line.id}`, 'admin')).statusCode, 204);
    const url = `/lines/${line.id}/endpoints/custom/${line.endpoint_custom.id}`;
    const refused = await call('DELETE', url, 'admin');
    assert.deepEqual(refused.json(), [
      `Resource Error - Line is associated with a User ('line_id': ${line.id}, 'user_ids': '${user.id}')`,
    ]);
    await call('DELETE', `/users/${user.uuid}/lines/${line.id}`, 'admin');
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', url, 'admin')).statusCode, 204);
    assert.equal((await call('DELETE', url, 'admin')).statusCode, 204);
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key, e.data]),
      [
        [
          'line_endpoint_custom_dissociated',
          `config.lines.${line.id}.endpoints.custom.${line.endpoint_custom.id}.deleted`,
          {
            line: { id: line.id, tenant_uuid: tenant, name: null },
            endpoint_custom: { id: line.endpoint_custom.id, tenant_uuid: tenant, interface: 'dissoc/1' },
          },
        ],
      ],
    );
    const read = (await call('GET', `/lines/${line.id}`, 'admin')).json();
    assert.deepEqual([read.name, read.protocol, read.endpoint_custom], [null, null, null]);
    assert.equal(
      (await call('GET', `/endpoints/custom/${line.endpoint_custom.id}`, 'admin')).json().line,
      null,
    );
  });

  it('when a line is deleted, then its endpoint goes with it; when an endpoint is deleted, then its line has none', async () => {
    const sccpLine = await created('/lines', { context, endpoint_sccp: {} });
    const customLine = await created('/lines', { context, endpoint_custom: { interface: 'delete/1' } });
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/lines/${sccpLine.id}`, 'admin')).statusCode, 204);
    assert.equal((await call('DELETE', `/lines/${customLine.id}?recursive=true`, 'admin')).statusCode, 204);
    assert.deepEqual(await names(from), [
      'sccp_endpoint_deleted',
      'line_deleted',
      'custom_endpoint_deleted',
      'line_deleted',
    ]);
    assert.equal(
      (await call('GET', `/endpoints/sccp/${sccpLine.endpoint_sccp.id}`, 'admin')).statusCode,
      404,
    );
    assert.equal(
      (await call('GET', `/endpoints/custom/${customLine.endpoint_custom.id}`, 'admin')).statusCode,
      404,
    );
    // The interface is free again.
    await created('/endpoints/custom', { interface: 'delete/1' });

    const orphan = await created('/lines', { context, endpoint_sccp: {} });
    const deleted = await call('DELETE', `/endpoints/sccp/${orphan.endpoint_sccp.id}`, 'admin');
    assert.equal(deleted.statusCode, 204);
    const line = (await call('GET', `/lines/${orphan.id}`, 'admin')).json();
    assert.deepEqual(
      [line.name, line.protocol, line.endpoint_sccp, line.caller_id_name],
      [null, null, null, null],
    );
  });

  it("when a user is made with an SCCP and a custom line, then the user's lines show each endpoint", async () => {
    const user = await created('/users', {
      firstname: 'Lines',
      lines: [
        { context, endpoint_sccp: {} },
        { context, endpoint_custom: { interface: 'user/custom' } },
      ],
    });
    const read = (await call('GET', `/users/${user.uuid}`, 'admin')).json();
    const [sccpLine, customLine] = read.lines;
    assert.equal(sccpLine.protocol, 'sccp');
    assert.deepEqual(sccpLine.endpoint_sccp.links, [
      { rel: 'endpoint_sccp', href: href(`/endpoints/sccp/${sccpLine.endpoint_sccp.id}`) },
    ]);
    assert.deepEqual(
      [customLine.protocol, customLine.endpoint_custom.interface, customLine.name],
      ['custom', 'user/custom', 'user/custom'],
    );
  });
});
