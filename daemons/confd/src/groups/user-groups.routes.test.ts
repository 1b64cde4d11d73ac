/**
 * `PUT /users/{id or uuid}/groups` on a real PostgreSQL (wazo-confd's test_user_group): groups by
 * id or uuid, the user event, a user without line refused, duplicates and unknown or foreign
 * groups refused without change, an empty list leaving every group.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { caller, rowCount } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { groupsPlugin } from './groups.routes.js';
import { userGroupsPlugin } from './user-groups.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const tenant2 = randomUUID();
type Ref = { id: number; uuid: string };
let user: Ref;
let lineless: Ref;
let sales: Ref;
let support: Ref;
let foreign: Ref;

const memberships = () => rowCount(database, 'group_member_users');
const groupsOfUser = async () =>
  (await call('GET', `/groups/${sales.id}`, 'admin1')).json().members.users.map((u: Ref) => u.uuid);

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_user_groups' });
  api = await buildTestApi(database, [groupsPlugin, userGroupsPlugin]);
  call = caller(api);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'reader', acl: ['confd.users.read'], metadata: { tenant_uuid: tenant1 } });
  const { services } = api.resources;
  const scope = scopeOf(tenant1);
  for (const tenant of [tenant1, tenant2]) await services.tenants.ensure(tenant);
  user = await services.users.create(scope, tenant1, { firstname: 'Ann' });
  lineless = await services.users.create(scope, tenant1, { firstname: 'Cy' });
  const context = await services.contexts.create(scope, tenant1, { label: 'internal' });
  const line = await services.lines.create(scope, {
    context: context.name,
    endpoint_custom: { interface: 'c/a' },
  });
  await services.userLines.associate(scope, user.uuid, line.id);
  sales = (await call('POST', '/groups', 'admin1', { label: 'sales' })).json();
  support = (await call('POST', '/groups', 'admin1', { label: 'support' })).json();
  foreign = (await call('POST', '/groups', 'admin2', { label: 'foreign' })).json();
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

describe('user groups', () => {
  it('when groups are given by id and uuid, then 204, memberships and user_groups_associated', async () => {
    const body = { groups: [{ id: sales.id }, { uuid: support.uuid }] };
    const res = await call('PUT', `/users/${user.uuid}/groups`, 'admin1', body);
    assert.equal(res.statusCode, 204, res.body);
    assert.deepEqual(await groupsOfUser(), [user.uuid]);
    assert.equal(await memberships(), 2);
    const { rows } = await database.pool.query(
      'SELECT name, routing_key, headers, body FROM bus_outbox ORDER BY id DESC LIMIT 1',
    );
    assert.deepEqual(
      [
        rows[0].name,
        rows[0].routing_key,
        rows[0].headers[`user_uuid:${user.uuid}`],
        rows[0].headers.tenant_uuid,
      ],
      ['user_groups_associated', 'config.users.groups.updated', true, tenant1],
    );
    assert.deepEqual(JSON.parse(rows[0].body.toString()).data, {
      user_uuid: user.uuid,
      group_ids: [sales.id, support.id],
    });
  });

  it('when the list is refused, then Wazo errors and memberships are unchanged', async () => {
    const before = await memberships();
    const events = await rowCount(database, 'bus_outbox');
    const cases: [string, object, number, RegExp][] = [
      [
        `${user.id}`,
        { groups: [{ id: 999999 }] },
        400,
        /^Input Error - field 'groups': Group was not found \('id': 999999\)$/,
      ],
      [
        `${user.id}`,
        { groups: [{ uuid: foreign.uuid }] },
        400,
        /^Input Error - field 'groups': Group was not found/,
      ],
      [
        `${user.id}`,
        { groups: [{ id: sales.id }, { uuid: sales.uuid }] },
        400,
        /Cannot associate same group more than once/,
      ],
      [`${lineless.uuid}`, { groups: [{ id: sales.id }] }, 400, /User must be associated with a Line/],
      [`${user.id}`, { groups: [{}] }, 400, /^Input Error - groups: /],
      [`${user.id}`, {}, 400, /^Input Error - groups: \['Missing data for required field.'\]$/],
      ['999999', { groups: [] }, 404, /^Resource Not Found - User was not found \('id': 999999\)$/],
    ];
    for (const [key, body, status, message] of cases) {
      const res = await call('PUT', `/users/${key}/groups`, 'admin1', body);
      assert.equal(res.statusCode, status, `${JSON.stringify(body)}: ${res.body}`);
      assert.match(res.json()[0], message);
    }
    const foreignCaller = await call('PUT', `/users/${user.uuid}/groups`, 'admin2', { groups: [] });
    assert.equal(foreignCaller.statusCode, 404);
    assert.equal(await memberships(), before);
    assert.equal(await rowCount(database, 'bus_outbox'), events);
  });

  it('when the list is empty, then the user leaves every group (no line needed)', async () => {
    assert.equal((await call('PUT', `/users/${user.id}/groups`, 'admin1', { groups: [] })).statusCode, 204);
    assert.equal(await memberships(), 0);
    assert.equal(
      (await call('PUT', `/users/${lineless.id}/groups`, 'admin1', { groups: [] })).statusCode,
      204,
    );
  });

  it('when the token lacks the ACL, then 401', async () => {
    assert.equal((await call('PUT', `/users/${user.id}/groups`, 'reader', { groups: [] })).statusCode, 401);
  });
});
