/**
 * wazo-confd's test_call_pickups and test_call_pickup_interceptor|target_user|group checklists on
 * a real PostgreSQL: minimal body and defaults, every field, field errors changing nothing, a
 * name unique in its tenant, search, filters, sort and paging, 404s across tenants, events;
 * members on each side, Wazo's refusals, cleanup when a user, a group or a pickup goes; and a
 * user's `call_pickup_target_users` as Wazo flattens it.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { groupMemberUsersPlugin, groupsPlugin } from '../groups/index.js';
import { caller, lastOutboxId, outboxNames, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/index.js';
import { callPickupMembersPlugin, callPickupsPlugin } from './call-pickups.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();
const FAKE_UUID = '99999999-9999-9999-9999-999999999999';
const HREF = 'http://localhost:80/1.1';

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_call_pickups' });
  api = await buildTestApi(database, [
    answerLinksPlugin,
    usersPlugin,
    groupsPlugin,
    groupMemberUsersPlugin,
    callPickupsPlugin,
    callPickupMembersPlugin,
  ]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'reader', acl: ['confd.callpickups.read'], metadata: { tenant_uuid: tenant1 } });
  for (const tenant of [tenant1, child1, tenant2]) await api.resources.services.tenants.ensure(tenant);
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

type Pickup = { id: number; tenant_uuid: string; name: string } & Record<string, unknown>;
let count = 0;
const unique = (prefix: string) => {
  count += 1;
  return `${prefix}${count}`;
};
const create = async (body: object = {}, token = 'admin1', tenant?: string): Promise<Pickup> => {
  const res = await call('POST', '/callpickups', token, { name: unique('pickup'), ...body }, tenant);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};
const read = async (id: number) => (await call('GET', `/callpickups/${id}`, 'admin1')).json();
const names = (list: { items: { name: string }[] }) => list.items.map((item) => item.name);
const user = async (tenant = tenant1) =>
  api.resources.services.users.create(scopeOf(tenant), tenant, { firstname: 'Ann', lastname: unique('L') });
const group = async (tenant = tenant1) =>
  api.resources.services.groups.create(scopeOf(tenant), tenant, { label: unique('group') });
const notFound = (id: number | string) => [`Resource Not Found - CallPickup was not found ('id': ${id})`];
const emptySides = { groups: [], users: [] };

describe('call pickups', () => {
  it('when created with a name only, then Wazo defaults, a Location and call_pickup_created', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/callpickups', 'admin1', { name: 'minimal' });
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.deepEqual(created, {
      id: created.id,
      tenant_uuid: tenant1,
      name: 'minimal',
      description: null,
      enabled: true,
      interceptors: emptySides,
      targets: emptySides,
      links: [{ rel: 'callpickups', href: `${HREF}/callpickups/${created.id}` }],
    });
    assert.equal(res.headers.location, `${HREF}/callpickups/${created.id}`);
    assert.deepEqual(await read(created.id), created);
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [
        event?.name,
        event?.routing_key,
        event?.data,
        event?.headers.tenant_uuid,
        event?.headers['user_uuid:*'],
      ],
      ['call_pickup_created', 'config.callpickup.created', { id: created.id }, tenant1, true],
    );
  });

  it('when created with every field, then each is kept', async () => {
    const body = { name: 'allparameter', description: 'Create description', enabled: false };
    const created = await create(body);
    assert.deepEqual(
      [created.name, created.description, created.enabled],
      [body.name, body.description, false],
    );
  });

  it("when a field is wrong, then Wazo's words and nothing is written", async () => {
    const before = await rowCount(database, 'pickup');
    const events = await outboxNames(database);
    const cases: [object, string][] = [
      [{ name: 123 }, "Input Error - name: ['Not a valid string.']"],
      [{ name: null }, "Input Error - name: ['Field may not be null.']"],
      [{ name: true }, "Input Error - name: ['Not a valid string.']"],
      [{ name: {} }, "Input Error - name: ['Not a valid string.']"],
      [{ name: 'x'.repeat(129) }, "Input Error - name: ['Longer than maximum length 128.']"],
      [{ description: 123 }, "Input Error - description: ['Not a valid string.']"],
      [{ description: [] }, "Input Error - description: ['Not a valid string.']"],
      [{ enabled: null }, "Input Error - enabled: ['Field may not be null.']"],
      [{ enabled: 123 }, "Input Error - enabled: ['Not a valid boolean.']"],
      [{ enabled: 'invalid' }, "Input Error - enabled: ['Not a valid boolean.']"],
      [{ enabled: {} }, "Input Error - enabled: ['Not a valid boolean.']"],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', '/callpickups', 'admin1', { name: 'x', ...body });
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(res.json(), [message], JSON.stringify(body));
    }
    assert.deepEqual((await call('POST', '/callpickups', 'admin1', {})).json(), [
      "Input Error - name: ['Missing data for required field.']",
    ]);
    assert.equal((await call('POST', '/callpickups', 'admin1')).statusCode, 400);
    assert.equal(await rowCount(database, 'pickup'), before);
    assert.deepEqual(await outboxNames(database), events);
    const created = await create();
    for (const [body, message] of cases) {
      const res = await call('PUT', `/callpickups/${created.id}`, 'admin1', body);
      assert.deepEqual(res.json(), [message], `PUT ${JSON.stringify(body)}`);
    }
    assert.equal((await call('PUT', `/callpickups/${created.id}`, 'admin1')).statusCode, 400);
    assert.deepEqual(await read(created.id), created);
  });

  it('when a name is taken in the tenant, then it already exists; another tenant may use it', async () => {
    await create({ name: 'unique' });
    const message = ["Resource Error - CallPickup already exists ('name': 'unique')"];
    assert.deepEqual((await call('POST', '/callpickups', 'admin1', { name: 'unique' })).json(), message);
    assert.equal((await create({ name: 'unique' }, 'admin2')).tenant_uuid, tenant2);
    const other = await create({ name: 'other' });
    assert.deepEqual(
      (await call('PUT', `/callpickups/${other.id}`, 'admin1', { name: 'unique' })).json(),
      message,
    );
    assert.equal(
      (await call('PUT', `/callpickups/${other.id}`, 'admin1', { name: 'other' })).statusCode,
      204,
    );
  });

  it('when edited with some fields or none, then only those change and call_pickup_edited', async () => {
    const created = await create({ description: 'before' });
    const from = await lastOutboxId(database);
    assert.equal((await call('PUT', `/callpickups/${created.id}`, 'admin1', {})).statusCode, 204);
    const body = { name: unique('edited'), description: 'Create description', enabled: false };
    assert.equal((await call('PUT', `/callpickups/${created.id}`, 'admin1', body)).statusCode, 204);
    assert.deepEqual(await read(created.id), { ...created, ...body });
    assert.equal(
      (await call('PUT', `/callpickups/${created.id}`, 'admin1', { description: null })).statusCode,
      204,
    );
    assert.equal((await read(created.id)).description, null);
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.routing_key, e.data]),
      Array(3).fill(['call_pickup_edited', 'config.callpickup.edited', { id: created.id }]),
    );
  });

  it('when listed, then searched on name and description, filtered, sorted and paged', async () => {
    await create({ name: 'search', description: 'SearchDesc' });
    await create({ name: 'hidden', description: 'HiddenDesc' });
    const list = async (query: string) => (await call('GET', `/callpickups?${query}`, 'admin1')).json();
    assert.deepEqual(names(await list('search=search')), ['search']);
    assert.deepEqual(names(await list('search=Search')), ['search']);
    assert.deepEqual(names(await list('description=HiddenDesc')), ['hidden']);
    assert.deepEqual(names(await list('name=search')), ['search']);
    await create({ name: 'sort1', description: 'Sort 1' });
    await create({ name: 'sort2', description: 'Sort 2' });
    assert.deepEqual(names(await list('search=sort')), ['sort1', 'sort2']);
    assert.deepEqual(names(await list('search=sort&order=name&direction=desc')), ['sort2', 'sort1']);
    assert.deepEqual(names(await list('search=Sort&order=description&direction=desc')), ['sort2', 'sort1']);
    const page = await list('search=sort&limit=1&offset=1');
    assert.deepEqual([page.total, names(page)], [2, ['sort2']]);
    const disabled = await create({ enabled: false });
    assert.ok((await list('enabled=false')).items.some((item: Pickup) => item.id === disabled.id));
    assert.ok(!(await list('enabled=true')).items.some((item: Pickup) => item.id === disabled.id));
    assert.equal((await call('GET', '/callpickups?id=abc', 'admin1')).statusCode, 400);
  });

  it('when list params are wrong, then confd strings', async () => {
    const cases: [string, string][] = [
      ['limit=0', "Input Error - field 'limit': wrong type. Should be a positive number"],
      ['limit=abc', "Input Error - limit: ['Not a valid integer.']"],
      ['offset=-1', "Input Error - offset: ['Must be greater than or equal to 0.']"],
      ['direction=up', "Input Error - direction: must be 'asc' or 'desc'"],
      ['order=nope', "Input Error - order: column 'nope' was not found"],
      ['recurse=maybe', "Input Error - recurse: ['Not a valid boolean.']"],
    ];
    for (const [query, message] of cases) {
      const res = await call('GET', `/callpickups?${query}`, 'reader');
      assert.deepEqual([res.statusCode, res.json()], [400, [message]], query);
    }
  });

  it('when tenants read theirs, then sub-tenants with recurse, and 404 for the others', async () => {
    const main = await create();
    const sub = await create({}, 'admin1', child1);
    assert.equal(sub.tenant_uuid, child1);
    const ids = async (query: string, tenant?: string) =>
      (await call('GET', `/callpickups?${query}`, 'admin1', undefined, tenant))
        .json()
        .items.map((i: Pickup) => i.id);
    assert.ok((await ids('')).includes(main.id) && !(await ids('')).includes(sub.id));
    assert.deepEqual(await ids('', child1), [sub.id]);
    assert.ok((await ids('recurse=true')).includes(sub.id));
    assert.equal((await read(sub.id)).id, sub.id);
    assert.equal((await call('PUT', `/callpickups/${sub.id}`, 'admin1', {})).statusCode, 204);
    const before = await outboxNames(database);
    for (const [method, body] of [['GET'], ['PUT', {}], ['DELETE']] as const) {
      const res = await call(method, `/callpickups/${main.id}`, 'admin1', body, child1);
      assert.deepEqual([res.statusCode, res.json()], [404, notFound(main.id)], method);
      assert.equal((await call(method, `/callpickups/${main.id}`, 'admin2', body)).statusCode, 404);
    }
    assert.deepEqual((await call('GET', '/callpickups/999999', 'admin1')).json(), notFound(999999));
    assert.equal((await call('GET', '/callpickups/abc', 'admin1')).statusCode, 404);
    assert.deepEqual(await outboxNames(database), before);
  });

  it('when deleted, then 404 afterwards and call_pickup_deleted', async () => {
    const created = await create();
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/callpickups/${created.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', `/callpickups/${created.id}`, 'admin1')).statusCode, 404);
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.routing_key, e.data]),
      [['call_pickup_deleted', 'config.callpickup.deleted', { id: created.id }]],
    );
  });

  it('when the token lacks the ACL, then 401', async () => {
    assert.equal((await call('GET', '/callpickups', 'reader')).statusCode, 200);
    assert.equal((await call('POST', '/callpickups', 'reader', { name: 'no' })).statusCode, 401);
  });
});

type Side = 'interceptors' | 'targets';
const put = (
  id: number,
  side: Side,
  kind: 'users' | 'groups',
  items: unknown,
  token = 'admin1',
  tenant?: string,
) => call('PUT', `/callpickups/${id}/${side}/${kind}`, token, { [kind]: items }, tenant);

describe('call pickup members', () => {
  it("when a body is wrong, then Wazo's words and nothing changes", async () => {
    const { id } = await create();
    const before = await outboxNames(database);
    for (const side of ['interceptors', 'targets'] as const) {
      for (const bad of [
        123,
        null,
        true,
        'string',
        [123],
        [null],
        ['string'],
        [{}],
        [{ uuid: null }],
        [{ not_uuid: 1 }],
      ]) {
        const res = await put(id, side, 'users', bad);
        assert.equal(res.statusCode, 400, `${side} ${JSON.stringify(bad)}`);
        assert.match(res.json()[0], /^Input Error - users: /, `${side} ${JSON.stringify(bad)}`);
      }
      for (const bad of [
        123,
        null,
        'string',
        [123],
        [null],
        [{}],
        [{ id: null }],
        [{ id: 1 }, { id: null }],
        [{ not_id: 1 }],
      ]) {
        const res = await put(id, side, 'groups', bad);
        assert.equal(res.statusCode, 400, `${side} ${JSON.stringify(bad)}`);
        assert.match(res.json()[0], /^Input Error - groups: /, `${side} ${JSON.stringify(bad)}`);
      }
      assert.deepEqual((await put(id, side, 'users', [{ uuid: FAKE_UUID }])).json(), [
        `Input Error - field 'users': User was not found ('uuid': '${FAKE_UUID}')`,
      ]);
      assert.deepEqual((await put(id, side, 'groups', [{ id: 99999999 }])).json(), [
        "Input Error - field 'groups': Group was not found ('id': 99999999)",
      ]);
      assert.equal((await call('PUT', `/callpickups/${id}/${side}/users`, 'admin1')).statusCode, 400);
      assert.equal((await call('PUT', `/callpickups/${id}/${side}/groups`, 'admin1', {})).statusCode, 400);
      assert.deepEqual((await put(99999999, side, 'users', [])).json(), notFound(99999999));
      assert.deepEqual((await put(99999999, side, 'groups', [])).json(), notFound(99999999));
    }
    assert.deepEqual(await outboxNames(database), before);
    assert.equal(await rowCount(database, 'pickup_member'), 0);
  });

  it('when members are set on each side, then shown in order, replaced, emptied, with their events', async () => {
    const { id } = await create();
    const [u1, u2, u3] = [await user(), await user(), await user()];
    const [g1, g2] = [await group(), await group()];
    const from = await lastOutboxId(database);
    assert.equal(
      (await put(id, 'interceptors', 'users', [{ uuid: u2.uuid }, { uuid: u1.uuid }])).statusCode,
      204,
    );
    assert.equal((await put(id, 'targets', 'users', [{ uuid: u3.uuid }, { uuid: u1.uuid }])).statusCode, 204);
    assert.equal((await put(id, 'interceptors', 'groups', [g1])).statusCode, 204);
    assert.equal((await put(id, 'targets', 'groups', [{ id: g2.id }, { id: g1.id }])).statusCode, 204);
    const shown = (u: { uuid: string; lastname: string | null }) => ({
      uuid: u.uuid,
      firstname: 'Ann',
      lastname: u.lastname,
    });
    const current = await read(id);
    assert.deepEqual(current.interceptors, {
      groups: [{ id: g1.id, name: g1.name }],
      users: [shown(u2), shown(u1)],
    });
    assert.deepEqual(current.targets, {
      groups: [
        { id: g2.id, name: g2.name },
        { id: g1.id, name: g1.name },
      ],
      users: [shown(u3), shown(u1)],
    });
    const sent = await sentSince(database, from);
    assert.deepEqual(
      sent.map((e) => [e.name, e.routing_key, e.data, e.headers.tenant_uuid]),
      [
        [
          'call_pickup_interceptor_users_associated',
          'config.callpickups.interceptors.users.updated',
          { call_pickup_id: id, user_uuids: [u2.uuid, u1.uuid] },
          tenant1,
        ],
        [
          'call_pickup_target_users_associated',
          'config.callpickups.targets.users.updated',
          { call_pickup_id: id, user_uuids: [u3.uuid, u1.uuid] },
          tenant1,
        ],
        [
          'call_pickup_interceptor_groups_associated',
          'config.callpickups.interceptors.groups.updated',
          { call_pickup_id: id, group_ids: [g1.id] },
          tenant1,
        ],
        [
          'call_pickup_target_groups_associated',
          'config.callpickups.targets.groups.updated',
          { call_pickup_id: id, group_ids: [g2.id, g1.id] },
          tenant1,
        ],
      ],
    );
    assert.equal((await put(id, 'targets', 'users', [{ uuid: u2.uuid }])).statusCode, 204);
    assert.deepEqual((await read(id)).targets.users, [shown(u2)]);
    assert.deepEqual((await read(id)).targets.groups.length, 2, 'the groups stay');
    for (const side of ['interceptors', 'targets'] as const)
      for (const kind of ['users', 'groups'] as const)
        assert.equal((await put(id, side, kind, [])).statusCode, 204);
    const emptied = await read(id);
    assert.deepEqual([emptied.interceptors, emptied.targets], [emptySides, emptySides]);
  });

  it('when a member comes twice, then refused', async () => {
    const { id } = await create();
    const [ann, sales] = [await user(), await group()];
    for (const side of ['interceptors', 'targets'] as const) {
      assert.deepEqual((await put(id, side, 'users', [{ uuid: ann.uuid }, { uuid: ann.uuid }])).json(), [
        'Resource Error - Operation not permitted. Cannot associate same user more than once',
      ]);
      assert.deepEqual((await put(id, side, 'groups', [{ id: sales.id }, { id: sales.id }])).json(), [
        'Resource Error - Operation not permitted. Cannot associate same group more than once',
      ]);
    }
    assert.deepEqual([(await read(id)).interceptors, (await read(id)).targets], [emptySides, emptySides]);
  });

  it('when tenants differ, then 404 for a hidden pickup, hidden members not found, and different tenants', async () => {
    const main = await create();
    const sub = await create({}, 'admin1', child1);
    const [mainUser, mainGroup] = [await user(tenant1), await group(tenant1)];
    const [subUser, subGroup] = [await user(child1), await group(child1)];
    const before = await outboxNames(database);
    for (const side of ['interceptors', 'targets'] as const) {
      assert.deepEqual(
        (await put(main.id, side, 'users', [{ uuid: subUser.uuid }], 'admin1', child1)).json(),
        notFound(main.id),
      );
      assert.deepEqual(
        (await put(main.id, side, 'groups', [{ id: subGroup.id }], 'admin1', child1)).json(),
        notFound(main.id),
      );
      assert.deepEqual(
        (await put(sub.id, side, 'users', [{ uuid: mainUser.uuid }], 'admin1', child1)).json(),
        [`Input Error - field 'users': User was not found ('uuid': '${mainUser.uuid}')`],
      );
      assert.deepEqual((await put(sub.id, side, 'groups', [{ id: mainGroup.id }], 'admin1', child1)).json(), [
        `Input Error - field 'groups': Group was not found ('id': ${mainGroup.id})`,
      ]);
      assert.deepEqual((await put(sub.id, side, 'users', [{ uuid: mainUser.uuid }])).json(), [
        `Resource Error - different tenants ('call_pickup_tenant_uuid': '${child1}', 'user_tenant_uuid': '${tenant1}')`,
      ]);
      assert.deepEqual((await put(sub.id, side, 'groups', [{ id: mainGroup.id }])).json(), [
        `Resource Error - different tenants ('call_pickup_tenant_uuid': '${child1}', 'group_tenant_uuid': '${tenant1}')`,
      ]);
      assert.equal((await put(main.id, side, 'users', [], 'admin2')).statusCode, 404);
    }
    assert.deepEqual(await outboxNames(database), before);
    assert.equal((await put(sub.id, 'targets', 'groups', [{ id: subGroup.id }])).statusCode, 204);
  });

  it('when a user, a group or the pickup is deleted, then their memberships go with them', async () => {
    const [p1, p2] = [await create(), await create()];
    const [ann, bob] = [await user(), await user()];
    const sales = await group();
    for (const p of [p1, p2]) {
      await put(p.id, 'interceptors', 'users', [{ uuid: ann.uuid }, { uuid: bob.uuid }]);
      await put(p.id, 'targets', 'groups', [{ id: sales.id }]);
    }
    assert.equal((await call('DELETE', `/users/${ann.uuid}`, 'admin1')).statusCode, 204);
    assert.equal((await call('DELETE', `/groups/${sales.id}`, 'admin1')).statusCode, 204);
    for (const p of [p1, p2]) {
      const current = await read(p.id);
      assert.deepEqual(
        current.interceptors.users.map((u: { uuid: string }) => u.uuid),
        [bob.uuid],
      );
      assert.deepEqual(current.targets.groups, []);
    }
    const members = await rowCount(database, 'pickup_member');
    assert.equal((await call('DELETE', `/callpickups/${p1.id}`, 'admin1')).statusCode, 204);
    assert.equal(await rowCount(database, 'pickup_member'), members - 1);
    assert.equal((await call('GET', `/users/${bob.uuid}`, 'admin1')).json().uuid, bob.uuid, 'the user stays');
  });
});

describe("a user's call_pickup_target_users", () => {
  it('when the user intercepts, directly or through a group, then the targets, directly or through a group, once each', async () => {
    const [interceptor, viaGroup, target1, target2, groupTarget, outsider] = [
      await user(),
      await user(),
      await user(),
      await user(),
      await user(),
      await user(),
    ];
    const interceptors = await group();
    const targets = await group();
    // Group members need lines through the API; the membership rows are what the relation reads.
    const members = async (g: { id: number }, users: { uuid: string }[]) => {
      for (const [position, u] of users.entries())
        await database.pool.query(
          'INSERT INTO group_member_users (group_id, user_uuid, priority, position) VALUES ($1, $2, 0, $3)',
          [g.id, u.uuid, position],
        );
    };
    await members(interceptors, [viaGroup]);
    await members(targets, [groupTarget, target1]);
    const p1 = await create();
    const p2 = await create();
    await put(p1.id, 'interceptors', 'users', [{ uuid: interceptor.uuid }]);
    await put(p1.id, 'targets', 'users', [{ uuid: target1.uuid }]);
    await put(p1.id, 'targets', 'groups', [{ id: targets.id }]);
    await put(p2.id, 'interceptors', 'groups', [{ id: interceptors.id }]);
    await put(p2.id, 'interceptors', 'users', [{ uuid: interceptor.uuid }]);
    await put(p2.id, 'targets', 'users', [{ uuid: target2.uuid }]);
    const targetsOf = async (u: { uuid: string }) =>
      (await call('GET', `/users/${u.uuid}`, 'admin1')).json().call_pickup_target_users;
    const shown = (u: { uuid: string; lastname: string | null }) => ({
      uuid: u.uuid,
      firstname: 'Ann',
      lastname: u.lastname,
      links: [{ rel: 'users', href: `${HREF}/users/${u.uuid}` }],
    });
    assert.deepEqual(await targetsOf(interceptor), [shown(target1), shown(target2), shown(groupTarget)]);
    assert.deepEqual(await targetsOf(viaGroup), [shown(target2)]);
    assert.deepEqual(await targetsOf(target1), []);
    assert.deepEqual(await targetsOf(outsider), []);
    await call('DELETE', `/callpickups/${p2.id}`, 'admin1');
    assert.deepEqual(await targetsOf(viaGroup), []);
    assert.deepEqual(await targetsOf(interceptor), [shown(target1), shown(groupTarget)]);
  });
});
