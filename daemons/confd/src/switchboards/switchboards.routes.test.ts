/**
 * wazo-confd's test_switchboards, test_switchboard_member_user and test_switchboard_fallback
 * checklists on a real PostgreSQL: minimal body and defaults, every field, field errors changing
 * nothing, search and sort, 404s across tenants, the events and their headers; operators shown
 * on both sides and gone with their user or switchboard; the fallback's destinations; a
 * switchboard as a destination, named, checked in its tenant, dropped when it is deleted.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { userFallbacksPlugin } from '../fallbacks/index.js';
import { caller, lastOutboxId, outboxNames, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, fixedServiceToken, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/index.js';
import {
  switchboardFallbacksPlugin,
  switchboardMembersPlugin,
  switchboardsPlugin,
} from './switchboards.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();
const FAKE_UUID = '99999999-9999-9999-9999-999999999999';
const HREF = 'http://localhost:80/1.1';

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_switchboards' });
  api = await buildTestApi(
    database,
    [
      answerLinksPlugin,
      usersPlugin,
      userFallbacksPlugin,
      switchboardsPlugin,
      switchboardMembersPlugin,
      switchboardFallbacksPlugin,
    ],
    {
      serviceToken: fixedServiceToken('service'),
      authUsers: {
        create: () => Promise.reject(new Error('no wazo-auth user is made here')),
        delete: async () => true,
        close: () => undefined,
      },
    },
  );
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'reader', acl: ['confd.switchboards.read'], metadata: { tenant_uuid: tenant1 } });
  for (const tenant of [tenant1, child1, tenant2]) await api.resources.services.tenants.ensure(tenant);
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

type Switchboard = { uuid: string; tenant_uuid: string; name: string } & Record<string, unknown>;
const create = async (body: object, token = 'admin1', tenant?: string): Promise<Switchboard> => {
  const res = await call('POST', '/switchboards', token, body, tenant);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};
const read = async (uuid: string) => (await call('GET', `/switchboards/${uuid}`, 'admin1')).json();
const names = (list: { items: { name: string }[] }) => list.items.map((item) => item.name);
let count = 0;
const user = async (tenant = tenant1) => {
  count += 1;
  return api.resources.services.users.create(scopeOf(tenant), tenant, {
    firstname: 'Op',
    lastname: `L${count}`,
  });
};
const putMembers = (uuid: string, users: unknown, token = 'admin1', tenant?: string) =>
  call('PUT', `/switchboards/${uuid}/members/users`, token, { users }, tenant);
const notFound = (uuid: string) => [`Resource Not Found - Switchboard was not found ('uuid': '${uuid}')`];

describe('switchboards', () => {
  it('when created with a name only, then Wazo defaults, a Location and switchboard_created with the switchboard', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/switchboards', 'admin1', { name: 'MySwitchboard' });
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.match(created.uuid, /^[0-9a-f-]{36}$/);
    const expected = {
      uuid: created.uuid,
      tenant_uuid: tenant1,
      name: 'MySwitchboard',
      timeout: null,
      queue_music_on_hold: null,
      waiting_room_music_on_hold: null,
      incalls: [],
      members: { users: [] },
      fallbacks: { noanswer_destination: null },
      links: [{ rel: 'switchboards', href: `${HREF}/switchboards/${created.uuid}` }],
    };
    assert.deepEqual(created, expected);
    assert.equal(res.headers.location, `${HREF}/switchboards/${created.uuid}`);
    assert.deepEqual(await read(created.uuid), expected);
    const [event] = await sentSince(database, from);
    const { links: _links, ...payload } = expected;
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data],
      ['switchboard_created', `config.switchboards.${created.uuid}.created`, payload],
    );
    assert.deepEqual(
      [event?.headers.tenant_uuid, event?.headers.switchboard_uuid, event?.headers.required_acl],
      [tenant1, created.uuid, `switchboards.${created.uuid}.created`],
    );
  });

  it('when created with every field, then each is kept; names need not be unique', async () => {
    const body = {
      name: 'All',
      timeout: 42,
      queue_music_on_hold: 'queuemoh',
      waiting_room_music_on_hold: 'holdmoh',
    };
    const created = await create(body);
    assert.deepEqual(
      [created.name, created.timeout, created.queue_music_on_hold, created.waiting_room_music_on_hold],
      ['All', 42, 'queuemoh', 'holdmoh'],
    );
    assert.notEqual((await create(body)).uuid, created.uuid);
  });

  it("when a field is wrong, then Wazo's words and nothing is written", async () => {
    const before = await rowCount(database, 'switchboard');
    const events = await outboxNames(database);
    const cases: [object, string][] = [
      [{ name: 123 }, "Input Error - name: ['Not a valid string.']"],
      [{ name: true }, "Input Error - name: ['Not a valid string.']"],
      [{ name: null }, "Input Error - name: ['Field may not be null.']"],
      [{ name: 'x'.repeat(129) }, "Input Error - name: ['Longer than maximum length 128.']"],
      [{ name: [] }, "Input Error - name: ['Not a valid string.']"],
      [{ queue_music_on_hold: 123 }, "Input Error - queue_music_on_hold: ['Not a valid string.']"],
      [{ queue_music_on_hold: false }, "Input Error - queue_music_on_hold: ['Not a valid string.']"],
      [
        { waiting_room_music_on_hold: 'x'.repeat(129) },
        "Input Error - waiting_room_music_on_hold: ['Longer than maximum length 128.']",
      ],
      [
        { waiting_room_music_on_hold: {} },
        "Input Error - waiting_room_music_on_hold: ['Not a valid string.']",
      ],
      [{ timeout: 'unknown' }, "Input Error - timeout: ['Not a valid integer.']"],
      [{ timeout: true }, "Input Error - timeout: ['Not a valid integer.']"],
      [{ timeout: 0 }, "Input Error - timeout: ['Must be greater than or equal to 1.']"],
      [{ timeout: -1 }, "Input Error - timeout: ['Must be greater than or equal to 1.']"],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', '/switchboards', 'admin1', { name: 'x', ...body });
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(res.json(), [message], JSON.stringify(body));
    }
    assert.deepEqual((await call('POST', '/switchboards', 'admin1', {})).json(), [
      "Input Error - name: ['Missing data for required field.']",
    ]);
    assert.equal((await call('POST', '/switchboards', 'admin1')).statusCode, 400);
    assert.equal(await rowCount(database, 'switchboard'), before);
    assert.deepEqual(await outboxNames(database), events);
    const created = await create({ name: 'put errors' });
    for (const [body, message] of cases) {
      const res = await call('PUT', `/switchboards/${created.uuid}`, 'admin1', body);
      assert.deepEqual(res.json(), [message], `PUT ${JSON.stringify(body)}`);
    }
    assert.equal((await call('PUT', `/switchboards/${created.uuid}`, 'admin1')).statusCode, 400);
    assert.deepEqual(await read(created.uuid), created);
  });

  it('when edited, then only the given fields change, null clears one, and switchboard_edited', async () => {
    const body = {
      name: 'before',
      timeout: 42,
      queue_music_on_hold: 'foo',
      waiting_room_music_on_hold: 'foo',
    };
    const created = await create(body);
    const from = await lastOutboxId(database);
    const url = `/switchboards/${created.uuid}`;
    assert.equal((await call('PUT', url, 'admin1', { queue_music_on_hold: null })).statusCode, 204);
    assert.deepEqual(await read(created.uuid), { ...created, queue_music_on_hold: null });
    assert.equal((await call('PUT', url, 'admin1', { timeout: null, name: 'after' })).statusCode, 204);
    const edited = await read(created.uuid);
    assert.deepEqual(edited, { ...created, queue_music_on_hold: null, timeout: null, name: 'after' });
    assert.equal((await call('PUT', url, 'admin1', {})).statusCode, 204);
    const sent = await sentSince(database, from);
    assert.deepEqual(
      sent.map((e) => [e.name, e.routing_key, e.headers.switchboard_uuid, e.headers.tenant_uuid]),
      Array(3).fill([
        'switchboard_edited',
        `config.switchboards.${created.uuid}.edited`,
        created.uuid,
        tenant1,
      ]),
    );
    const { links: _links, ...payload } = (await read(created.uuid)) as Switchboard;
    assert.deepEqual(sent[2]?.data, payload);
  });

  it('when listed, then searched and filtered on name, sorted by name, paged', async () => {
    await create({ name: 'search' });
    await create({ name: 'hidden' });
    const list = async (query: string) => (await call('GET', `/switchboards?${query}`, 'admin1')).json();
    assert.deepEqual(names(await list('search=search')), ['search']);
    assert.deepEqual(names(await list('name=hidden')), ['hidden']);
    await create({ name: 'sort1' });
    await create({ name: 'sort2' });
    assert.deepEqual(names(await list('search=sort&order=name&direction=asc')), ['sort1', 'sort2']);
    assert.deepEqual(names(await list('search=sort&order=name&direction=desc')), ['sort2', 'sort1']);
    const page = await list('search=sort&limit=1&offset=1');
    assert.deepEqual([page.total, names(page)], [2, ['sort2']]);
    assert.deepEqual((await call('GET', '/switchboards?order=timeout', 'admin1')).json(), [
      "Input Error - order: column 'timeout' was not found",
    ]);
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
      const res = await call('GET', `/switchboards?${query}`, 'reader');
      assert.deepEqual([res.statusCode, res.json()], [400, [message]], query);
    }
  });

  it('when tenants read theirs, then sub-tenants with recurse, and 404 for the others', async () => {
    const main = await create({ name: 'main tenant' });
    const sub = await create({ name: 'sub tenant' }, 'admin1', child1);
    assert.equal(sub.tenant_uuid, child1);
    const uuids = async (query: string, tenant?: string, token = 'admin1') =>
      (await call('GET', `/switchboards?${query}`, token, undefined, tenant))
        .json()
        .items.map((item: Switchboard) => item.uuid);
    assert.ok((await uuids('')).includes(main.uuid) && !(await uuids('')).includes(sub.uuid));
    assert.deepEqual(await uuids('', child1), [sub.uuid]);
    assert.ok((await uuids('recurse=true')).includes(sub.uuid));
    assert.ok(!(await uuids('recurse=true', undefined, 'admin2')).includes(main.uuid));
    assert.equal((await read(sub.uuid)).name, 'sub tenant');
    assert.equal((await call('PUT', `/switchboards/${sub.uuid}`, 'admin1', {})).statusCode, 204);
    const before = await outboxNames(database);
    for (const [method, body] of [['GET'], ['PUT', {}], ['DELETE']] as const) {
      const res = await call(method, `/switchboards/${main.uuid}`, 'admin1', body, child1);
      assert.deepEqual([res.statusCode, res.json()], [404, notFound(main.uuid)], method);
      assert.equal((await call(method, `/switchboards/${main.uuid}`, 'admin2', body)).statusCode, 404);
    }
    assert.deepEqual(
      (await call('GET', '/switchboards/uuid-not-found', 'admin1')).json(),
      notFound('uuid-not-found'),
    );
    assert.equal((await call('DELETE', `/switchboards/${FAKE_UUID}`, 'admin1')).statusCode, 404);
    assert.deepEqual(await outboxNames(database), before);
    assert.equal((await read(main.uuid)).name, 'main tenant');
  });

  it('when deleted, then 404 afterwards and switchboard_deleted with what it was', async () => {
    const created = await create({ name: 'doomed', timeout: 3 });
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/switchboards/${created.uuid}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', `/switchboards/${created.uuid}`, 'admin1')).statusCode, 404);
    const [event] = await sentSince(database, from);
    const { links: _links, ...payload } = created;
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.headers.switchboard_uuid, event?.data],
      ['switchboard_deleted', `config.switchboards.${created.uuid}.deleted`, created.uuid, payload],
    );
  });

  it('when the token lacks the ACL, then 401', async () => {
    assert.equal((await call('GET', '/switchboards', 'reader')).statusCode, 200);
    assert.equal((await call('POST', '/switchboards', 'reader', { name: 'no' })).statusCode, 401);
  });
});

describe('switchboard members', () => {
  it("when a body is wrong, then Wazo's words and nothing changes", async () => {
    const { uuid } = await create({ name: 'errors' });
    const ann = await user();
    const before = await outboxNames(database);
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
      const res = await putMembers(uuid, bad);
      assert.equal(res.statusCode, 400, JSON.stringify(bad));
      assert.match(res.json()[0], /^Input Error - users: /, JSON.stringify(bad));
    }
    assert.deepEqual((await putMembers(uuid, [{ uuid: 'uuid-not-found' }])).json(), [
      "Input Error - field 'users': User was not found ('uuid': 'uuid-not-found')",
    ]);
    assert.deepEqual((await putMembers(uuid, [{ uuid: FAKE_UUID }])).json(), [
      `Input Error - field 'users': User was not found ('uuid': '${FAKE_UUID}')`,
    ]);
    assert.deepEqual((await call('PUT', `/switchboards/${uuid}/members/users`, 'admin1', {})).json(), [
      "Input Error - users: ['Missing data for required field.']",
    ]);
    assert.deepEqual(
      (await putMembers('uuid-not-found', [{ uuid: ann.uuid }])).json(),
      notFound('uuid-not-found'),
    );
    assert.deepEqual(await outboxNames(database), before);
    assert.deepEqual((await read(uuid)).members, { users: [] });
  });

  it('when operators are set, then both sides show them, the event names them for each', async () => {
    const sb1 = await create({ name: 'first' });
    const sb2 = await create({ name: 'second' });
    const [u1, u2] = [await user(), await user()];
    const from = await lastOutboxId(database);
    assert.equal((await putMembers(sb1.uuid, [{ uuid: u1.uuid }, { uuid: u2.uuid }])).statusCode, 204);
    assert.equal((await putMembers(sb2.uuid, [{ uuid: u1.uuid }, { uuid: u1.uuid }])).statusCode, 204);
    const linkOf = (u: { uuid: string }) => [{ rel: 'users', href: `${HREF}/users/${u.uuid}` }];
    assert.deepEqual((await read(sb1.uuid)).members.users, [
      { uuid: u1.uuid, firstname: 'Op', lastname: u1.lastname, links: linkOf(u1) },
      { uuid: u2.uuid, firstname: 'Op', lastname: u2.lastname, links: linkOf(u2) },
    ]);
    assert.deepEqual((await read(sb2.uuid)).members.users.length, 1);
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data],
      [
        'switchboard_member_user_associated',
        `config.switchboards.${sb1.uuid}.members.users.updated`,
        { switchboard_uuid: sb1.uuid, users: [{ uuid: u1.uuid }, { uuid: u2.uuid }] },
      ],
    );
    assert.deepEqual(
      [
        event?.headers.tenant_uuid,
        event?.headers.switchboard_uuid,
        event?.headers[`user_uuid:${u1.uuid}`],
        event?.headers[`user_uuid:${u2.uuid}`],
        event?.headers['user_uuid:*'],
      ],
      [tenant1, sb1.uuid, true, true, undefined],
    );
    const userRead = (await call('GET', `/users/${u1.uuid}`, 'admin1')).json();
    assert.deepEqual(userRead.switchboards, [
      {
        uuid: sb1.uuid,
        name: 'first',
        links: [{ rel: 'switchboards', href: `${HREF}/switchboards/${sb1.uuid}` }],
      },
      {
        uuid: sb2.uuid,
        name: 'second',
        links: [{ rel: 'switchboards', href: `${HREF}/switchboards/${sb2.uuid}` }],
      },
    ]);
    assert.equal((await putMembers(sb1.uuid, [{ uuid: u2.uuid }])).statusCode, 204);
    assert.deepEqual(
      (await read(sb1.uuid)).members.users.map((u: { uuid: string }) => u.uuid),
      [u2.uuid],
    );
    assert.equal((await putMembers(sb1.uuid, [])).statusCode, 204);
    assert.deepEqual((await read(sb1.uuid)).members, { users: [] });
  });

  it('when tenants differ, then 404 for a hidden switchboard, a hidden user not found, and different tenants', async () => {
    const main = await create({ name: 'main' });
    const sub = await create({ name: 'sub' }, 'admin1', child1);
    const [mainUser, subUser] = [await user(tenant1), await user(child1)];
    const before = await outboxNames(database);
    assert.deepEqual(
      (await putMembers(main.uuid, [{ uuid: subUser.uuid }], 'admin1', child1)).json(),
      notFound(main.uuid),
    );
    assert.deepEqual((await putMembers(sub.uuid, [{ uuid: mainUser.uuid }], 'admin1', child1)).json(), [
      `Input Error - field 'users': User was not found ('uuid': '${mainUser.uuid}')`,
    ]);
    assert.deepEqual((await putMembers(sub.uuid, [{ uuid: mainUser.uuid }])).json(), [
      `Resource Error - different tenants ('switchboard_tenant_uuid': '${child1}', 'user_tenant_uuid': '${tenant1}')`,
    ]);
    assert.equal((await putMembers(main.uuid, [], 'admin2')).statusCode, 404);
    assert.deepEqual(await outboxNames(database), before);
    assert.equal((await putMembers(sub.uuid, [{ uuid: subUser.uuid }])).statusCode, 204);
  });

  it('when a user or a switchboard is deleted, then the membership goes with it', async () => {
    const [sb1, sb2] = [await create({ name: 'a' }), await create({ name: 'b' })];
    const [u1, u2] = [await user(), await user()];
    await putMembers(sb1.uuid, [{ uuid: u1.uuid }, { uuid: u2.uuid }]);
    await putMembers(sb2.uuid, [{ uuid: u2.uuid }]);
    assert.equal((await call('DELETE', `/users/${u1.uuid}`, 'admin1')).statusCode, 204);
    assert.deepEqual(
      (await read(sb1.uuid)).members.users.map((u: { uuid: string }) => u.uuid),
      [u2.uuid],
    );
    assert.equal((await call('DELETE', `/switchboards/${sb1.uuid}`, 'admin1')).statusCode, 204);
    const userRead = (await call('GET', `/users/${u2.uuid}`, 'admin1')).json();
    assert.deepEqual(
      userRead.switchboards.map((s: { uuid: string }) => s.uuid),
      [sb2.uuid],
    );
  });
});

describe('switchboard fallbacks and switchboards as destinations', () => {
  it('when read first, then none; when put, then kept, shown on the switchboard, switchboard_fallback_edited', async () => {
    const { uuid } = await create({ name: 'fallbacks' });
    const url = `/switchboards/${uuid}/fallbacks`;
    assert.deepEqual((await call('GET', url, 'admin1')).json(), { noanswer_destination: null });
    const from = await lastOutboxId(database);
    assert.equal(
      (await call('PUT', url, 'admin1', { noanswer_destination: { type: 'none' } })).statusCode,
      204,
    );
    assert.deepEqual((await call('GET', url, 'admin1')).json(), { noanswer_destination: { type: 'none' } });
    assert.deepEqual((await read(uuid)).fallbacks, { noanswer_destination: { type: 'none' } });
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [
        event?.name,
        event?.routing_key,
        event?.data,
        event?.headers.tenant_uuid,
        event?.headers.switchboard_uuid,
      ],
      [
        'switchboard_fallback_edited',
        'config.switchboards.fallbacks.edited',
        { noanswer_destination: null },
        tenant1,
        uuid,
      ],
    );
    const ann = await user();
    const res = await call('PUT', url, 'admin1', {
      noanswer_destination: { type: 'user', user_id: ann.id, ring_time: 5 },
    });
    assert.equal(res.statusCode, 204, res.body);
    assert.deepEqual((await call('GET', url, 'admin1')).json().noanswer_destination, {
      type: 'user',
      user_id: ann.id,
      ring_time: 5,
      user_firstname: 'Op',
      user_lastname: ann.lastname,
    });
    assert.equal((await call('PUT', url, 'admin1', { noanswer_destination: null })).statusCode, 204);
    assert.deepEqual((await call('GET', url, 'admin1')).json(), { noanswer_destination: null });
    await call('PUT', url, 'admin1', { noanswer_destination: { type: 'none' } });
    assert.equal((await call('PUT', url, 'admin1', {})).statusCode, 204);
    assert.deepEqual((await call('GET', url, 'admin1')).json(), { noanswer_destination: null });
  });

  it('when the destination is wrong, unknown, of another tenant, or the switchboard hidden, then refused and nothing changes', async () => {
    const { uuid } = await create({ name: 'bad fallbacks' });
    const url = `/switchboards/${uuid}/fallbacks`;
    await call('PUT', url, 'admin1', { noanswer_destination: { type: 'none' } });
    const foreign = await user(tenant2);
    const otherSwitchboard = await create({ name: 'elsewhere' }, 'admin2');
    const before = await outboxNames(database);
    for (const destination of [
      'string',
      { type: 'invalid' },
      { type: 'user' },
      { type: 'switchboard', switchboard_uuid: 'not-a-uuid' },
    ]) {
      const res = await call('PUT', url, 'admin1', { noanswer_destination: destination });
      assert.equal(res.statusCode, 400, JSON.stringify(destination));
    }
    assert.deepEqual(
      (
        await call('PUT', url, 'admin1', { noanswer_destination: { type: 'user', user_id: foreign.id } })
      ).json(),
      [`Input Error - field 'actionarg1': User was not found ('actionarg1': ${foreign.id})`],
    );
    assert.deepEqual(
      (
        await call('PUT', url, 'admin1', {
          noanswer_destination: { type: 'switchboard', switchboard_uuid: otherSwitchboard.uuid },
        })
      ).json(),
      [
        `Input Error - field 'actionarg1': Switchboard was not found ('actionarg1': '${otherSwitchboard.uuid}')`,
      ],
    );
    assert.equal((await call('PUT', url, 'admin2', { noanswer_destination: null })).statusCode, 404);
    assert.deepEqual(
      (await call('GET', `/switchboards/${FAKE_UUID}/fallbacks`, 'admin1')).json(),
      notFound(FAKE_UUID),
    );
    assert.equal((await call('PUT', url, 'admin1')).statusCode, 400);
    assert.deepEqual(await outboxNames(database), before);
    assert.deepEqual((await call('GET', url, 'admin1')).json(), { noanswer_destination: { type: 'none' } });
  });

  it('when a switchboard is a destination, then named, renamed with it, and dropped when it is deleted', async () => {
    const target = await create({ name: 'operators' });
    const owner = await create({ name: 'overflow' });
    const ann = await user();
    const destination = { type: 'switchboard', switchboard_uuid: target.uuid, ring_time: 10 };
    assert.equal(
      (
        await call('PUT', `/switchboards/${owner.uuid}/fallbacks`, 'admin1', {
          noanswer_destination: destination,
        })
      ).statusCode,
      204,
    );
    assert.equal(
      (await call('PUT', `/users/${ann.uuid}/fallbacks`, 'admin1', { busy_destination: destination }))
        .statusCode,
      204,
    );
    assert.deepEqual((await read(owner.uuid)).fallbacks.noanswer_destination, {
      ...destination,
      switchboard_name: 'operators',
    });
    await call('PUT', `/switchboards/${target.uuid}`, 'admin1', { name: 'renamed' });
    assert.equal(
      (await call('GET', `/users/${ann.uuid}/fallbacks`, 'admin1')).json().busy_destination.switchboard_name,
      'renamed',
    );
    assert.equal((await call('DELETE', `/switchboards/${target.uuid}`, 'admin1')).statusCode, 204);
    assert.deepEqual((await read(owner.uuid)).fallbacks, { noanswer_destination: null });
    assert.equal((await call('GET', `/users/${ann.uuid}/fallbacks`, 'admin1')).json().busy_destination, null);
    assert.equal((await call('DELETE', `/switchboards/${owner.uuid}`, 'admin1')).statusCode, 204);
    assert.equal(
      await rowCount(database, `switchboard_fallback WHERE switchboard_uuid = '${owner.uuid}'`),
      0,
    );
  });
});

describe("a user's switchboards through the user's own routes", () => {
  it('when a user is created with switchboards, then it joins their operators, each with its event', async () => {
    const sb1 = await create({ name: 'joined' });
    const sb2 = await create({ name: 'also joined' });
    const ann = await user();
    await putMembers(sb1.uuid, [{ uuid: ann.uuid }]);
    const from = await lastOutboxId(database);
    const res = await call('POST', '/users', 'admin1', {
      firstname: 'Bob',
      switchboards: [{ uuid: sb1.uuid }, { uuid: sb2.uuid }],
    });
    assert.equal(res.statusCode, 201, res.body);
    const bob = res.json();
    // By name: 'also joined' before 'joined'.
    assert.deepEqual(
      bob.switchboards.map((s: { uuid: string }) => s.uuid),
      [sb2.uuid, sb1.uuid],
    );
    assert.deepEqual(
      (await read(sb1.uuid)).members.users.map((u: { uuid: string }) => u.uuid),
      [ann.uuid, bob.uuid],
    );
    const events = (await sentSince(database, from)).filter(
      (e) => e.name === 'switchboard_member_user_associated',
    );
    assert.deepEqual(
      events.map((e) => e.data),
      [
        { switchboard_uuid: sb1.uuid, users: [{ uuid: ann.uuid }, { uuid: bob.uuid }] },
        { switchboard_uuid: sb2.uuid, users: [{ uuid: bob.uuid }] },
      ],
    );
  });

  it('when a user is created with an unknown switchboard, then 404 and no user', async () => {
    const users = await rowCount(database, 'users');
    const res = await call('POST', '/users', 'admin1', {
      firstname: 'Nobody',
      switchboards: [{ uuid: FAKE_UUID }],
    });
    assert.deepEqual([res.statusCode, res.json()], [404, notFound(FAKE_UUID)]);
    assert.equal(await rowCount(database, 'users'), users);
  });

  it('when a user is deleted recursively, then each of its switchboards keeps the others, with its event', async () => {
    const sb = await create({ name: 'team' });
    const [ann, bob] = [await user(), await user()];
    await putMembers(sb.uuid, [{ uuid: ann.uuid }, { uuid: bob.uuid }]);
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/users/${ann.uuid}?recursive=true`, 'admin1')).statusCode, 204);
    assert.deepEqual(
      (await read(sb.uuid)).members.users.map((u: { uuid: string }) => u.uuid),
      [bob.uuid],
    );
    const sent = await sentSince(database, from);
    assert.deepEqual(
      sent.filter((e) => e.name === 'switchboard_member_user_associated').map((e) => e.data),
      [{ switchboard_uuid: sb.uuid, users: [{ uuid: bob.uuid }] }],
    );
  });
});
