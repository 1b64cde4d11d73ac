/**
 * wazo-confd's test_pagings and test_paging_user checklists on a real PostgreSQL: required
 * number (digits, unique across tenants), Wazo's defaults, every field, field errors changing
 * nothing, search, sort and paging, tenants; members and callers replaced in order with their
 * events, refused when foreign or twice, gone with their user; paging function keys.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { userFuncKeysPlugin } from '../funckeys/index.js';
import { caller, lastOutboxId, outboxNames, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/index.js';
import { pagingsPlugin, pagingUsersPlugin } from './pagings.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();
const FAKE_UUID = '99999999-9999-9999-9999-999999999999';

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_pagings' });
  api = await buildTestApi(database, [
    answerLinksPlugin,
    pagingsPlugin,
    pagingUsersPlugin,
    usersPlugin,
    userFuncKeysPlugin,
  ]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  for (const tenant of [tenant1, child1, tenant2]) await api.resources.services.tenants.ensure(tenant);
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

let count = 100;
const create = async (body: object = {}, token = 'admin1', tenant?: string) => {
  count += 1;
  const res = await call('POST', '/pagings', token, { number: String(count), ...body }, tenant);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};
const read = async (id: number) => (await call('GET', `/pagings/${id}`, 'admin1')).json();
const user = async (tenant = tenant1, firstname = 'Ann') =>
  (await call('POST', '/users', 'admin1', { firstname, lastname: 'L' }, tenant)).json();
const userLink = (uuid: string) => [{ rel: 'users', href: `http://localhost:80/1.1/users/${uuid}` }];

describe('pagings', () => {
  it('when created with a number, then Wazo defaults, a Location and paging_created; every field kept', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/pagings', 'admin1', { number: '1234' });
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.deepEqual(created, {
      id: created.id,
      tenant_uuid: tenant1,
      number: '1234',
      name: null,
      announce_caller: true,
      announce_sound: null,
      caller_notification: true,
      duplex: false,
      ignore_forward: false,
      record: false,
      enabled: true,
      members: { users: [] },
      callers: { users: [] },
      links: [{ rel: 'pagings', href: `http://localhost:80/1.1/pagings/${created.id}` }],
    });
    assert.equal(res.headers.location, `http://localhost:80/1.1/pagings/${created.id}`);
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data, event?.headers.tenant_uuid],
      ['paging_created', 'config.pagings.created', { id: created.id }, tenant1],
    );
    const all = {
      number: '4321',
      name: 'Everyone',
      announce_caller: false,
      announce_sound: 'beep',
      caller_notification: false,
      duplex: true,
      ignore_forward: true,
      record: true,
      enabled: false,
    };
    assert.deepEqual(
      { ...(await create(all)), id: 0, links: [] },
      {
        ...all,
        id: 0,
        links: [],
        tenant_uuid: tenant1,
        members: { users: [] },
        callers: { users: [] },
      },
    );
    const edited = await call('PUT', `/pagings/${created.id}`, 'admin1', { name: 'renamed', duplex: true });
    assert.equal(edited.statusCode, 204);
    assert.deepEqual(
      [(await read(created.id)).name, (await read(created.id)).duplex, (await read(created.id)).number],
      ['renamed', true, '1234'],
    );
    assert.equal((await call('PUT', `/pagings/${created.id}`, 'admin1', {})).statusCode, 204);
  });

  it("when a field is wrong or the number taken, then Wazo's words and nothing is written", async () => {
    const taken = await create({ number: '555' });
    await create({ number: '556' }, 'admin2');
    const before = await rowCount(database, 'paging');
    const cases: [object, string][] = [
      [{ number: true }, "Input Error - number: ['Not a valid string.']"],
      [{ number: 123 }, "Input Error - number: ['Not a valid string.']"],
      [{ number: 'invalid' }, "Input Error - number: ['Invalid input.']"],
      [{ number: '1'.repeat(33) }, "Input Error - number: ['Longer than maximum length 32.']"],
      [{ name: 1234 }, "Input Error - name: ['Not a valid string.']"],
      [{ name: 'x'.repeat(129) }, "Input Error - name: ['Longer than maximum length 128.']"],
      [{ announce_caller: null }, "Input Error - announce_caller: ['Field may not be null.']"],
      [{ announce_sound: 1234 }, "Input Error - announce_sound: ['Not a valid string.']"],
      [{ duplex: 'invalid' }, "Input Error - duplex: ['Not a valid boolean.']"],
      [{ ignore_forward: [] }, "Input Error - ignore_forward: ['Not a valid boolean.']"],
      [{ record: {} }, "Input Error - record: ['Not a valid boolean.']"],
      [{ enabled: null }, "Input Error - enabled: ['Field may not be null.']"],
      [{ number: '555' }, "Resource Error - Paging already exists ('number': '555')"],
      [{ number: '556' }, "Resource Error - Paging already exists ('number': '556')"],
    ];
    assert.deepEqual((await call('POST', '/pagings', 'admin1', {})).json(), [
      "Input Error - number: ['Missing data for required field.']",
    ]);
    for (const [body, message] of cases) {
      const res = await call('POST', '/pagings', 'admin1', { number: '9999', ...body });
      assert.deepEqual(res.json(), [message], JSON.stringify(body));
    }
    const other = await create();
    const events = await outboxNames(database);
    for (const [body, message] of cases) {
      const res = await call('PUT', `/pagings/${other.id}`, 'admin1', body);
      assert.deepEqual(res.json(), [message], `PUT ${JSON.stringify(body)}`);
    }
    assert.equal((await call('PUT', `/pagings/${taken.id}`, 'admin1', { number: '555' })).statusCode, 204);
    assert.deepEqual((await outboxNames(database)).slice(0, events.length), events);
    assert.equal(await rowCount(database, 'paging'), before + 1);
  });

  it('when listed, then searched, filtered, sorted, paged; tenants apart; deleted with paging_deleted', async () => {
    await create({ name: 'search', number: '7001', announce_sound: 'search' });
    await create({ name: 'hidden', number: '7002', announce_sound: 'hidden' });
    const names = async (query: string, token = 'admin1') =>
      (await call('GET', `/pagings?${query}`, token)).json().items.map((i: { name: string }) => i.name);
    assert.deepEqual(await names('search=search'), ['search']);
    assert.deepEqual(await names('number=7002'), ['hidden']);
    assert.deepEqual(await names('announce_sound=search'), ['search']);
    assert.deepEqual(await names('search=700&order=number&direction=desc'), ['hidden', 'search']);
    assert.deepEqual(await names('search=700&limit=1&offset=1'), ['search']);
    const sub = await create({ name: 'sub' }, 'admin1', child1);
    assert.ok(!(await names('')).includes('sub') && (await names('recurse=true')).includes('sub'));
    assert.ok(!(await names('', 'admin2')).includes('search'));
    const message = [`Resource Not Found - Paging was not found ('id': ${sub.id})`];
    assert.deepEqual((await call('GET', `/pagings/${sub.id}`, 'admin2')).json(), message);
    assert.deepEqual((await call('PUT', `/pagings/${sub.id}`, 'admin2', {})).json(), message);
    assert.deepEqual((await call('DELETE', `/pagings/${sub.id}`, 'admin2')).json(), message);
    assert.equal((await call('GET', '/pagings/abc', 'admin1')).statusCode, 404);
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/pagings/${sub.id}`, 'admin1')).statusCode, 204);
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.routing_key, e.data, e.headers.tenant_uuid]),
      [['paging_deleted', 'config.pagings.deleted', { id: sub.id }, child1]],
    );
    assert.equal((await call('GET', `/pagings/${sub.id}`, 'admin1')).statusCode, 404);
  });
});

describe('paging users', () => {
  it('when members and callers are set, then shown in order with their events, and replaced', async () => {
    const paging = await create();
    const [u1, u2, u3] = [await user(), await user(), await user()];
    const put = (side: string, users: { uuid: string }[]) =>
      call('PUT', `/pagings/${paging.id}/${side}/users`, 'admin1', { users });
    const from = await lastOutboxId(database);
    assert.equal(
      (
        await put(
          'members',
          [u3, u1].map((u) => ({ uuid: u.uuid })),
        )
      ).statusCode,
      204,
    );
    assert.equal((await put('callers', [{ uuid: u2.uuid }])).statusCode, 204);
    const shown = await read(paging.id);
    assert.deepEqual(shown.members.users, [
      { uuid: u3.uuid, firstname: 'Ann', lastname: 'L', links: userLink(u3.uuid) },
      { uuid: u1.uuid, firstname: 'Ann', lastname: 'L', links: userLink(u1.uuid) },
    ]);
    assert.deepEqual(
      shown.callers.users.map((u: { uuid: string }) => u.uuid),
      [u2.uuid],
    );
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.routing_key, e.data, e.headers.tenant_uuid]),
      [
        [
          'paging_member_users_associated',
          'config.pagings.members.users.updated',
          { paging_id: paging.id, user_uuids: [u3.uuid, u1.uuid] },
          tenant1,
        ],
        [
          'paging_caller_users_associated',
          'config.pagings.callers.users.updated',
          { paging_id: paging.id, user_uuids: [u2.uuid] },
          tenant1,
        ],
      ],
    );
    assert.equal((await put('members', [{ uuid: u2.uuid }])).statusCode, 204);
    assert.deepEqual(
      (await read(paging.id)).members.users.map((u: { uuid: string }) => u.uuid),
      [u2.uuid],
    );
    assert.equal((await call('DELETE', `/users/${u2.uuid}`, 'admin1')).statusCode, 204);
    const after = await read(paging.id);
    assert.deepEqual([after.members, after.callers], [{ users: [] }, { users: [] }]);
    assert.equal((await put('callers', [])).statusCode, 204);
  });

  it('when a user is unknown, foreign or twice, or the body wrong, then refused and nothing changes', async () => {
    const paging = await create();
    const sub = await create({}, 'admin1', child1);
    const [mine, subUser] = [await user(), await user(child1)];
    const events = await outboxNames(database);
    for (const side of ['members', 'callers']) {
      const put = (id: number, users: unknown, tenant?: string) =>
        call('PUT', `/pagings/${id}/${side}/users`, 'admin1', { users }, tenant);
      assert.deepEqual((await put(paging.id, [{ uuid: FAKE_UUID }])).json(), [
        `Input Error - field 'users': User was not found ('uuid': '${FAKE_UUID}')`,
      ]);
      assert.deepEqual((await put(paging.id, [{ uuid: mine.uuid }, { uuid: mine.uuid }])).json(), [
        'Resource Error - Operation not permitted. Cannot associate same user more than once',
      ]);
      assert.deepEqual((await put(paging.id, [{ uuid: subUser.uuid }])).json(), [
        `Resource Error - different tenants ('paging_tenant_uuid': '${tenant1}', 'user_tenant_uuid': '${child1}')`,
      ]);
      assert.deepEqual((await put(sub.id, [{ uuid: mine.uuid }], child1)).json(), [
        `Input Error - field 'users': User was not found ('uuid': '${mine.uuid}')`,
      ]);
      assert.deepEqual((await put(paging.id, [], child1)).json(), [
        `Resource Not Found - Paging was not found ('id': ${paging.id})`,
      ]);
      for (const bad of [null, 'x', [null], [{}]]) {
        assert.match((await put(paging.id, bad)).json()[0], /^Input Error - users/, JSON.stringify(bad));
      }
    }
    assert.deepEqual(await outboxNames(database), events);
    assert.deepEqual((await read(paging.id)).members, { users: [] });
  });

  it('when a paging key is set, then the paging must exist in the tenant; it goes with the paging', async () => {
    const paging = await create();
    const foreign = await create({}, 'admin2');
    const ann = await user();
    const key = `/users/${ann.id}/funckeys/1`;
    assert.deepEqual(
      (await call('PUT', key, 'admin1', { destination: { type: 'paging', paging_id: foreign.id } })).json(),
      [`Input Error - field 'paging_id': Paging was not found ('paging_id': ${foreign.id})`],
    );
    assert.equal(
      (await call('PUT', key, 'admin1', { destination: { type: 'paging', paging_id: paging.id } }))
        .statusCode,
      204,
    );
    assert.equal((await call('DELETE', `/pagings/${paging.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', key, 'admin1')).statusCode, 404);
  });
});
