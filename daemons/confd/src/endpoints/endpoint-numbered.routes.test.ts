/**
 * Custom and SCCP endpoints through their routes on a real PostgreSQL: Wazo's defaults and
 * fields, links, body errors, an interface unique in every tenant, SCCP option keys, a PUT that
 * changes only what it names, 404 across tenants, list filters and search, and the events with
 * Wazo's payloads and routing keys.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { caller, lastOutboxId, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { endpointCustomPlugin, endpointSccpPlugin } from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant = randomUUID();
const child = randomUUID();
const other = randomUUID();
const href = (path: string) => `http://localhost:80/1.1${path}`;

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_endpoint_numbered' });
  api = await buildTestApi(database, [answerLinksPlugin, endpointCustomPlugin, endpointSccpPlugin]);
  call = caller(api);
  api.addSubtenant(tenant, child);
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: tenant } });
  api.verifier.add({ token: 'other', acl: ['confd.#'], metadata: { tenant_uuid: other } });
  api.verifier.add({
    token: 'reader',
    acl: ['confd.endpoints.custom.read'],
    metadata: { tenant_uuid: tenant },
  });
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

describe('custom endpoints routes', () => {
  it("when created with an interface, then 201 with Location, Wazo's defaults, links and custom_endpoint_created", async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/endpoints/custom', 'admin', { interface: 'custom/createmin' });
    assert.equal(res.statusCode, 201, res.body);
    const custom = res.json();
    assert.equal(res.headers.location, href(`/endpoints/custom/${custom.id}`));
    assert.deepEqual(custom, {
      id: custom.id,
      tenant_uuid: tenant,
      interface: 'custom/createmin',
      interface_suffix: null,
      enabled: true,
      trunk: null,
      line: null,
      links: [{ rel: 'endpoint_custom', href: href(`/endpoints/custom/${custom.id}`) }],
    });
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key, e.headers.tenant_uuid]),
      [['custom_endpoint_created', 'config.custom_endpoint.created', tenant]],
    );
    assert.deepEqual(events[0]?.data, {
      id: custom.id,
      tenant_uuid: tenant,
      interface: 'custom/createmin',
      trunk: null,
      line: null,
    });
    assert.deepEqual((await call('GET', `/endpoints/custom/${custom.id}`, 'admin')).json(), custom);
  });

  it('when created with every field, or an uppercase interface, then they are kept', async () => {
    const all = await created('/endpoints/custom', {
      interface: 'Local/123@foobar',
      interface_suffix: 'suffix',
      enabled: false,
    });
    assert.deepEqual(
      [all.interface, all.interface_suffix, all.enabled],
      ['Local/123@foobar', 'suffix', false],
    );
  });

  it("when a body is bogus, then 400 in Wazo's words and nothing is written", async () => {
    const before = await rowCount(database, 'endpoint_custom');
    const target = await created('/endpoints/custom', { interface: 'custom/bogus' });
    const bodies: [object, string][] = [
      [{ interface: null }, 'interface'],
      [{ interface: true }, 'interface'],
      [{ interface: 'custom/&&&~~~' }, 'interface'],
      [{ interface: 'x'.repeat(129) }, 'interface'],
      [{ interface: [] }, 'interface'],
      [{ interface: 'ok', interface_suffix: 'x'.repeat(33) }, 'interface_suffix'],
      [{ interface: 'ok', interface_suffix: true }, 'interface_suffix'],
      [{ interface: 'ok', enabled: null }, 'enabled'],
      [{ interface: 'ok', enabled: 'string' }, 'enabled'],
    ];
    for (const [body, field] of bodies) {
      for (const [method, url] of [
        ['POST', '/endpoints/custom'],
        ['PUT', `/endpoints/custom/${target.id}`],
      ] as const) {
        const res = await call(method, url, 'admin', body);
        assert.equal(res.statusCode, 400, `${method} ${JSON.stringify(body)}`);
        assert.match(res.body, new RegExp(field), res.body);
      }
    }
    assert.equal((await call('PUT', `/endpoints/custom/${target.id}`, 'admin')).statusCode, 400);
    const missing = await call('POST', '/endpoints/custom', 'admin', {});
    assert.deepEqual(missing.json(), ["Input Error - interface: ['Missing data for required field.']"]);
    assert.equal(await rowCount(database, 'endpoint_custom'), before + 1);
    const read = (await call('GET', `/endpoints/custom/${target.id}`, 'admin')).json();
    assert.deepEqual([read.interface, read.enabled], ['custom/bogus', true]);
  });

  it('when an interface is taken (in any tenant), then create and update are refused', async () => {
    await created('/endpoints/custom', { interface: 'custom/duplicate' }, 'other');
    const res = await call('POST', '/endpoints/custom', 'admin', { interface: 'custom/duplicate' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json(), [
      "Resource Error - CustomEndpoint already exists ('interface': 'custom/duplicate')",
    ]);
    const mine = await created('/endpoints/custom', { interface: 'custom/mine' });
    const put = await call('PUT', `/endpoints/custom/${mine.id}`, 'admin', { interface: 'custom/duplicate' });
    assert.deepEqual(put.json(), [
      "Resource Error - CustomEndpoint already exists ('interface': 'custom/duplicate')",
    ]);
    // Keeping its own interface is no conflict.
    const same = await call('PUT', `/endpoints/custom/${mine.id}`, 'admin', { interface: 'custom/mine' });
    assert.equal(same.statusCode, 204);
  });

  it('when updated with some fields, then only those change and custom_endpoint_edited is sent', async () => {
    const custom = await created('/endpoints/custom', { interface: 'custom/beforeupdate', enabled: false });
    const from = await lastOutboxId(database);
    const res = await call('PUT', `/endpoints/custom/${custom.id}`, 'admin', {
      interface: 'custom/afterupdate',
    });
    assert.equal(res.statusCode, 204, res.body);
    const read = (await call('GET', `/endpoints/custom/${custom.id}`, 'admin')).json();
    assert.deepEqual(
      [read.interface, read.enabled, read.interface_suffix],
      ['custom/afterupdate', false, null],
    );
    const full = { interface: 'custom/full', interface_suffix: 'other', enabled: true };
    assert.equal((await call('PUT', `/endpoints/custom/${custom.id}`, 'admin', full)).statusCode, 204);
    const again = (await call('GET', `/endpoints/custom/${custom.id}`, 'admin')).json();
    assert.deepEqual(
      [again.interface, again.interface_suffix, again.enabled],
      ['custom/full', 'other', true],
    );
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key]),
      [
        ['custom_endpoint_edited', 'config.custom_endpoint.edited'],
        ['custom_endpoint_edited', 'config.custom_endpoint.edited'],
      ],
    );
    assert.equal(events[0]?.data.interface, 'custom/afterupdate');
  });

  it('when another tenant reads, edits or deletes an endpoint, then 404; the parent tenant reaches its sub-tenant', async () => {
    const mine = await created('/endpoints/custom', { interface: 'custom/tenant' });
    const sub = await created('/endpoints/custom', { interface: 'custom/sub' }, 'admin', child);
    assert.equal(sub.tenant_uuid, child);
    const notFound = [`Resource Not Found - CustomEndpoint was not found ('id': ${mine.id})`];
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const res = await call(
        method,
        `/endpoints/custom/${mine.id}`,
        'other',
        method === 'PUT' ? {} : undefined,
      );
      assert.equal(res.statusCode, 404, method);
      assert.deepEqual(res.json(), notFound);
    }
    assert.equal((await call('GET', `/endpoints/custom/${sub.id}`, 'admin')).json().interface, 'custom/sub');
    assert.equal((await call('PUT', `/endpoints/custom/${sub.id}`, 'admin', {})).statusCode, 204);
    const list = (await call('GET', '/endpoints/custom', 'admin')).json();
    assert.ok(list.items.every((c: { tenant_uuid: string }) => c.tenant_uuid === tenant));
    const all = (await call('GET', '/endpoints/custom?recurse=true', 'admin')).json();
    assert.ok(all.items.some((c: { id: number }) => c.id === sub.id));
    assert.ok(!all.items.some((c: { tenant_uuid: string }) => c.tenant_uuid === other));
    for (const id of ['999999', 'abc'])
      assert.equal((await call('GET', `/endpoints/custom/${id}`, 'admin')).statusCode, 404);
  });

  it('when listed with filters, search, order and paging, then xivo-dao columns answer', async () => {
    await created('/endpoints/custom', { interface: 'zz/list-a' });
    await created('/endpoints/custom', { interface: 'zz/list-b' });
    const byInterface = (await call('GET', '/endpoints/custom?interface=zz/list-a', 'admin')).json();
    assert.deepEqual(
      byInterface.items.map((c: { interface: string }) => c.interface),
      ['zz/list-a'],
    );
    const search = (
      await call('GET', '/endpoints/custom?search=list-&order=interface&direction=desc', 'admin')
    ).json();
    assert.deepEqual(
      search.items.map((c: { interface: string }) => c.interface),
      ['zz/list-b', 'zz/list-a'],
    );
    const page = (await call('GET', '/endpoints/custom?search=list-&limit=1&offset=1', 'admin')).json();
    assert.deepEqual([page.total, page.items[0].interface], [2, 'zz/list-b']);
    assert.equal((await call('GET', '/endpoints/custom?id=abc', 'admin')).statusCode, 400);
    assert.equal((await call('GET', '/endpoints/custom?order=nope', 'admin')).statusCode, 400);
    assert.equal((await call('GET', '/endpoints/custom', 'reader')).statusCode, 200);
    assert.equal(
      (await call('POST', '/endpoints/custom', 'reader', { interface: 'no/acl' })).statusCode,
      401,
    );
  });

  it('when deleted, then 204, custom_endpoint_deleted, and a second delete is 404', async () => {
    const custom = await created('/endpoints/custom', { interface: 'custom/delete' });
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/endpoints/custom/${custom.id}`, 'admin')).statusCode, 204);
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key]),
      [['custom_endpoint_deleted', 'config.custom_endpoint.deleted']],
    );
    assert.equal((await call('DELETE', `/endpoints/custom/${custom.id}`, 'admin')).statusCode, 404);
  });
});

describe('SCCP endpoints routes', () => {
  const ALL = [
    ['cid_name', 'cid_name'],
    ['cid_num', 'cid_num'],
    ['allow', 'allow'],
    ['disallow', 'disallow'],
  ];

  it('when created without body fields, then 201 with no options, links and sccp_endpoint_created', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/endpoints/sccp', 'admin', {});
    assert.equal(res.statusCode, 201, res.body);
    const sccp = res.json();
    assert.equal(res.headers.location, href(`/endpoints/sccp/${sccp.id}`));
    assert.deepEqual(sccp, {
      id: sccp.id,
      tenant_uuid: tenant,
      options: [],
      line: null,
      links: [{ rel: 'endpoint_sccp', href: href(`/endpoints/sccp/${sccp.id}`) }],
    });
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key, e.data]),
      [
        [
          'sccp_endpoint_created',
          'config.sccp_endpoint.created',
          { id: sccp.id, tenant_uuid: tenant, line: null },
        ],
      ],
    );
  });

  it("when created with every option, then they read in Wazo's order", async () => {
    const sccp = await created('/endpoints/sccp', { options: ALL });
    assert.deepEqual(sccp.options, [
      ['cid_name', 'cid_name'],
      ['cid_num', 'cid_num'],
      ['disallow', 'disallow'],
      ['allow', 'allow'],
    ]);
  });

  it('when options are bogus or unknown, then 400 and nothing is written', async () => {
    const before = await rowCount(database, 'endpoint_sccp');
    const bogus = [
      123,
      null,
      {},
      'string',
      [null],
      ['string', 'string'],
      [123, 123],
      [[]],
      [{ key: 'value' }],
      [['missing_value']],
      [['too', 'much', 'value']],
      [['wrong_value', 1234]],
      [['none_value', null]],
    ];
    for (const options of bogus) {
      const res = await call('POST', '/endpoints/sccp', 'admin', { options });
      assert.equal(res.statusCode, 400, `${JSON.stringify(options)}: ${res.body}`);
    }
    const target = await created('/endpoints/sccp', {});
    for (const [method, url] of [
      ['POST', '/endpoints/sccp'],
      ['PUT', `/endpoints/sccp/${target.id}`],
    ] as const) {
      assert.equal((await call(method, url, 'admin')).statusCode, 400, `${method} without a body`);
    }
    const unknown = await call('POST', '/endpoints/sccp', 'admin', { options: [['foo', 'bar']] });
    assert.deepEqual(unknown.json(), ['Unknown SCCP options: foo']);
    const long = await call('POST', '/endpoints/sccp', 'admin', { options: [['cid_name', 'x'.repeat(81)]] });
    assert.equal(long.statusCode, 400, long.body);
    assert.equal(await rowCount(database, 'endpoint_sccp'), before + 1);
  });

  it('when options are updated, then allow and disallow are replaced, the caller id kept, and sccp_endpoint_edited sent', async () => {
    const sccp = await created('/endpoints/sccp', {
      options: [
        ['cid_name', 'Carol'],
        ['allow', 'alaw'],
        ['disallow', 'all'],
      ],
    });
    const from = await lastOutboxId(database);
    const options = [
      ['allow', 'g723'],
      ['disallow', 'opus'],
    ];
    assert.equal((await call('PUT', `/endpoints/sccp/${sccp.id}`, 'admin', { options })).statusCode, 204);
    const read = (await call('GET', `/endpoints/sccp/${sccp.id}`, 'admin')).json();
    assert.deepEqual(read.options, [
      ['cid_name', 'Carol'],
      ['disallow', 'opus'],
      ['allow', 'g723'],
    ]);
    assert.equal((await call('PUT', `/endpoints/sccp/${sccp.id}`, 'admin', {})).statusCode, 204);
    assert.deepEqual((await call('GET', `/endpoints/sccp/${sccp.id}`, 'admin')).json().options, read.options);
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key]),
      [
        ['sccp_endpoint_edited', 'config.sccp_endpoint.edited'],
        ['sccp_endpoint_edited', 'config.sccp_endpoint.edited'],
      ],
    );
  });

  it('when another tenant reads, edits or deletes an endpoint, then 404; lists keep to the tenant unless recursing', async () => {
    const mine = await created('/endpoints/sccp', {});
    const sub = await created('/endpoints/sccp', {}, 'admin', child);
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const res = await call(
        method,
        `/endpoints/sccp/${mine.id}`,
        'other',
        method === 'PUT' ? {} : undefined,
      );
      assert.deepEqual(res.json(), [`Resource Not Found - SCCPEndpoint was not found ('id': ${mine.id})`]);
    }
    const list = (await call('GET', '/endpoints/sccp', 'admin')).json();
    assert.ok(!list.items.some((s: { id: number }) => s.id === sub.id));
    const all = (
      await call('GET', '/endpoints/sccp?recurse=true&order=id&direction=desc&limit=1', 'admin')
    ).json();
    assert.equal(all.items[0].id, sub.id);
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/endpoints/sccp/${sub.id}`, 'admin')).statusCode, 204);
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.routing_key]),
      [['sccp_endpoint_deleted', 'config.sccp_endpoint.deleted']],
    );
    assert.equal((await call('GET', `/endpoints/sccp/${sub.id}`, 'admin')).statusCode, 404);
  });
});
