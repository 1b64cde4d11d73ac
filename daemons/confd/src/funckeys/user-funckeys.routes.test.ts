/**
 * A user's function keys on a real PostgreSQL (wazo-confd's test_users_func_keys and
 * test_func_keys' association tests): the private template every user has, keys by position and
 * as a whole set, the public template merged under them, the association's refusals, 404 across
 * tenants, the private template's events, and the keys that go when their user or group goes.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { caller, outboxNames, rowCount } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { funcKeyTemplatesPlugin } from './funckey-templates.routes.js';
import { userFuncKeysPlugin } from './user-funckeys.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();
const events = () => outboxNames(database);
type Ref = { id: number; uuid: string };
let ann: Ref;
let bob: Ref;
let childUser: Ref;
let foreigner: Ref;
let template: { id: number };
let childTemplate: { id: number };

const custom = (exten: string) => ({ destination: { type: 'custom', exten } });

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_user_funckeys' });
  api = await buildTestApi(database, [funcKeyTemplatesPlugin, userFuncKeysPlugin]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  const { services } = api.resources;
  for (const tenant of [tenant1, child1, tenant2]) await services.tenants.ensure(tenant);
  ann = await services.users.create(scopeOf(tenant1), tenant1, { firstname: 'Ann' });
  bob = await services.users.create(scopeOf(tenant1), tenant1, { firstname: 'Bob' });
  childUser = await services.users.create(scopeOf(child1), child1, { firstname: 'Kid' });
  foreigner = await services.users.create(scopeOf(tenant2), tenant2, { firstname: 'Eve' });
  template = (
    await call('POST', '/funckeys/templates', 'admin1', {
      name: 'shared',
      keys: { 1: custom('1001'), 2: { destination: { type: 'transfer', transfer: 'blind' } } },
    })
  ).json();
  childTemplate = (await call('POST', '/funckeys/templates', 'admin1', { name: 'kids' }, child1)).json();
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

describe('user function keys', () => {
  let own: number;

  it('when a new user is read, then its private template, empty and unnamed', async () => {
    const res = await call('GET', `/users/${ann.uuid}/funckeys`, 'admin1');
    assert.equal(res.statusCode, 200, res.body);
    own = res.json().id;
    assert.deepEqual(res.json(), { id: own, name: null, keys: {} });
    assert.deepEqual((await call('GET', `/users/${ann.id}/funckeys/templates`, 'admin1')).json(), {
      total: 0,
      items: [],
    });
  });

  it('when a key is set by position, then 204, it reads back not inherited, and its template is edited', async () => {
    const before = (await events()).length;
    const res = await call('PUT', `/users/${ann.id}/funckeys/3`, 'admin1', {
      label: 'Bob',
      destination: { type: 'user', user_id: bob.id },
    });
    assert.equal(res.statusCode, 204, res.body);
    const key = (await call('GET', `/users/${ann.uuid}/funckeys/3`, 'admin1')).json();
    assert.deepEqual(
      [key.inherited, key.blf, key.label, key.destination.user_firstname],
      [false, true, 'Bob', 'Bob'],
    );
    assert.deepEqual((await events()).slice(before), ['func_key_template_edited']);
    const { rows } = await database.pool.query('SELECT body FROM bus_outbox ORDER BY id DESC LIMIT 1');
    assert.equal(JSON.parse(rows[0].body.toString()).data.id, own);
  });

  it("when a key is refused, then Wazo's words and nothing changes", async () => {
    const before = await events();
    const refusals: [string, unknown, string][] = [
      [
        '4',
        { destination: { type: 'bsfilter', filter_member_id: 1 } },
        `Resource Error - User must be associated with a BSFilter ('user_id': ${ann.id})`,
      ],
      [
        '4',
        { destination: { type: 'agent', agent_id: 2, action: 'toggle' } },
        "Input Error - field 'agent_id': Agent was not found ('agent_id': 2)",
      ],
      [
        '4',
        { destination: { type: 'park_position', parking_lot_id: 2, position: 801 } },
        "Input Error - field 'parking_lot_id': ParkingLot was not found ('parking_lot_id': 2)",
      ],
      [
        '4',
        { destination: { type: 'user', user_id: foreigner.id } },
        `Input Error - field 'user_id': User was not found ('user_id': ${foreigner.id})`,
      ],
      [
        '4',
        { destination: { type: 'user', user_id: bob.id } },
        `Resource Error - destination already exists ('user_id': ${bob.id})`,
      ],
      [
        '4',
        { destination: { type: 'forward' } },
        "Input Error - destination: {'forward': ['Missing data for required field.']}",
      ],
      [
        '4',
        { blf: 'yes', destination: { type: 'onlinerec' } },
        "Input Error - blf: ['Not a valid boolean.']",
      ],
      [
        '0',
        { destination: { type: 'onlinerec' } },
        "Input Error - position: ['Must be greater than or equal to 1.']",
      ],
    ];
    for (const [position, body, message] of refusals) {
      const res = await call('PUT', `/users/${ann.id}/funckeys/${position}`, 'admin1', body);
      assert.equal(res.statusCode, 400, message);
      assert.deepEqual(res.json(), [message]);
    }
    assert.deepEqual(Object.keys((await call('GET', `/users/${ann.id}/funckeys`, 'admin1')).json().keys), [
      '3',
    ]);
    assert.deepEqual(await events(), before);
  });

  it("when a template is associated, then its keys show under the user's own, inherited", async () => {
    const res = await call('PUT', `/users/${ann.uuid}/funckeys/templates/${template.id}`, 'admin1');
    assert.equal(res.statusCode, 204, res.body);
    assert.equal(
      (await call('PUT', `/users/${ann.id}/funckeys/templates/${template.id}`, 'admin1')).statusCode,
      204,
    );
    await call('PUT', `/users/${ann.id}/funckeys/1`, 'admin1', custom('2002'));
    const keys = (await call('GET', `/users/${ann.id}/funckeys`, 'admin1')).json();
    assert.deepEqual([keys.id, keys.name], [null, 'shared']);
    assert.deepEqual(
      Object.entries(keys.keys).map(([p, k]) => [p, (k as { inherited: boolean }).inherited]),
      [
        ['1', false],
        ['2', true],
        ['3', false],
      ],
    );
    assert.equal(keys.keys['1'].destination.exten, '2002');
    const inherited = (await call('GET', `/users/${ann.id}/funckeys/2`, 'admin1')).json();
    assert.deepEqual([inherited.inherited, inherited.destination.transfer], [true, 'blind']);
    const missing = await call('GET', `/users/${ann.id}/funckeys/9`, 'admin1');
    assert.deepEqual(missing.json(), [
      "Resource Not Found - FuncKey was not found ('template_id': None, 'position': 9)",
    ]);
    const association = { total: 1, items: [{ user_id: ann.id, template_id: template.id }] };
    assert.deepEqual(
      (await call('GET', `/users/${ann.uuid}/funckeys/templates`, 'admin1')).json(),
      association,
    );
    assert.deepEqual(
      (await call('GET', `/funckeys/templates/${template.id}/users`, 'admin1')).json(),
      association,
    );
    const user = await api.resources.services.users.get(scopeOf(tenant1), ann.id);
    assert.equal(user.func_key_template_id, template.id);
  });

  it("when a user's func_key_template_id names no template, then the user is refused", async () => {
    const edit = api.resources.services.users.edit(scopeOf(tenant1), bob.id, {
      func_key_template_id: 999999,
    });
    await assert.rejects(edit, {
      message: "Input Error - field 'func_key_template_id': FuncKeyTemplate was not found ('id': 999999)",
    });
    const users = api.resources.services.users;
    await users.edit(scopeOf(tenant1), bob.id, { func_key_template_id: template.id });
    assert.equal((await users.get(scopeOf(tenant1), bob.id)).func_key_template_id, template.id);
    await users.edit(scopeOf(tenant1), bob.id, { func_key_template_id: null });
  });

  it("when an association is refused, then Wazo's 404s and refusals", async () => {
    const url = (user: string | number, id: number | string) => `/users/${user}/funckeys/templates/${id}`;
    const cases: [string, string, number, string][] = [
      ['PUT', url(999999, template.id), 404, "Resource Not Found - User was not found ('id': 999999)"],
      ['PUT', url(ann.id, 999999), 404, "Resource Not Found - FuncKeyTemplate was not found ('id': 999999)"],
      [
        'DELETE',
        url(ann.id, 999999),
        404,
        "Resource Not Found - FuncKeyTemplate was not found ('id': 999999)",
      ],
      [
        'PUT',
        url(ann.id, own),
        400,
        `Resource Error - Operation not permitted. Cannot associate a private template with a user ('template_id': ${own})`,
      ],
      [
        'PUT',
        url(ann.id, childTemplate.id),
        400,
        `Resource Error - different tenants ('user_tenant_uuid': '${tenant1}', 'template_tenant_uuid': '${child1}')`,
      ],
    ];
    for (const [method, path, status, message] of cases) {
      const res = await call(method as 'PUT', path, 'admin1');
      assert.deepEqual([res.statusCode, res.json()], [status, [message]], path);
    }
    assert.equal((await call('PUT', url(childUser.id, childTemplate.id), 'admin1')).statusCode, 204);
  });

  it('when another tenant reaches the user, then 404 and nothing changes', async () => {
    const before = await events();
    const urls = [
      ['GET', `/users/${ann.uuid}/funckeys`],
      ['PUT', `/users/${ann.uuid}/funckeys`],
      ['GET', `/users/${ann.uuid}/funckeys/3`],
      ['PUT', `/users/${ann.uuid}/funckeys/3`],
      ['DELETE', `/users/${ann.uuid}/funckeys/3`],
      ['GET', `/users/${ann.uuid}/funckeys/templates`],
    ] as const;
    for (const [method, path] of urls) {
      const body = method === 'PUT' ? custom('9') : undefined;
      const res = await call(method, path, 'admin2', body);
      assert.deepEqual(
        [res.statusCode, res.json()],
        [404, [`Resource Not Found - User was not found ('uuid': '${ann.uuid}')`]],
      );
    }
    const parent = await call('GET', `/users/${childUser.uuid}/funckeys`, 'admin1');
    assert.equal(parent.statusCode, 200);
    assert.deepEqual(await events(), before);
  });

  it("when the whole set is put, then the user's own keys and name are the body's", async () => {
    const res = await call('PUT', `/users/${ann.id}/funckeys`, 'admin1', {
      name: 'mine',
      keys: { 5: custom('5005') },
    });
    assert.equal(res.statusCode, 204, res.body);
    const own = await api.resources.services.funcKeys.get(scopeOf(tenant1), (await privateTemplate()).id);
    assert.deepEqual([own.name, Object.keys(own.keys)], ['mine', ['5']]);
    const bsfilter = await call('PUT', `/users/${ann.id}/funckeys`, 'admin1', {
      keys: { 1: { destination: { type: 'bsfilter', filter_member_id: 3 } } },
    });
    assert.deepEqual(bsfilter.json(), [
      `Resource Error - User must be associated with a BSFilter ('user_id': ${ann.id})`,
    ]);
  });

  it("when a key is removed, then 204; a missing one is the private template's 404", async () => {
    const ownId = (await privateTemplate()).id;
    assert.equal((await call('DELETE', `/users/${ann.id}/funckeys/5`, 'admin1')).statusCode, 204);
    const gone = await call('DELETE', `/users/${ann.id}/funckeys/5`, 'admin1');
    assert.deepEqual(gone.json(), [
      `Resource Not Found - FuncKey was not found ('resource': 'FuncKey', 'position': 5, 'template_id': ${ownId})`,
    ]);
  });

  it('when dissociated, then a no-op for another template, and the user uses none after', async () => {
    assert.equal(
      (await call('DELETE', `/users/${ann.id}/funckeys/templates/${childTemplate.id}`, 'admin1')).statusCode,
      204,
    );
    assert.equal((await call('GET', `/users/${ann.id}/funckeys/templates`, 'admin1')).json().total, 1);
    assert.equal(
      (await call('DELETE', `/users/${ann.id}/funckeys/templates/${template.id}`, 'admin1')).statusCode,
      204,
    );
    assert.equal((await call('GET', `/users/${ann.id}/funckeys/templates`, 'admin1')).json().total, 0);
    assert.equal((await call('GET', `/funckeys/templates/${template.id}/users`, 'admin1')).json().total, 0);
  });

  it('when a user or a group is deleted, then the keys to it and its own template go', async () => {
    const { services } = api.resources;
    const scope = scopeOf(tenant1);
    const group = await services.groups.create(scope, tenant1, { label: 'night' });
    await call('PUT', `/users/${ann.id}/funckeys`, 'admin1', {
      keys: {
        1: { destination: { type: 'user', user_id: bob.id } },
        2: { destination: { type: 'group', group_id: group.id } },
        3: { destination: { type: 'groupmember', group_id: group.id, action: 'join' } },
        4: custom('44'),
      },
    });
    await call('PUT', `/users/${bob.id}/funckeys/1`, 'admin1', custom('11'));
    const templates = await rowCount(database, 'func_key_template');
    await services.users.delete(scope, bob.id);
    await services.groups.delete(scope, group.id);
    assert.deepEqual(Object.keys((await call('GET', `/users/${ann.id}/funckeys`, 'admin1')).json().keys), [
      '4',
    ]);
    assert.equal(await rowCount(database, 'func_key_template'), templates - 1);
  });
});

async function privateTemplate(): Promise<{ id: number }> {
  const { rows } = await database.pool.query('SELECT id FROM func_key_template WHERE private_user_id = $1', [
    ann.id,
  ]);
  return rows[0];
}
