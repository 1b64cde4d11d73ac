/**
 * wazo-confd's test_call_permissions / test_user_call_permission / test_group_call_permission
 * checklist on a real PostgreSQL: minimal body and defaults, every field, Wazo's field errors
 * changing nothing, a name unique per tenant, search and sort, 404s across tenants, the events'
 * envelope, the links on both sides (the user's and group's `call_permissions`), and the links
 * going with whichever side is deleted.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { groupsPlugin } from '../groups/index.js';
import { caller, outboxNames, rowCount } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/index.js';
import { groupCallPermissionsPlugin, userCallPermissionsPlugin } from './call-permission-links.routes.js';
import { callPermissionsPlugin } from './call-permissions.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const tenant2 = randomUUID();

const lastEvent = async () => {
  const { rows } = await database.pool.query(
    'SELECT name, routing_key, headers, body FROM bus_outbox ORDER BY id DESC LIMIT 1',
  );
  const row = rows[0];
  return (
    row && {
      name: row.name,
      routingKey: row.routing_key,
      headers: row.headers,
      data: JSON.parse(row.body.toString()).data,
    }
  );
};
const events = () => outboxNames(database);

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_call_permissions' });
  api = await buildTestApi(database, [
    usersPlugin,
    groupsPlugin,
    callPermissionsPlugin,
    userCallPermissionsPlugin,
    groupCallPermissionsPlugin,
  ]);
  call = caller(api);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({
    token: 'reader',
    acl: ['confd.callpermissions.read'],
    metadata: { tenant_uuid: tenant1 },
  });
  for (const tenant of [tenant1, tenant2]) await api.resources.services.tenants.ensure(tenant);
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

const create = async (body: object, token = 'admin1') => {
  const res = await call('POST', '/callpermissions', token, body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};

describe('call permissions', () => {
  it('when created with a name only, then Wazo defaults, a Location and call_permission_created', async () => {
    const res = await call('POST', '/callpermissions', 'admin1', { name: 'minimal' });
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.deepEqual(created, {
      id: created.id,
      tenant_uuid: tenant1,
      name: 'minimal',
      password: null,
      mode: 'deny',
      extensions: [],
      enabled: true,
      description: null,
      users: [],
      groups: [],
      outcalls: [],
    });
    assert.match(String(res.headers.location), new RegExp(`/1\\.1/callpermissions/${created.id}$`));
    assert.deepEqual(await lastEvent(), {
      name: 'call_permission_created',
      routingKey: 'config.callpermission.created',
      headers: {
        name: 'call_permission_created',
        tenant_uuid: tenant1,
        'user_uuid:*': true,
        ...pick(await lastHeaders(), ['origin_uuid', 'timestamp']),
        required_access: 'event.call_permission_created',
        required_acl: 'events.config.callpermission.created',
      },
      data: { id: created.id },
    });
  });

  it('when created with every field, then each is kept and repeated extensions once', async () => {
    const body = {
      name: 'full',
      password: '12#*',
      mode: 'allow',
      extensions: ['_00X.', '911', '_+33XXXXXXXXX', '911'],
      enabled: false,
      description: 'abroad',
    };
    const created = await create(body);
    assert.deepEqual(
      { ...created, id: undefined },
      {
        ...body,
        id: undefined,
        extensions: ['_00X.', '911', '_+33XXXXXXXXX'],
        tenant_uuid: tenant1,
        users: [],
        groups: [],
        outcalls: [],
      },
    );
    assert.deepEqual((await call('GET', `/callpermissions/${created.id}`, 'admin1')).json(), created);
  });

  it('when a field is wrong, then Wazo words it and nothing is written', async () => {
    const before = await rowCount(database, 'call_permissions');
    const cases: [object, string][] = [
      [{}, "Input Error - name: ['Missing data for required field.']"],
      [{ name: '' }, "Input Error - name: ['Length must be between 1 and 128.']"],
      [{ name: 'x'.repeat(129) }, "Input Error - name: ['Length must be between 1 and 128.']"],
      [{ name: 'p', password: 'abc' }, "Input Error - password: ['String does not match expected pattern.']"],
      [{ name: 'p', mode: 'maybe' }, "Input Error - mode: ['Must be one of: allow, deny.']"],
      [{ name: 'p', enabled: 'yes' }, "Input Error - enabled: ['Not a valid boolean.']"],
      [{ name: 'p', extensions: 'all' }, "Input Error - extensions: ['Not a valid list.']"],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', '/callpermissions', 'admin1', body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(res.json(), [message], JSON.stringify(body));
    }
    const res = await call('POST', '/callpermissions', 'admin1', { name: 'p', extensions: ['1234', 'abc'] });
    assert.equal(res.statusCode, 400);
    assert.match(res.json()[0], /^Input Error - extensions: .*String does not match expected pattern/);
    assert.equal(await rowCount(database, 'call_permissions'), before);
  });

  it('when a name is taken in the tenant, then it already exists; another tenant may use it', async () => {
    await create({ name: 'taken' });
    const res = await call('POST', '/callpermissions', 'admin1', { name: 'taken' });
    assert.deepEqual(res.json(), ["Resource Error - CallPermission already exists ('name': 'taken')"]);
    const other = await create({ name: 'taken' }, 'admin2');
    assert.equal(other.tenant_uuid, tenant2);
    const renamed = await create({ name: 'renamed' });
    const clash = await call('PUT', `/callpermissions/${renamed.id}`, 'admin1', { name: 'taken' });
    assert.deepEqual(clash.json(), ["Resource Error - CallPermission already exists ('name': 'taken')"]);
    assert.equal(
      (await call('PUT', `/callpermissions/${renamed.id}`, 'admin1', { name: 'renamed' })).statusCode,
      204,
    );
  });

  it('when edited with some fields, then only those change and call_permission_edited is sent', async () => {
    const created = await create({ name: 'edit me', password: '1', extensions: ['1000'], mode: 'allow' });
    const res = await call('PUT', `/callpermissions/${created.id}`, 'admin1', {
      password: null,
      enabled: false,
    });
    assert.equal(res.statusCode, 204, res.body);
    const read = (await call('GET', `/callpermissions/${created.id}`, 'admin1')).json();
    assert.deepEqual(read, { ...created, password: null, enabled: false });
    const event = await lastEvent();
    assert.deepEqual(
      [event.name, event.routingKey, event.data],
      ['call_permission_edited', 'config.callpermission.edited', { id: created.id }],
    );
  });

  it('when listed, then the tenant only, searched and sorted by name', async () => {
    await create({ name: 'Zulu search', description: 'findme' });
    await create({ name: 'alpha search', description: 'findme' });
    const list = (await call('GET', '/callpermissions?search=findme', 'admin1')).json();
    assert.deepEqual(
      list.items.map((p: { name: string }) => p.name),
      ['alpha search', 'Zulu search'],
    );
    assert.equal(list.total, 2);
    const desc = (await call('GET', '/callpermissions?search=findme&direction=desc', 'admin1')).json();
    assert.deepEqual(
      desc.items.map((p: { name: string }) => p.name),
      ['Zulu search', 'alpha search'],
    );
    const byMode = (await call('GET', '/callpermissions?mode=allow', 'admin1')).json();
    assert.ok(byMode.items.every((p: { mode: string }) => p.mode === 'allow'));
    const other = (await call('GET', '/callpermissions', 'admin2')).json();
    assert.ok(other.items.every((p: { tenant_uuid: string }) => p.tenant_uuid === tenant2));
    const badOrder = await call('GET', '/callpermissions?order=password', 'admin1');
    assert.deepEqual(badOrder.json(), ["Input Error - order: column 'password' was not found"]);
  });

  it('when another tenant reads, edits or deletes one, then 404 and nothing changes', async () => {
    const created = await create({ name: 'private' });
    const message = [`Resource Not Found - CallPermission was not found ('id': ${created.id})`];
    const before = await events();
    assert.deepEqual((await call('GET', `/callpermissions/${created.id}`, 'admin2')).json(), message);
    assert.deepEqual(
      (await call('PUT', `/callpermissions/${created.id}`, 'admin2', { name: 'x' })).json(),
      message,
    );
    assert.deepEqual((await call('DELETE', `/callpermissions/${created.id}`, 'admin2')).json(), message);
    assert.equal((await call('GET', '/callpermissions/abc', 'admin1')).statusCode, 404);
    assert.deepEqual(await events(), before);
    assert.equal((await call('GET', `/callpermissions/${created.id}`, 'admin1')).json().name, 'private');
  });

  it('when the token lacks the ACL, then 401', async () => {
    assert.equal((await call('GET', '/callpermissions', 'reader')).statusCode, 200);
    assert.equal((await call('POST', '/callpermissions', 'reader', { name: 'no' })).statusCode, 401);
  });
});

describe('user and group call permissions', () => {
  const scope = scopeOf(tenant1);
  const setup = async (name: string) => {
    const { services } = api.resources;
    const user = await services.users.create(scope, tenant1, { firstname: 'Ann', lastname: name });
    const group = await services.groups.create(scope, tenant1, { label: name });
    const permission = await create({ name });
    return { user, group, permission };
  };

  it('when associated by id then by uuid, then one event each and both sides show the link', async () => {
    const { user, group, permission } = await setup('linked');
    const before = (await events()).length;
    for (const key of [user.id, user.uuid])
      assert.equal(
        (await call('PUT', `/users/${key}/callpermissions/${permission.id}`, 'admin1')).statusCode,
        204,
      );
    const userEvent = await lastEvent();
    for (const key of [group.uuid, group.id])
      assert.equal(
        (await call('PUT', `/groups/${key}/callpermissions/${permission.id}`, 'admin1')).statusCode,
        204,
      );
    const groupEvent = await lastEvent();
    assert.deepEqual((await events()).slice(before), [
      'user_call_permission_associated',
      'group_call_permission_associated',
    ]);
    assert.equal(userEvent.routingKey, `config.users.${user.uuid}.callpermissions.updated`);
    assert.deepEqual(userEvent.data, { user_uuid: user.uuid, call_permission_id: permission.id });
    assert.equal(userEvent.headers[`user_uuid:${user.uuid}`], true);
    assert.equal(groupEvent.routingKey, `config.groups.${group.uuid}.callpermissions.updated`);
    assert.deepEqual(groupEvent.data, {
      group_id: group.id,
      group_uuid: group.uuid,
      call_permission_id: permission.id,
    });
    const read = (await call('GET', `/callpermissions/${permission.id}`, 'admin1')).json();
    assert.deepEqual(read.users, [{ uuid: user.uuid, firstname: 'Ann', lastname: 'linked' }]);
    assert.deepEqual(read.groups, [{ uuid: group.uuid, id: group.id, name: group.name }]);
    const summary = [{ id: permission.id, name: 'linked' }];
    assert.deepEqual((await call('GET', `/users/${user.uuid}`, 'admin1')).json().call_permissions, summary);
    assert.deepEqual((await call('GET', `/groups/${group.uuid}`, 'admin1')).json().call_permissions, summary);
  });

  it('when dissociated twice, then 204s and one event each', async () => {
    const { user, group, permission } = await setup('unlinked');
    await call('PUT', `/users/${user.id}/callpermissions/${permission.id}`, 'admin1');
    await call('PUT', `/groups/${group.id}/callpermissions/${permission.id}`, 'admin1');
    const before = (await events()).length;
    for (let i = 0; i < 2; i += 1) {
      assert.equal(
        (await call('DELETE', `/users/${user.uuid}/callpermissions/${permission.id}`, 'admin1')).statusCode,
        204,
      );
      assert.equal(
        (await call('DELETE', `/groups/${group.uuid}/callpermissions/${permission.id}`, 'admin1')).statusCode,
        204,
      );
    }
    assert.deepEqual((await events()).slice(before), [
      'user_call_permission_dissociated',
      'group_call_permission_dissociated',
    ]);
    assert.deepEqual((await call('GET', `/users/${user.uuid}`, 'admin1')).json().call_permissions, []);
  });

  it('when a side is unknown or of another tenant, then 404 and nothing changes', async () => {
    const { user, group, permission } = await setup('foreign');
    const foreign = await create({ name: 'foreign' }, 'admin2');
    const before = await events();
    assert.deepEqual(
      (await call('PUT', `/users/${user.id}/callpermissions/${foreign.id}`, 'admin1')).json(),
      [`Resource Not Found - CallPermission was not found ('id': ${foreign.id})`],
    );
    assert.deepEqual(
      (await call('PUT', `/users/${user.id}/callpermissions/${permission.id}`, 'admin2')).json(),
      [`Resource Not Found - User was not found ('id': ${user.id})`],
    );
    assert.deepEqual(
      (await call('PUT', `/groups/${group.uuid}/callpermissions/${permission.id}`, 'admin2')).json(),
      [`Resource Not Found - Group was not found ('uuid': '${group.uuid}')`],
    );
    assert.equal((await call('PUT', `/users/${user.id}/callpermissions/abc`, 'admin1')).statusCode, 404);
    assert.deepEqual(await events(), before);
  });

  it('when the call permission, the user or the group is deleted, then its links go with it', async () => {
    const { user, group, permission } = await setup('cleanup');
    const other = await create({ name: 'cleanup 2' });
    for (const id of [permission.id, other.id]) {
      await call('PUT', `/users/${user.id}/callpermissions/${id}`, 'admin1');
      await call('PUT', `/groups/${group.id}/callpermissions/${id}`, 'admin1');
    }
    assert.equal((await call('DELETE', `/callpermissions/${permission.id}`, 'admin1')).statusCode, 204);
    const event = await lastEvent();
    assert.deepEqual([event.name, event.data], ['call_permission_deleted', { id: permission.id }]);
    assert.deepEqual((await call('GET', `/users/${user.id}`, 'admin1')).json().call_permissions, [
      { id: other.id, name: 'cleanup 2' },
    ]);
    assert.equal((await call('DELETE', `/users/${user.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('DELETE', `/groups/${group.id}`, 'admin1')).statusCode, 204);
    const read = (await call('GET', `/callpermissions/${other.id}`, 'admin1')).json();
    assert.deepEqual([read.users, read.groups], [[], []]);
  });
});

async function lastHeaders(): Promise<Record<string, unknown>> {
  return (await lastEvent()).headers;
}

function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, source[key]]));
}
