/**
 * SIP endpoints and templates through the routes on a real PostgreSQL, with the checklist of
 * Wazo's test_endpoint_sip(_templates): defaults, every field, errors, uniqueness across
 * endpoints, templates and transports, 404 across tenants, merged view, events, delete.
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
const main = randomUUID();
const sub = randomUUID();
const other = randomUUID();
const FAKE = '99999999-9999-4999-8999-999999999999';

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_endpoint_sip' });
  api = await buildTestApi(database, [endpointSipPlugin, sipTransportsPlugin], {
    serviceToken: fixedServiceToken('confd', main),
  });
  call = caller(api);
  api.addSubtenant(main, sub);
  api.verifier.add({ token: 'main', acl: ['confd.#'], metadata: { tenant_uuid: main } });
  api.verifier.add({ token: 'sub', acl: ['confd.#'], metadata: { tenant_uuid: sub } });
  api.verifier.add({ token: 'other', acl: ['confd.#'], metadata: { tenant_uuid: other } });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

async function created(path: string, body: object = {}, token = 'main') {
  const res = await call('POST', path, token, body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}
const sections = [
  'aor_section_options',
  'auth_section_options',
  'endpoint_section_options',
  'identify_section_options',
  'registration_section_options',
  'registration_outbound_auth_section_options',
  'outbound_auth_section_options',
];

describe('SIP endpoints routes', () => {
  it('when an endpoint is created without fields, then 201 with Location, a random 8-character name, empty sections and sip_endpoint_created', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/endpoints/sip', 'main', {});
    assert.equal(res.statusCode, 201, res.body);
    const sip = res.json();
    assert.equal(res.headers.location, `http://localhost:80/1.1/endpoints/sip/${sip.uuid}`);
    assert.match(sip.name, /^[a-z0-9]{8}$/);
    for (const section of sections) assert.deepEqual(sip[section], [], section);
    assert.deepEqual(
      [sip.tenant_uuid, sip.label, sip.templates, sip.transport, sip.asterisk_id, sip.trunk, sip.line],
      [main, null, [], null, null, null, null],
    );
    const [event] = await sentSince(database, from);
    assert.equal(event?.name, 'sip_endpoint_created');
    assert.equal(event?.routing_key, 'config.sip_endpoint.created');
    assert.equal(event?.headers.tenant_uuid, main);
    assert.deepEqual(event?.data, {
      uuid: sip.uuid,
      tenant_uuid: main,
      name: sip.name,
      label: null,
      auth_section_options: [],
      registration_section_options: [],
      trunk: null,
      line: null,
    });
  });

  it('when an endpoint is created with every field, then it answers them, templates in order, and the event shows only the username and client URI', async () => {
    const transport = await created('/sip/transports', { name: 'transport-all' });
    const t1 = await created('/endpoints/sip/templates', { label: 'first' });
    const t2 = await created('/endpoints/sip/templates', { label: 'second' });
    const body = {
      name: 'all-fields',
      label: 'label',
      aor_section_options: [
        ['@custom_variable', 'custom'],
        ['max_contacts', '1'],
      ],
      auth_section_options: [
        ['username', 'yiq8yej0'],
        ['password', 'yagq7x0w'],
      ],
      endpoint_section_options: [
        ['@custom_variable', 'custom'],
        ['callerid', '"Firstname Lastname" <100>'],
      ],
      identify_section_options: [
        ['match', '54.172.60.0'],
        ['match', '54.172.60.1'],
      ],
      registration_section_options: [
        ['client_uri', 'sip:peer@proxy.example.com'],
        ['expiration', '120'],
      ],
      registration_outbound_auth_section_options: [['username', 'reg']],
      outbound_auth_section_options: [['password', 'out']],
      transport: { uuid: transport.uuid },
      templates: [{ uuid: t2.uuid }, { uuid: t1.uuid }],
      asterisk_id: 'asterisk_id',
    };
    const from = await lastOutboxId(database);
    const sip = await created('/endpoints/sip', body);
    const { transport: _, templates: __, ...fields } = body;
    for (const [key, value] of Object.entries(fields)) assert.deepEqual(sip[key], value, key);
    assert.deepEqual(sip.transport, { uuid: transport.uuid });
    assert.deepEqual(sip.templates, [
      { uuid: t2.uuid, label: 'second' },
      { uuid: t1.uuid, label: 'first' },
    ]);
    const [event] = await sentSince(database, from);
    assert.deepEqual(event?.data.auth_section_options, [['username', 'yiq8yej0']]);
    assert.deepEqual(event?.data.registration_section_options, [
      ['client_uri', 'sip:peer@proxy.example.com'],
    ]);
    assert.deepEqual((await call('GET', `/endpoints/sip/${sip.uuid}`, 'main')).json(), sip);
  });

  it('when a field is invalid, then 400 with Wazo words and nothing is created', async () => {
    const count = (await call('GET', '/endpoints/sip', 'main')).json().total;
    const refused = async (body: object, pattern: RegExp) => {
      const res = await call('POST', '/endpoints/sip', 'main', body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.match(res.json()[0], pattern, JSON.stringify(body));
    };
    await refused({ name: 42 }, /name/);
    await refused({ name: 'a'.repeat(80) }, /name/);
    await refused({ name: 'global' }, /name/);
    await refused({ name: 'system' }, /name/);
    await refused({ aor_section_options: [['one', 'two', 'three']] }, /aor_section_options/);
    await refused(
      { transport: { uuid: FAKE } },
      new RegExp(`^Input Error - field 'transport': SIPTransport was not found \\('uuid': '${FAKE}'\\)$`),
    );
    await refused(
      { templates: [{ uuid: FAKE }] },
      /^Input Error - field 'templates': endpoint_sip was not found \('templates': \{'uuid': '9/,
    );
    for (const [section, key] of [
      ['aor_section_options', 'auth_type'],
      ['auth_section_options', 'max_contacts'],
      ['auth_section_options', '@custom_variable'],
      ['endpoint_section_options', 'auth_type'],
      ['identify_section_options', 'auth_type'],
      ['registration_section_options', '@custom_variable'],
      ['registration_outbound_auth_section_options', 'max_contacts'],
      ['outbound_auth_section_options', '@custom_variable'],
    ]) {
      await refused(
        { [section as string]: [[key, 'invalid-key']] },
        new RegExp(`^Input Error - '${section}: invalid variable \\(${key}\\)' must be one of`),
      );
    }
    assert.equal((await call('GET', '/endpoints/sip', 'main')).json().total, count);
  });

  it('when a name is taken by an endpoint, a template or a transport, then 400 naming which', async () => {
    await created('/endpoints/sip', { name: 'endpoint-unique' });
    await created('/endpoints/sip/templates', { name: 'template-unique' });
    await created('/sip/transports', { name: 'transport-unique' });
    for (const [name, resource] of [
      ['endpoint-unique', 'SIPEndpoint'],
      ['template-unique', 'SIPEndpointTemplate'],
      ['transport-unique', 'Transport'],
    ]) {
      for (const path of ['/endpoints/sip', '/endpoints/sip/templates']) {
        const res = await call('POST', path, 'other', { name });
        assert.deepEqual(res.json(), [`Resource Error - ${resource} already exists ('name': '${name}')`]);
      }
    }
  });

  it('when read from another tenant, then 404; a parent tenant sees its sub-tenant, and lists recurse only when asked', async () => {
    const mine = await created('/endpoints/sip', { label: 'of-sub' }, 'sub');
    const res = await call('GET', `/endpoints/sip/${mine.uuid}`, 'other');
    assert.deepEqual(res.json(), [`Resource Not Found - SIPEndpoint was not found ('uuid': '${mine.uuid}')`]);
    assert.equal((await call('PUT', `/endpoints/sip/${mine.uuid}`, 'other', { label: 'x' })).statusCode, 404);
    assert.equal((await call('DELETE', `/endpoints/sip/${mine.uuid}`, 'other')).statusCode, 404);
    assert.equal((await call('GET', `/endpoints/sip/${mine.uuid}`, 'main')).json().label, 'of-sub');
    assert.equal((await call('GET', '/endpoints/sip/not-a-uuid', 'main')).statusCode, 404);
    const labels = async (query: string) =>
      (await call('GET', `/endpoints/sip${query}`, 'main'))
        .json()
        .items.map((s: { label: string }) => s.label);
    assert.equal((await labels('')).includes('of-sub'), false);
    assert.equal((await labels('?recurse=true')).includes('of-sub'), true);
    assert.deepEqual(await labels(`?recurse=true&uuid=${mine.uuid},bogus`), ['of-sub']);
    assert.deepEqual(await labels('?recurse=true&uuid=bogus'), []);
    assert.deepEqual(await labels('?recurse=true&search=of-s'), ['of-sub']);
    // A template is not an endpoint.
    const template = await created('/endpoints/sip/templates', {});
    assert.equal((await call('GET', `/endpoints/sip/${template.uuid}`, 'main')).statusCode, 404);
    assert.equal((await call('DELETE', `/endpoints/sip/${template.uuid}`, 'main')).statusCode, 404);
  });

  it('when read with view=merged, then each section holds the templates options, the later template and the endpoint winning', async () => {
    const t1 = await created('/endpoints/sip/templates', {
      aor_section_options: [
        ['max_contacts', '1'],
        ['remove_existing', 'yes'],
      ],
      endpoint_section_options: [['allow', '!all,ulaw']],
    });
    const t2 = await created('/endpoints/sip/templates', {
      aor_section_options: [['max_contacts', '10']],
      endpoint_section_options: [['allow', '!all,opus']],
    });
    const sip = await created('/endpoints/sip', {
      endpoint_section_options: [['allow', '!all,alaw']],
      templates: [{ uuid: t1.uuid }, { uuid: t2.uuid }],
    });
    const merged = (await call('GET', `/endpoints/sip/${sip.uuid}?view=merged`, 'main')).json();
    assert.deepEqual(merged.aor_section_options, [
      ['max_contacts', '10'],
      ['remove_existing', 'yes'],
    ]);
    assert.deepEqual(merged.endpoint_section_options, [['allow', '!all,alaw']]);
    const plain = (await call('GET', `/endpoints/sip/${sip.uuid}`, 'main')).json();
    assert.deepEqual(plain.aor_section_options, []);
    const bad = await call('GET', `/endpoints/sip/${sip.uuid}?view=unknown`, 'main');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Must be one of: merged\./);
  });

  it('when edited, then only the given fields change, sip_endpoint_edited is sent, and a null transport removes it', async () => {
    const transport = await created('/sip/transports', { name: 'transport-edit' });
    const template = await created('/endpoints/sip/templates', { label: 'edit-template' });
    const sip = await created('/endpoints/sip', {
      label: 'before',
      auth_section_options: [['username', 'u1']],
      transport: { uuid: transport.uuid },
    });
    const from = await lastOutboxId(database);
    const res = await call('PUT', `/endpoints/sip/${sip.uuid}`, 'main', {
      name: 'renamed',
      templates: [{ uuid: template.uuid }],
      asterisk_id: 'ast',
    });
    assert.equal(res.statusCode, 204, res.body);
    const edited = (await call('GET', `/endpoints/sip/${sip.uuid}`, 'main')).json();
    assert.deepEqual(
      [
        edited.name,
        edited.label,
        edited.auth_section_options,
        edited.transport,
        edited.templates,
        edited.asterisk_id,
      ],
      [
        'renamed',
        'before',
        [['username', 'u1']],
        { uuid: transport.uuid },
        [{ uuid: template.uuid, label: 'edit-template' }],
        'ast',
      ],
    );
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key]),
      [['sip_endpoint_edited', 'config.sip_endpoint.edited']],
    );
    await call('PUT', `/endpoints/sip/${sip.uuid}`, 'main', { transport: null, templates: [] });
    const cleared = (await call('GET', `/endpoints/sip/${sip.uuid}`, 'main')).json();
    assert.deepEqual([cleared.transport, cleared.templates], [null, []]);
    const same = await call('PUT', `/endpoints/sip/${sip.uuid}`, 'main', { name: 'renamed' });
    assert.equal(same.statusCode, 204, 'keeping its own name is no clash');
  });

  it('when deleted, then 204, sip_endpoint_deleted, and it is gone', async () => {
    const sip = await created('/endpoints/sip', {});
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/endpoints/sip/${sip.uuid}`, 'main')).statusCode, 204);
    const [event] = await sentSince(database, from);
    assert.equal(event?.name, 'sip_endpoint_deleted');
    assert.equal(event?.data.uuid, sip.uuid);
    assert.equal((await call('GET', `/endpoints/sip/${sip.uuid}`, 'main')).statusCode, 404);
  });
});

describe('SIP endpoint templates routes', () => {
  it('when a template is created, edited and deleted, then its events carry an empty body', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/endpoints/sip/templates', 'main', { label: 'tpl' });
    assert.equal(res.statusCode, 201);
    const template = res.json();
    assert.equal(res.headers.location, `http://localhost:80/1.1/endpoints/sip/templates/${template.uuid}`);
    assert.equal('line' in template, false);
    await call('PUT', `/endpoints/sip/templates/${template.uuid}`, 'main', { label: 'tpl2' });
    assert.equal(
      (await call('GET', `/endpoints/sip/templates/${template.uuid}`, 'main')).json().label,
      'tpl2',
    );
    await call('DELETE', `/endpoints/sip/templates/${template.uuid}`, 'main');
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key, e.data]),
      [
        ['sip_endpoint_template_created', 'config.sip_endpoint_template.created', {}],
        ['sip_endpoint_template_edited', 'config.sip_endpoint_template.edited', {}],
        ['sip_endpoint_template_deleted', 'config.sip_endpoint_template.deleted', {}],
      ],
    );
  });

  it('when a template would inherit from itself, directly or through another, then 400', async () => {
    const a = await created('/endpoints/sip/templates', {});
    const b = await created('/endpoints/sip/templates', { templates: [{ uuid: a.uuid }] });
    const self = await call('PUT', `/endpoints/sip/templates/${a.uuid}`, 'main', {
      templates: [{ uuid: a.uuid }],
    });
    assert.deepEqual(self.json(), [
      'Resource Error - Operation not permitted. Cannot use itself as template',
    ]);
    const loop = await call('PUT', `/endpoints/sip/templates/${a.uuid}`, 'main', {
      templates: [{ uuid: b.uuid }],
    });
    assert.deepEqual(loop.json(), [
      `Resource Error - Operation not permitted. SIPEndpointTemplate(${b.uuid}) already include this template`,
    ]);
  });

  it('when a template of another tenant is given, then it is not found; deleting a template unlinks it from its children', async () => {
    const foreign = await created('/endpoints/sip/templates', {}, 'other');
    const res = await call('POST', '/endpoints/sip', 'main', { templates: [{ uuid: foreign.uuid }] });
    assert.equal(res.statusCode, 400);
    const parent = await created('/endpoints/sip/templates', {});
    const child = await created('/endpoints/sip', { templates: [{ uuid: parent.uuid }] });
    assert.equal((await call('DELETE', `/endpoints/sip/templates/${parent.uuid}`, 'main')).statusCode, 204);
    assert.deepEqual((await call('GET', `/endpoints/sip/${child.uuid}`, 'main')).json().templates, []);
  });
});
