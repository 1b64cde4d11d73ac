/**
 * The groups and group-members routes on a real PostgreSQL: CRUD by id and uuid, Location by
 * uuid, list params, 404 across tenants, bad input changing nothing, members replaced with their
 * priorities, and events in the outbox only with a commit.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { caller, outboxNames, rowCount } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { groupMemberUsersPlugin } from './group-members.routes.js';
import { groupsPlugin } from './groups.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();
const events = () => outboxNames(database);

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_groups' });
  api = await buildTestApi(database, [groupsPlugin, groupMemberUsersPlugin]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'reader', acl: ['confd.groups.read'], metadata: { tenant_uuid: tenant1 } });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

/** A user of tenant1, with a line when asked (group members need one). */
async function userOf(firstname: string, withLine: boolean): Promise<string> {
  const { services } = api.resources;
  const scope = scopeOf(tenant1);
  await services.tenants.ensure(tenant1);
  const user = await services.users.create(scope, tenant1, { firstname });
  if (withLine) {
    const context = await services.contexts.create(scope, tenant1, { label: `ctx ${firstname}` });
    const line = await services.lines.create(scope, {
      context: context.name,
      endpoint_custom: { interface: `custom/${firstname}` },
    });
    await services.userLines.associate(scope, user.uuid, line.id);
  }
  return user.uuid;
}

describe('groups routes', () => {
  let sales: { id: number; uuid: string };

  it('when a group is created, then 201, Location by uuid, defaults and group_created', async () => {
    const res = await call('POST', '/groups', 'admin1', { label: 'sales' });
    assert.equal(res.statusCode, 201, res.body);
    sales = res.json();
    assert.equal(res.headers.location, `http://localhost:80/1.1/groups/${sales.uuid}`);
    assert.equal(res.json().tenant_uuid, tenant1);
    assert.equal(res.json().ring_strategy, 'all');
    assert.match(res.json().name, new RegExp(`^grp-.*-${sales.uuid}$`));
    assert.deepEqual(await events(), ['group_created']);
  });

  it('when read by id or uuid, then the same group', async () => {
    for (const key of [sales.id, sales.uuid]) {
      const res = await call('GET', `/groups/${key}`, 'admin1');
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().uuid, sales.uuid);
    }
  });

  it('when another tenant reads, edits or deletes it, then 404 and nothing changes', async () => {
    const before = await events();
    for (const [method, body] of [['GET'], ['PUT', { label: 'x' }], ['DELETE']] as const) {
      const res = await call(method, `/groups/${sales.uuid}`, 'admin2', body);
      assert.equal(res.statusCode, 404, method);
      assert.deepEqual(res.json(), [`Resource Not Found - Group was not found ('uuid': '${sales.uuid}')`]);
      const byId = await call(method, `/groups/${sales.id}`, 'admin2', body);
      assert.deepEqual(byId.json(), [`Resource Not Found - Group was not found ('id': ${sales.id})`]);
    }
    assert.equal((await call('GET', `/groups/${sales.id}`, 'admin1')).json().label, 'sales');
    assert.deepEqual(await events(), before);
  });

  it('when listed, then only the tenant, sub-tenants on recurse, with list params', async () => {
    await call('POST', '/groups', 'admin1', { label: 'accounting' }, child1);
    await call('POST', '/groups', 'admin2', { label: 'other' });
    const own = (await call('GET', '/groups', 'reader')).json();
    assert.deepEqual(own, { total: 1, items: [own.items[0]] });
    assert.equal(own.items[0].label, 'sales');
    const all = (await call('GET', '/groups?recurse=true&order=label&direction=desc', 'reader')).json();
    assert.deepEqual(
      all.items.map((g: { label: string }) => g.label),
      ['sales', 'accounting'],
    );
    const page = (await call('GET', '/groups?recurse=true&order=label&limit=1&offset=1', 'reader')).json();
    assert.deepEqual([page.total, page.items[0].label], [2, 'sales']);
    const found = (await call('GET', '/groups?recurse=true&search=count', 'reader')).json();
    assert.deepEqual([found.total, found.items[0].label], [1, 'accounting']);
    const bad = await call('GET', '/groups?direction=up', 'reader');
    assert.deepEqual(
      [bad.statusCode, bad.json()],
      [400, ["Input Error - direction: must be 'asc' or 'desc'"]],
    );
  });

  it('when the body is bad, then confd strings and nothing is written', async () => {
    const groups = await rowCount(database, 'groups');
    const before = await events();
    const missing = await call('POST', '/groups', 'admin1', { timeout: 5 });
    assert.equal(missing.statusCode, 400);
    const wrong = await call('PUT', `/groups/${sales.id}`, 'admin1', { ring_strategy: 'nope' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.json()[0], /^Input Error - ring_strategy: /);
    assert.equal(await rowCount(database, 'groups'), groups);
    assert.equal((await call('GET', `/groups/${sales.id}`, 'admin1')).json().ring_strategy, 'all');
    assert.deepEqual(await events(), before);
  });

  it('when members are replaced, then 204, priorities kept and the event; errors change nothing', async () => {
    const [u1, u2, lineless] = [
      await userOf('Ann', true),
      await userOf('Ben', true),
      await userOf('Cy', false),
    ];
    const url = `/groups/${sales.uuid}/members/users`;
    const before = await events();
    const unknown = randomUUID();
    const bad = await call('PUT', url, 'admin1', { users: [{ uuid: u1 }, { uuid: unknown }] });
    assert.deepEqual(bad.json(), [`Input Error - field 'users': User was not found ('uuid': '${unknown}')`]);
    const noLine = await call('PUT', url, 'admin1', { users: [{ uuid: lineless }] });
    assert.equal(noLine.statusCode, 400);
    assert.match(noLine.json()[0], /User must be associated with a Line/);
    assert.equal((await call('PUT', url, 'admin2', { users: [] })).statusCode, 404);
    assert.deepEqual(await events(), before);
    const res = await call('PUT', url, 'admin1', { users: [{ uuid: u1, priority: 3 }, { uuid: u2 }] });
    assert.equal(res.statusCode, 204, res.body);
    const members = await api.resources.services.groupMembers.listUsers(scopeOf(tenant1), sales.id);
    assert.deepEqual(
      members.map((m) => [m.uuid, m.priority]).sort(),
      [
        [u1, 3],
        [u2, 1],
      ].sort(),
    );
    assert.equal((await events()).at(-1), 'group_member_users_associated');
    assert.equal((await call('PUT', url, 'admin1', { users: [] })).statusCode, 204);
    assert.deepEqual(await api.resources.services.groupMembers.listUsers(scopeOf(tenant1), sales.id), []);
  });

  it('when edited and deleted, then 204s and group_edited then group_deleted', async () => {
    const edit = await call('PUT', `/groups/${sales.uuid}`, 'admin1', { label: 'sales team' });
    assert.equal(edit.statusCode, 204, edit.body);
    assert.equal((await call('GET', `/groups/${sales.id}`, 'admin1')).json().label, 'sales team');
    assert.equal((await call('DELETE', `/groups/${sales.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', `/groups/${sales.uuid}`, 'admin1')).statusCode, 404);
    assert.deepEqual((await events()).slice(-2), ['group_edited', 'group_deleted']);
  });

  it('when the token lacks the ACL, then 401', async () => {
    assert.equal((await call('POST', '/groups', 'reader', { label: 'z' })).statusCode, 401);
    assert.equal(
      (await call('PUT', `/groups/${sales.id}/members/users`, 'reader', { users: [] })).statusCode,
      401,
    );
  });
});
