/**
 * The function key template routes on a real PostgreSQL (wazo-confd's test_func_keys and
 * test_func_keys_templates): destination types, template CRUD with keys by position, Wazo's
 * refusals (destinations missing or in another tenant, resources wazo-ts does not have, agent and
 * bsfilter keys on a template, one key per destination, bad positions and labels) changing
 * nothing, one key by position, 404 across tenants, and func_key_template_* events.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { caller, outboxNames, rowCount } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { funcKeyTemplatesPlugin } from './funckey-templates.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();
const events = () => outboxNames(database);
type Ref = { id: number; uuid: string };
let ann: Ref;
let foreigner: Ref;
let sales: Ref;

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_funckey_templates' });
  api = await buildTestApi(database, [funcKeyTemplatesPlugin]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({
    token: 'reader',
    acl: ['confd.funckeys.templates.read'],
    metadata: { tenant_uuid: tenant1 },
  });
  const { services } = api.resources;
  for (const tenant of [tenant1, child1, tenant2]) await services.tenants.ensure(tenant);
  ann = await services.users.create(scopeOf(tenant1), tenant1, { firstname: 'Ann', lastname: 'Lee' });
  foreigner = await services.users.create(scopeOf(tenant2), tenant2, { firstname: 'Bob' });
  sales = await services.groups.create(scopeOf(tenant1), tenant1, { label: 'sales' });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

describe('function key destinations', () => {
  it('when listed, then every Wazo type with its parameters, choices and the users collection', async () => {
    const res = await call('GET', '/funckeys/destinations', 'admin1');
    assert.equal(res.statusCode, 200, res.body);
    const types = res.json() as { type: string; parameters: { name: string; values?: string[] }[] }[];
    assert.deepEqual(
      types.map((t) => t.type),
      [
        'agent',
        'bsfilter',
        'conference',
        'custom',
        'forward',
        'group',
        'groupmember',
        'onlinerec',
        'paging',
        'park_position',
        'parking',
        'queue',
        'service',
        'transfer',
        'user',
      ],
    );
    const byType = new Map(types.map((t) => [t.type, t.parameters]));
    assert.deepEqual(byType.get('forward'), [
      { name: 'forward', values: ['busy', 'noanswer', 'unconditional'] },
      { name: 'exten' },
    ]);
    assert.deepEqual(byType.get('user'), [{ name: 'user_id', collection: 'http://localhost:80/1.1/users' }]);
    assert.deepEqual(byType.get('onlinerec'), []);
  });
});

describe('function key templates', () => {
  let template: { id: number };

  it('when created with keys, then 201, Location, keys with their defaults and names, and the event', async () => {
    const before = (await events()).length;
    const res = await call('POST', '/funckeys/templates', 'admin1', {
      name: 'desk',
      keys: {
        1: { destination: { type: 'user', user_id: ann.id }, label: 'Ann' },
        2: { destination: { type: 'group', group_id: sales.id }, blf: true },
        3: { destination: { type: 'custom', exten: ' *99 ', ignored: 1 } },
        4: { destination: { type: 'service', service: 'enablednd' } },
        5: { destination: { type: 'forward', forward: 'busy' } },
        6: { destination: { type: 'transfer', transfer: 'blind' } },
        7: { destination: { type: 'onlinerec' } },
        8: { destination: { type: 'groupmember', group_id: sales.id, action: 'toggle' } },
        9: { destination: { type: 'service', service: 'pickup' } },
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    template = res.json();
    assert.equal(res.headers.location, `http://localhost:80/1.1/funckeys/templates/${template.id}`);
    const { keys, ...head } = res.json();
    assert.deepEqual(head, { id: template.id, tenant_uuid: tenant1, name: 'desk' });
    assert.deepEqual(
      { ...keys['1'], id: 0 },
      {
        id: 0,
        inherited: true,
        blf: true,
        label: 'Ann',
        destination: {
          type: 'user',
          user_id: ann.id,
          user_firstname: 'Ann',
          user_lastname: 'Lee',
          href: `http://localhost:80/1.1/users/${ann.id}`,
        },
      },
    );
    // BLF stays only where the destination can light up (groups and pickup cannot).
    assert.deepEqual(
      Object.values(keys).map((k) => (k as { blf: boolean }).blf),
      [true, false, true, true, true, false, false, true, false],
    );
    assert.deepEqual(keys['2'].destination, {
      type: 'group',
      group_id: sales.id,
      group_name: (await api.resources.services.groups.get(scopeOf(tenant1), sales.id)).name,
      group_label: 'sales',
      href: null,
    });
    assert.deepEqual(keys['3'].destination, { type: 'custom', exten: '*99', href: null });
    assert.deepEqual(keys['5'].destination, { type: 'forward', forward: 'busy', exten: null, href: null });
    assert.deepEqual(keys['7'].destination, { type: 'onlinerec', href: null });
    assert.deepEqual((await events()).slice(before), ['func_key_template_created']);
    const { rows } = await database.pool.query(
      'SELECT routing_key, headers FROM bus_outbox ORDER BY id DESC',
    );
    assert.equal(rows[0].routing_key, 'config.funckey.template.created');
    assert.equal(rows[0].headers.tenant_uuid, tenant1);
  });

  it('when read, then the template; an unknown or non-numeric id is the template 404', async () => {
    const res = await call('GET', `/funckeys/templates/${template.id}`, 'admin1');
    assert.deepEqual(
      [res.statusCode, res.json().name, Object.keys(res.json().keys).length],
      [200, 'desk', 9],
    );
    const unknown = await call('GET', '/funckeys/templates/999999', 'admin1');
    assert.equal(unknown.statusCode, 404);
    assert.deepEqual(unknown.json(), ["Resource Not Found - FuncKeyTemplate was not found ('id': 999999)"]);
    assert.equal((await call('GET', '/funckeys/templates/abc', 'admin1')).statusCode, 404);
  });

  it("when a key is refused, then Wazo's words and nothing is written", async () => {
    const count = await rowCount(database, 'func_key_template');
    const before = await events();
    const refusals: [unknown, string][] = [
      [
        { 1: { destination: { type: 'agent', agent_id: 1, action: 'login' } } },
        `Input Error - keys: {'1': {'destination': {'type': ['The "agent" funckey are excluded']}}}`,
      ],
      [
        { 1: { destination: { type: 'queue', queue_id: 4 } } },
        "Input Error - field 'queue_id': Queue was not found ('queue_id': 4)",
      ],
      [
        { 1: { destination: { type: 'conference', conference_id: 4 } } },
        "Input Error - field 'conference_id': Conference was not found ('conference_id': 4)",
      ],
      [
        { 1: { destination: { type: 'parking', parking_lot_id: 2 } } },
        "Input Error - field 'parking_lot_id': ParkingLot was not found ('parking_lot_id': 2)",
      ],
      [
        { 1: { destination: { type: 'paging', paging_id: 2 } } },
        "Input Error - field 'paging_id': Paging was not found ('paging_id': 2)",
      ],
      [
        { 1: { destination: { type: 'user', user_id: foreigner.id } } },
        `Input Error - field 'user_id': User was not found ('user_id': ${foreigner.id})`,
      ],
      [
        { 1: { destination: { type: 'group', group_id: 999999 } } },
        "Input Error - field 'group_id': Group was not found ('group_id': 999999)",
      ],
      [
        {
          1: { destination: { type: 'custom', exten: '1' } },
          2: { destination: { type: 'custom', exten: '1' } },
        },
        "Resource Error - destination already exists ('exten': '1')",
      ],
      [
        { 0: { destination: { type: 'onlinerec' } } },
        "Input Error - keys: ['Must be greater than or equal to 1.']",
      ],
      [{ one: { destination: { type: 'onlinerec' } } }, "Input Error - keys: ['Not a valid integer.']"],
      [
        { 1: { label: 'a;b', destination: { type: 'onlinerec' } } },
        "Input Error - field 'label': wrong type. Should be a string without special characters (\\n \\r \\t ;) ('label': 'a;b')",
      ],
    ];
    for (const [keys, message] of refusals) {
      const res = await call('POST', '/funckeys/templates', 'admin1', { keys });
      assert.equal(res.statusCode, 400, JSON.stringify(keys));
      assert.deepEqual(res.json(), [message]);
    }
    const schema = await call('POST', '/funckeys/templates', 'admin1', {
      keys: { 1: { destination: { type: 'custom', exten: 'a b' } } },
    });
    assert.equal(schema.statusCode, 400);
    assert.match(schema.json()[0], /^Input Error - keys: .*exten.*String does not match expected pattern/);
    assert.equal(await rowCount(database, 'func_key_template'), count);
    assert.deepEqual(await events(), before);
  });

  it('when listed, then public templates of the tenant, sub-tenants on recurse, with list params', async () => {
    await call('POST', '/funckeys/templates', 'admin1', { name: 'child' }, child1);
    await call('POST', '/funckeys/templates', 'admin2', { name: 'other' });
    const own = (await call('GET', '/funckeys/templates', 'reader')).json();
    // Ann's private template (every user has one) is never listed.
    assert.deepEqual([own.total, own.items[0].name], [1, 'desk']);
    const all = (
      await call('GET', '/funckeys/templates?recurse=true&order=name&direction=desc', 'reader')
    ).json();
    assert.deepEqual(
      all.items.map((t: { name: string }) => t.name),
      ['desk', 'child'],
    );
    const found = (await call('GET', '/funckeys/templates?recurse=true&search=chi', 'reader')).json();
    assert.deepEqual([found.total, found.items[0].name], [1, 'child']);
    const page = (await call('GET', '/funckeys/templates?recurse=true&limit=1&offset=1', 'reader')).json();
    assert.deepEqual([page.total, page.items[0].name], [2, 'desk']);
  });

  it('when another tenant reaches the template, then 404 and nothing changes', async () => {
    const before = await events();
    const urls = [
      ['GET', `/funckeys/templates/${template.id}`],
      ['PUT', `/funckeys/templates/${template.id}`],
      ['DELETE', `/funckeys/templates/${template.id}`],
      ['GET', `/funckeys/templates/${template.id}/users`],
      ['GET', `/funckeys/templates/${template.id}/1`],
      ['PUT', `/funckeys/templates/${template.id}/1`],
      ['DELETE', `/funckeys/templates/${template.id}/1`],
    ] as const;
    for (const [method, url] of urls) {
      const body = method === 'PUT' ? { destination: { type: 'onlinerec' } } : undefined;
      const res = await call(method, url, 'admin2', body);
      assert.equal(res.statusCode, 404, `${method} ${url}`);
      assert.deepEqual(res.json(), [
        `Resource Not Found - FuncKeyTemplate was not found ('id': ${template.id})`,
      ]);
    }
    assert.deepEqual(await events(), before);
  });

  it("when a key is read, set and removed by position, then 200/204, edited events and Wazo's 404s", async () => {
    const url = `/funckeys/templates/${template.id}`;
    const key = await call('GET', `${url}/3`, 'admin1');
    assert.deepEqual([key.statusCode, key.json().destination.exten], [200, '*99']);
    const missing = await call('GET', `${url}/42`, 'admin1');
    assert.deepEqual(missing.json(), [
      `Resource Not Found - FuncKey was not found ('template_id': ${template.id}, 'position': 42)`,
    ]);
    const set = await call('PUT', `${url}/42`, 'admin1', {
      label: 'vm',
      destination: { type: 'service', service: 'vmusermsg' },
    });
    assert.equal(set.statusCode, 204, set.body);
    assert.deepEqual((await call('GET', `${url}/42`, 'admin1')).json().label, 'vm');
    const excluded = await call('PUT', `${url}/43`, 'admin1', {
      destination: { type: 'bsfilter', filter_member_id: 1 },
    });
    assert.deepEqual(excluded.json(), [
      `Input Error - destination: {'type': ['The "bsfilter" funckey are excluded']}`,
    ]);
    const twice = await call('PUT', `${url}/43`, 'admin1', {
      destination: { type: 'transfer', transfer: 'blind' },
    });
    assert.deepEqual(twice.json(), ["Resource Error - destination already exists ('transfer': 'blind')"]);
    assert.equal(
      (await call('PUT', `${url}/0`, 'admin1', { destination: { type: 'onlinerec' } })).statusCode,
      400,
    );
    assert.equal((await call('DELETE', `${url}/42`, 'admin1')).statusCode, 204);
    const gone = await call('DELETE', `${url}/42`, 'admin1');
    assert.deepEqual(gone.json(), [
      `Resource Not Found - FuncKey was not found ('resource': 'FuncKey', 'position': 42, 'template_id': ${template.id})`,
    ]);
    assert.deepEqual((await events()).slice(-2), ['func_key_template_edited', 'func_key_template_edited']);
  });

  it("when replaced, then the name and every key are the body's (absent ones go)", async () => {
    const res = await call('PUT', `/funckeys/templates/${template.id}`, 'admin1', {
      keys: { 10: { destination: { type: 'user', user_id: ann.id } } },
    });
    assert.equal(res.statusCode, 204, res.body);
    const read = (await call('GET', `/funckeys/templates/${template.id}`, 'admin1')).json();
    assert.deepEqual([read.name, Object.keys(read.keys)], [null, ['10']]);
    assert.equal((await events()).at(-1), 'func_key_template_edited');
  });

  it('when deleted, then 204, its users use no template, and func_key_template_deleted', async () => {
    const { services } = api.resources;
    await services.funcKeys.associate(scopeOf(tenant1), ann.uuid, template.id);
    const users = (await call('GET', `/funckeys/templates/${template.id}/users`, 'admin1')).json();
    assert.deepEqual(users, { total: 1, items: [{ user_id: ann.id, template_id: template.id }] });
    assert.equal((await call('DELETE', `/funckeys/templates/${template.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', `/funckeys/templates/${template.id}`, 'admin1')).statusCode, 404);
    assert.equal((await services.users.get(scopeOf(tenant1), ann.id)).func_key_template_id, null);
    assert.equal((await events()).at(-1), 'func_key_template_deleted');
  });

  it("when a user's private template is deleted, then Wazo's refusal", async () => {
    const own = await api.resources.services.funcKeys.userKeys(scopeOf(tenant1), ann.id);
    const res = await call('DELETE', `/funckeys/templates/${own.id}`, 'admin1');
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json(), [
      `Resource Error - Operation not permitted. Deleting private templates is not allowed ('template_id': ${own.id})`,
    ]);
  });

  it('when the token lacks the ACL, then 401', async () => {
    assert.equal((await call('POST', '/funckeys/templates', 'reader', {})).statusCode, 401);
    assert.equal((await call('GET', '/funckeys/destinations', 'reader')).statusCode, 401);
  });
});
