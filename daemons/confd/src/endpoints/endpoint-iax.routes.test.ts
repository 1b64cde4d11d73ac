/**
 * The IAX endpoints routes on a real PostgreSQL: Wazo's defaults and default options, every
 * option Wazo's tests send, validation in Wazo's words, a name unique across tenants, 404 across
 * tenants, list search, filters and sorting, and the events with their payloads.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { caller, lastOutboxId, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { endpointIaxPlugin } from './endpoint-iax.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant = randomUUID();
const child = randomUUID();
const other = randomUUID();

/** The options a new endpoint shows: Wazo's column defaults. */
const DEFAULT_OPTIONS = [
  ['amaflags', 'default'],
  ['trunk', 'no'],
  ['auth', 'plaintext,md5'],
  ['sendani', 'no'],
  ['qualify', 'no'],
  ['qualifysmoothing', 'no'],
  ['qualifyfreqok', '60000'],
  ['qualifyfreqnotok', '10000'],
  ['requirecalltoken', 'no'],
];

/** wazo-confd's integration test's ALL_OPTIONS. */
const ALL_OPTIONS = [
  ['amaflags', 'default'],
  ['language', 'fr_FR'],
  ['qualify', '500'],
  ['callerid', '"cûstomcallerid" <1234>'],
  ['encryption', 'yes'],
  ['permit', '127.0.0.1'],
  ['deny', '127.0.0.1'],
  ['disallow', 'all'],
  ['allow', 'gsm'],
  ['accountcode', 'accountcode'],
  ['mohinterpret', 'mohinterpret'],
  ['parkinglot', '700'],
  ['fullname', 'fullname'],
  ['defaultip', '127.0.0.1'],
  ['regexten', 'regexten'],
  ['cid_number', '0123456789'],
  ['port', '10000'],
  ['username', 'username'],
  ['secret', 'secret'],
  ['dbsecret', 'dbsecret'],
  ['mailbox', 'mailbox'],
  ['trunk', 'yes'],
  ['auth', 'md5'],
  ['forceencryption', 'aes128'],
  ['maxauthreq', '10'],
  ['inkeys', 'inkeys'],
  ['outkey', 'oukeys'],
  ['adsi', 'yes'],
  ['transfer', 'mediaonly'],
  ['codecpriority', 'disabled'],
  ['jitterbuffer', 'yes'],
  ['forcejitterbuffer', 'yes'],
  ['sendani', 'yes'],
  ['qualifysmoothing', 'yes'],
  ['qualifyfreqok', '100'],
  ['qualifyfreqnotok', '20'],
  ['timezone', 'timezone'],
  ['mohsuggest', 'mohsuggest'],
  ['sourceaddress', 'sourceaddress'],
  ['setvar', 'setvar'],
  ['mask', 'mask'],
  ['peercontext', 'peercontext'],
  ['immediate', 'yes'],
  ['keyrotate', 'yes'],
  ['requirecalltoken', 'yes'],
];

const sorted = (options: string[][]) => [...options].sort((a, b) => a.join().localeCompare(b.join()));

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_iax' });
  api = await buildTestApi(database, [answerLinksPlugin, endpointIaxPlugin]);
  call = caller(api);
  api.addSubtenant(tenant, child);
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: tenant } });
  api.verifier.add({ token: 'other', acl: ['confd.#'], metadata: { tenant_uuid: other } });
  api.verifier.add({ token: 'reader', acl: ['confd.endpoints.iax.read'], metadata: { tenant_uuid: tenant } });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

describe('IAX endpoints routes', () => {
  let minimal: { id: number; name: string };

  it("when created with no field, then 201 with Location, Wazo's defaults and iax_endpoint_created", async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/endpoints/iax', 'admin', {});
    assert.equal(res.statusCode, 201, res.body);
    minimal = res.json();
    assert.equal(res.headers.location, `http://localhost:80/1.1/endpoints/iax/${minimal.id}`);
    assert.match(minimal.name, /^[a-z0-9]{8}$/);
    assert.deepEqual(res.json(), {
      id: minimal.id,
      tenant_uuid: tenant,
      name: minimal.name,
      type: 'friend',
      host: 'dynamic',
      options: DEFAULT_OPTIONS,
      trunk: null,
      links: [{ rel: 'endpoint_iax', href: `http://localhost:80/1.1/endpoints/iax/${minimal.id}` }],
    });
    const sent = await sentSince(database, from);
    assert.deepEqual(
      sent.map((e) => [e.name, e.routing_key, e.headers.tenant_uuid, e.data]),
      [
        [
          'iax_endpoint_created',
          'config.iax_endpoint.created',
          tenant,
          { id: minimal.id, tenant_uuid: tenant, name: minimal.name, trunk: null },
        ],
      ],
    );
    assert.deepEqual((await call('GET', `/endpoints/iax/${minimal.id}`, 'admin')).json(), res.json());
  });

  it('when created with every field and option, then each is read back, column options once, extras kept', async () => {
    const options = [...ALL_OPTIONS, ['foo', 'bar'], ['foo', 'baz'], ['context', 'kept-as-given']];
    const res = await call('POST', '/endpoints/iax', 'admin', {
      name: 'myname',
      type: 'peer',
      host: '127.0.0.1',
      options,
    });
    assert.equal(res.statusCode, 201, res.body);
    const read = (await call('GET', `/endpoints/iax/${res.json().id}`, 'admin')).json();
    assert.deepEqual([read.name, read.type, read.host], ['myname', 'peer', '127.0.0.1']);
    assert.deepEqual(sorted(read.options), sorted(options));
    // Column options first, in Wazo's column order; the others after, in their order.
    assert.deepEqual(read.options.slice(-3), [
      ['foo', 'bar'],
      ['foo', 'baz'],
      ['context', 'kept-as-given'],
    ]);
    assert.deepEqual(read.options.slice(0, 2), [
      ['username', 'username'],
      ['secret', 'secret'],
    ]);
  });

  it("when fields or options are bogus, then 400 in Wazo's words and nothing is written", async () => {
    const before = await rowCount(database, 'endpoint_iax');
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 123 }, "Input Error - name: ['Not a valid string.']"],
      [{ name: null }, "Input Error - name: ['Field may not be null.']"],
      [{ name: ']^' }, "Input Error - name: ['String does not match expected pattern.']"],
      [{ name: 'ûsername' }, "Input Error - name: ['String does not match expected pattern.']"],
      [{ type: 'invalid_choice' }, "Input Error - type: ['Must be one of: friend, peer, user.']"],
      [{ host: 'h'.repeat(256) }, "Input Error - host: ['Longer than maximum length 255.']"],
      [
        { options: [['maxauthreq', 'ten']] },
        "Input Error - options: {'maxauthreq': ['Not a valid integer.']}",
      ],
      [
        { options: [['amaflags', 'sometimes']] },
        "Input Error - options: {'amaflags': ['Must be one of: default, omit, billing, documentation.']}",
      ],
      [
        { options: [['language', 'l'.repeat(21)]] },
        "Input Error - options: {'language': ['Longer than maximum length 20.']}",
      ],
      [{ name: 'myname' }, "Resource Error - IAXEndpoint already exists ('name': 'myname')"],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', '/endpoints/iax', 'admin', body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(res.json(), [message], JSON.stringify(body));
    }
    const shapes = [123, null, {}, 'string', [null], ['string', 'string'], [[]], [['missing_value']]];
    for (const options of [
      ...shapes,
      [['too', 'much', 'value']],
      [['wrong_value', 1234]],
      [['none', null]],
    ]) {
      const res = await call('POST', '/endpoints/iax', 'admin', { options });
      assert.equal(res.statusCode, 400, JSON.stringify(options));
      assert.match(res.json()[0], /^Input Error - options/, JSON.stringify(options));
    }
    for (const type of [123, true, null, [], {}]) {
      assert.equal((await call('POST', '/endpoints/iax', 'admin', { type })).statusCode, 400);
    }
    assert.equal((await call('POST', '/endpoints/iax', 'admin')).statusCode, 400, 'no body');
    assert.equal(await rowCount(database, 'endpoint_iax'), before);
  });

  it('when edited, then given fields change, others stay, options are replaced, and iax_endpoint_edited', async () => {
    const created = (
      await call('POST', '/endpoints/iax', 'admin', {
        host: 'static',
        options: [
          ['allow', 'gsm'],
          ['foo', 'bar'],
          ['foo', 'baz'],
        ],
      })
    ).json();
    const from = await lastOutboxId(database);
    const res = await call('PUT', `/endpoints/iax/${created.id}`, 'admin', { name: 'testhost' });
    assert.equal(res.statusCode, 204, res.body);
    let read = (await call('GET', `/endpoints/iax/${created.id}`, 'admin')).json();
    assert.deepEqual([read.name, read.host, read.type], ['testhost', 'static', 'friend']);
    assert.deepEqual(read.options, created.options, 'options kept when not given');
    const options = [
      ['allow', 'g723'],
      ['foo', 'newbar'],
      ['insecure', 'port'],
    ];
    await call('PUT', `/endpoints/iax/${created.id}`, 'admin', { options, type: 'user' });
    read = (await call('GET', `/endpoints/iax/${created.id}`, 'admin')).json();
    // Column options in column order (allow after the defaults before it), then the others.
    assert.deepEqual(read.options, [
      ...DEFAULT_OPTIONS.slice(0, 8),
      ['allow', 'g723'],
      ...DEFAULT_OPTIONS.slice(8),
      ['foo', 'newbar'],
      ['insecure', 'port'],
    ]);
    assert.equal(read.type, 'user');
    const sent = await sentSince(database, from);
    assert.deepEqual(
      sent.map((e) => [e.name, e.routing_key, e.data]),
      [
        [
          'iax_endpoint_edited',
          'config.iax_endpoint.edited',
          { id: created.id, tenant_uuid: tenant, name: 'testhost', trunk: null },
        ],
        [
          'iax_endpoint_edited',
          'config.iax_endpoint.edited',
          { id: created.id, tenant_uuid: tenant, name: 'testhost', trunk: null },
        ],
      ],
    );
    const taken = await call('PUT', `/endpoints/iax/${created.id}`, 'admin', { name: 'myname' });
    assert.deepEqual(taken.json(), ["Resource Error - IAXEndpoint already exists ('name': 'myname')"]);
    const same = await call('PUT', `/endpoints/iax/${created.id}`, 'admin', { name: 'testhost' });
    assert.equal(same.statusCode, 204, 'its own name is free');
    const bad = await call('PUT', `/endpoints/iax/${created.id}`, 'admin', { name: null });
    assert.equal(bad.statusCode, 400);
  });

  it('when another tenant reads, edits or deletes one, then 404 and nothing changes; a parent tenant reaches a child one', async () => {
    const from = await lastOutboxId(database);
    for (const [method, body] of [['GET'], ['PUT', { name: 'x' }], ['DELETE']] as const) {
      const res = await call(method, `/endpoints/iax/${minimal.id}`, 'other', body);
      assert.equal(res.statusCode, 404, method);
      assert.deepEqual(res.json(), [`Resource Not Found - IAXEndpoint was not found ('id': ${minimal.id})`]);
    }
    assert.equal((await call('GET', '/endpoints/iax/abc', 'admin')).statusCode, 404);
    assert.deepEqual(await sentSince(database, from), []);
    const sub = (await call('POST', '/endpoints/iax', 'admin', { name: 'sub' }, child)).json();
    assert.equal(sub.tenant_uuid, child);
    assert.equal((await call('GET', `/endpoints/iax/${sub.id}`, 'admin')).statusCode, 200);
    assert.equal(
      (await call('GET', `/endpoints/iax/${minimal.id}`, 'admin', undefined, child)).statusCode,
      404,
    );
    const taken = await call('POST', '/endpoints/iax', 'other', { name: 'sub' });
    assert.deepEqual(taken.json(), ["Resource Error - IAXEndpoint already exists ('name': 'sub')"]);
  });

  it('when listed, then the tenant (sub-tenants on recurse), searched, filtered and sorted by name', async () => {
    await call('POST', '/endpoints/iax', 'admin', { name: 'search', type: 'friend', host: 'search' });
    await call('POST', '/endpoints/iax', 'admin', { name: 'hidden', type: 'peer', host: 'hidden' });
    const own = (await call('GET', '/endpoints/iax', 'reader')).json();
    assert.ok(own.items.every((e: { tenant_uuid: string }) => e.tenant_uuid === tenant));
    const names = own.items.map((e: { name: string }) => e.name);
    assert.deepEqual(names, [...names].sort());
    const all = (await call('GET', '/endpoints/iax?recurse=true', 'reader')).json();
    assert.equal(all.total, own.total + 1);
    for (const query of ['search=search', 'name=search', 'host=search']) {
      const found = (await call('GET', `/endpoints/iax?${query}`, 'reader')).json();
      assert.deepEqual(
        found.items.map((e: { name: string }) => e.name),
        ['search'],
        query,
      );
    }
    const peers = (await call('GET', '/endpoints/iax?type=peer', 'reader')).json();
    assert.deepEqual(
      peers.items.map((e: { name: string }) => e.name),
      ['hidden', 'myname'],
    );
    const page = (
      await call('GET', '/endpoints/iax?order=name&direction=desc&limit=1&offset=1', 'reader')
    ).json();
    assert.deepEqual([page.total, page.items.length, page.items[0].name], [own.total, 1, names.at(-2)]);
    const bad = await call('GET', '/endpoints/iax?order=id', 'reader');
    assert.deepEqual(bad.json(), ["Input Error - order: column 'id' was not found"]);
  });

  it('when deleted, then 204, iax_endpoint_deleted, and a second delete is a 404', async () => {
    const from = await lastOutboxId(database);
    const res = await call('DELETE', `/endpoints/iax/${minimal.id}`, 'admin');
    assert.equal(res.statusCode, 204);
    const sent = await sentSince(database, from);
    assert.deepEqual(
      sent.map((e) => [e.name, e.routing_key, e.data]),
      [
        [
          'iax_endpoint_deleted',
          'config.iax_endpoint.deleted',
          { id: minimal.id, tenant_uuid: tenant, name: minimal.name, trunk: null },
        ],
      ],
    );
    assert.equal((await call('DELETE', `/endpoints/iax/${minimal.id}`, 'admin')).statusCode, 404);
  });
});
