/**
 * `GET /users` views and list filters on a real PostgreSQL: `view=summary|directory` flatten each
 * user with its main line as Wazo's schemas do, `uuid=a,b` takes a comma list, and a POST with
 * lines but no `auth` never calls wazo-auth; `PUT ?recursive=true` edits fields only.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { caller } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from './users.plugin.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant = randomUUID();
let context: string;
let withLine: { id: number; uuid: string; lines: { id: number; provisioning_code: string }[] };
let bare: { id: number; uuid: string };

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_user_views' });
  api = await buildTestApi(database, [usersPlugin]);
  call = caller(api);
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: tenant } });
  const { tenants, contexts } = api.resources.services;
  await tenants.ensure(tenant);
  const range = { user_ranges: [{ start: '1000', end: '1999' }] };
  context = (await contexts.create(scopeOf(tenant), tenant, { label: 'Internal', ...range })).name;
  const line = {
    context,
    endpoint_sip: { endpoint_section_options: [['webrtc', 'yes']] },
    extensions: [{ exten: '1042', context }],
  };
  const res = await call('POST', '/users', 'admin', {
    firstname: 'Alice',
    lastname: 'A',
    email: 'alice@example.com',
    lines: [line],
  });
  assert.equal(res.statusCode, 201, res.body);
  withLine = res.json();
  bare = (await call('POST', '/users', 'admin', { firstname: 'Bob', lastname: 'B', userfield: 'x' })).json();
  await call('POST', '/users', 'admin', { firstname: 'Carol', lastname: 'C' });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

describe('users list views and filters', () => {
  it('when view=summary, then Wazo summary fields with the main line', async () => {
    const res = await call('GET', `/users?view=summary&uuid=${withLine.uuid},${bare.uuid}`, 'admin');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().total, 2);
    assert.deepEqual(res.json().items, [
      {
        id: withLine.id,
        uuid: withLine.uuid,
        firstname: 'Alice',
        lastname: 'A',
        email: 'alice@example.com',
        extension: '1042',
        context,
        provisioning_code: withLine.lines[0]?.provisioning_code,
        protocol: 'sip',
        enabled: true,
        subscription_type: 0,
        is_webrtc: true,
      },
      {
        id: bare.id,
        uuid: bare.uuid,
        firstname: 'Bob',
        lastname: 'B',
        email: null,
        extension: null,
        context: null,
        provisioning_code: null,
        protocol: null,
        enabled: true,
        subscription_type: 0,
        is_webrtc: false,
      },
    ]);
  });

  it('when view=directory, then Wazo directory fields', async () => {
    const res = await call('GET', `/users?view=directory&uuid=${withLine.uuid}`, 'admin');
    assert.deepEqual(res.json().items, [
      {
        id: withLine.id,
        uuid: withLine.uuid,
        line_id: withLine.lines[0]?.id,
        agent_id: null,
        firstname: 'Alice',
        lastname: 'A',
        email: 'alice@example.com',
        exten: '1042',
        mobile_phone_number: null,
        voicemail_number: null,
        userfield: null,
        description: null,
        context,
      },
    ]);
  });

  it('when uuid lists several users, then exactly those; an unknown view gives full users', async () => {
    const res = await call('GET', `/users?uuid=${bare.uuid},${withLine.uuid}&view=other`, 'admin');
    assert.equal(res.json().total, 2);
    const uuids = res.json().items.map((u: { uuid: string }) => u.uuid);
    assert.deepEqual(uuids.sort(), [bare.uuid, withLine.uuid].sort());
    assert.ok('caller_id' in res.json().items[0]);
  });

  it('when PUT has recursive=true, then the fields change and the lines stay (documented difference)', async () => {
    const res = await call('PUT', `/users/${withLine.uuid}?recursive=true`, 'admin', { firstname: 'Alicia' });
    assert.equal(res.statusCode, 204, res.body);
    const after = (await call('GET', `/users/${withLine.uuid}`, 'admin')).json();
    assert.equal(after.firstname, 'Alicia');
    assert.deepEqual(
      after.lines.map((l: { id: number }) => l.id),
      [withLine.lines[0]?.id],
    );
  });
});
