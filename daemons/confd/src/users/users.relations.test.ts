/**
 * `GET /users/{id}` on a real PostgreSQL with a user that has a line and an extension, built
 * through the Service API: the answer carries what @wazo/sdk's Profile.parse reads (uuid, lines
 * with extensions and endpoint, forwards, services, groups, schedules), and stays tenant scoped.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from './users.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
const tenant1 = randomUUID();
const tenant2 = randomUUID();

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_user_relations' });
  api = await buildTestApi(database, [usersPlugin]);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

const get = (url: string, token: string) =>
  api.app.inject({ method: 'GET', url: `/1.1${url}`, headers: { 'x-auth-token': token } });

describe('GET /users/{id} with relations', () => {
  let user: { id: number; uuid: string };
  let line: { id: number; name: string | null };
  let contextName: string;

  it('when a user has a line with an extension, then the service api builds it', async () => {
    const { tenants, contexts, users, lines, extensions, lineExtensions, userLines } = api.resources.services;
    await tenants.ensure(tenant1);
    const scope = scopeOf(tenant1);
    const context = await contexts.create(scope, tenant1, {
      label: 'Internal',
      type: 'internal',
      user_ranges: [{ start: '1000', end: '1999' }],
    });
    contextName = context.name;
    user = await users.create(scope, tenant1, { firstname: 'Alice' });
    line = await lines.create(scope, { context: context.name, endpoint_sip: {} });
    const extension = await extensions.create(scope, { exten: '1001', context: context.name });
    await lineExtensions.associate(scope, line.id, extension.id);
    await userLines.associate(scope, user.uuid, line.id);
  });

  it('when read by id or uuid, then what the SDK profile parses is there', async () => {
    for (const key of [user.id, user.uuid]) {
      const res = await get(`/users/${key}`, 'admin1');
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.uuid, user.uuid);
      assert.equal(body.lines.length, 1);
      const [own] = body.lines;
      assert.deepEqual([own.id, own.name], [line.id, line.name]);
      assert.equal(own.endpoint_sip.name, line.name);
      assert.equal(own.endpoint_sccp, null);
      assert.equal(own.endpoint_custom, null);
      assert.deepEqual(
        own.extensions.map((e: { exten: string; context: string }) => [e.exten, e.context]),
        [['1001', contextName]],
      );
      for (const name of ['unconditional', 'noanswer', 'busy'])
        assert.deepEqual(body.forwards[name], { enabled: false, destination: null }, name);
      assert.deepEqual(body.services, { dnd: { enabled: false }, incallfilter: { enabled: false } });
      assert.deepEqual([body.groups, body.schedules], [[], []]);
    }
  });

  it('when a user without lines is read, then its lines are empty', async () => {
    const bare = await api.resources.services.users.create(scopeOf(tenant1), tenant1, { firstname: 'Bob' });
    assert.deepEqual((await get(`/users/${bare.uuid}`, 'admin1')).json().lines, []);
  });

  it('when another tenant reads it, then 404', async () => {
    const res = await get(`/users/${user.uuid}`, 'admin2');
    assert.equal(res.statusCode, 404);
    assert.deepEqual(res.json(), [`Resource Not Found - User was not found ('uuid': '${user.uuid}')`]);
  });
});
