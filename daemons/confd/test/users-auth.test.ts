/**
 * `POST /users` with `auth` and relations, and `DELETE /users/{id}?recursive=true`, on a real
 * PostgreSQL and a REAL wazo-auth: the created user logs in with the same uuid; bad relations,
 * a login wazo-auth refuses, or wazo-auth away change nothing in either daemon; a commit that
 * fails after wazo-auth created its user deletes it again; tenants stay apart.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { postToken } from '@wazo-ts/auth/testing';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { type AuthUsersClient, createAuthUsersClient } from '../src/common/auth-users.js';
import { caller, outboxNames, rowCount } from '../src/testing/route-calls.js';
import { buildTestApi, fixedServiceToken, type TestApi } from '../src/testing/test-app.js';
import { usersPlugin } from '../src/users/index.js';
import { type AuthWorld, authClientConfigOf, startAuthWorld } from './support/auth-world.js';

let world: AuthWorld;
let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
let realClient: AuthUsersClient;
/** What confd's routes use: the real client unless a test swaps it. */
let client: Pick<AuthUsersClient, 'create' | 'delete'>;
let tenant1: string;
let tenant2: string;
const ctx: { t1: string; t2: string } = { t1: '', t2: '' };
const group: { t1: string; t2: string } = { t1: '', t2: '' };

const login = () => `user-${randomBytes(4).toString('hex')}`;
let nextExten = 1200;
/** A number of the user range no earlier test took. */
const freshExten = () => String(nextExten++);

before(async () => {
  world = await startAuthWorld();
  tenant1 = await world.newTenant();
  tenant2 = await world.newTenant();
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_users_auth' });
  realClient = createAuthUsersClient(world.authConfig);
  client = realClient;
  api = await buildTestApi(database, [usersPlugin], {
    authUsers: {
      create: (...args) => client.create(...args),
      delete: (...args) => client.delete(...args),
      close: () => undefined,
    },
    serviceToken: fixedServiceToken(world.serviceToken, world.auth.masterTenantUuid),
  });
  call = caller(api);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  const { tenants, contexts, groups } = api.resources.services;
  for (const [key, tenant] of [
    ['t1', tenant1],
    ['t2', tenant2],
  ] as const) {
    await tenants.ensure(tenant);
    const range = { user_ranges: [{ start: '1000', end: '1999' }] };
    ctx[key] = (await contexts.create(scopeOf(tenant), tenant, { label: 'Internal', ...range })).name;
    group[key] = (await groups.create(scopeOf(tenant), tenant, { label: 'sales' })).uuid;
  }
});
after(async () => {
  await api?.app.close();
  realClient?.close();
  await database?.drop();
  await world?.auth.stop();
});

/** Rows of every table a user create may touch, and wazo-auth's user count. */
async function footprint() {
  const tables = [
    'users',
    'line',
    'extension',
    'user_line',
    'line_extension',
    'group_member_users',
    'agent',
    'user_agent',
    'incall',
    'incall_extension',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await rowCount(database, table);
  const { rows } = await world.auth.database.pool.query('SELECT count(*) AS n FROM auth_user');
  return { ...counts, auth_user: Number(rows[0].n), outbox: (await outboxNames(database)).length };
}

function fullUser(username: string, context = ctx.t1, groupUuid = group.t1, exten = freshExten()) {
  return {
    firstname: 'Alice',
    lastname: 'Liddell',
    email: `${username}@example.com`,
    auth: { username, password: 'secret-pw' },
    lines: [{ context, endpoint_sip: {}, extensions: [{ exten, context }] }],
    groups: [{ uuid: groupUuid }],
    forwards: { busy: { enabled: true, destination: '2000' } },
  };
}

describe('POST /users with auth and relations', () => {
  let created: {
    id: number;
    uuid: string;
    tenant_uuid: string;
    auth: { uuid: string; username: string };
    lines: { id: number; extensions: { exten: string }[]; endpoint_sip: unknown }[];
    groups: { uuid: string }[];
    forwards: Record<string, unknown>;
  };
  let username: string;

  it('when all is valid, then 201 with the relations and the wazo-auth user shares the uuid', async () => {
    username = login();
    const before = (await outboxNames(database)).length;
    const res = await call('POST', '/users', 'admin1', fullUser(username, ctx.t1, group.t1, '1001'));
    assert.equal(res.statusCode, 201, res.body);
    created = res.json();
    assert.equal(res.headers.location, `http://localhost:80/1.1/users/${created.id}`);
    assert.equal(created.tenant_uuid, tenant1);
    assert.equal(created.auth.uuid, created.uuid);
    assert.equal(created.auth.username, username);
    assert.equal(created.lines.length, 1);
    assert.deepEqual(
      created.lines[0]?.extensions.map((e: { exten: string }) => e.exten),
      ['1001'],
    );
    assert.ok(created.lines[0]?.endpoint_sip);
    assert.deepEqual(
      created.groups.map((g: { uuid: string }) => g.uuid),
      [group.t1],
    );
    assert.deepEqual(created.forwards.busy, { enabled: true, destination: '2000' });
    assert.deepEqual((await outboxNames(database)).slice(before), [
      'user_created',
      // The endpoint is made and linked before the line is announced (docs/compatibility.md).
      'sip_endpoint_created',
      'line_endpoint_sip_associated',
      'line_created',
      'extension_created',
      'line_extension_associated',
      'user_line_associated',
      'user_groups_associated',
      'users_forwards_busy_updated',
      'users_forwards_noanswer_updated',
      'users_forwards_unconditional_updated',
    ]);
  });

  it('when the new user logs in at wazo-auth, then its token carries the same uuid and tenant', async () => {
    const token = await postToken(world.auth.api, username, 'secret-pw');
    assert.equal(token.metadata.uuid, created.uuid);
    assert.equal(token.metadata.tenant_uuid, tenant1);
  });

  it('when read back, then GET answers the same relations', async () => {
    const res = await call('GET', `/users/${created.uuid}`, 'admin1');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().lines[0].id, created.lines[0]?.id);
    assert.equal(res.json().groups[0].uuid, group.t1);
  });

  it('when auth is given empty, then its fields come from the user, the login from the e-mail', async () => {
    const email = `${login()}@example.com`;
    const res = await call('POST', '/users', 'admin1', { firstname: 'Bob', email, auth: {} });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().auth.username, email);
    assert.equal(res.json().auth.firstname, 'Bob');
    assert.equal(await world.authUserStatus(res.json().uuid), 200);
  });
});

describe('POST /users that must change nothing', () => {
  const refused = async (body: unknown, status: number, token = 'admin1') => {
    const before = await footprint();
    const res = await call('POST', '/users', token, body);
    assert.equal(res.statusCode, status, res.body);
    assert.ok(Array.isArray(res.json()) && typeof res.json()[0] === 'string', res.body);
    assert.deepEqual(await footprint(), before);
    return res.json() as string[];
  };

  it('when a line names an unknown context, then 400 and nothing in confd nor wazo-auth', async () => {
    const [message] = await refused(fullUser(login(), 'nowhere'), 400);
    assert.match(message as string, /Context was not found/);
  });

  it('when a group is unknown or malformed, then 400 and nothing anywhere', async () => {
    const body = fullUser(login());
    await refused({ ...body, groups: [{ uuid: '8e4b5b4a-0000-4000-8000-000000000000' }] }, 400);
    const [message] = await refused({ ...body, groups: [{ name: 'x' }] }, 400);
    assert.match(message as string, /^Input Error - groups: /);
  });

  it("when the line or group is another tenant's, then refused and nothing anywhere", async () => {
    await refused(fullUser(login(), ctx.t2), 400);
    await refused(fullUser(login(), ctx.t1, group.t2), 400);
  });

  it('when an extension is outside the context range, then 400 and nothing anywhere', async () => {
    await refused(fullUser(login(), ctx.t1, group.t1, '9999'), 400);
  });

  it('when wazo-auth already has the login, then confd says so and keeps nothing', async () => {
    const taken = await world.auth.seedUser({ username: login() });
    const [message] = await refused(fullUser(taken.username), 400);
    assert.equal(message, `Resource Error - User already exists ('username': '${taken.username}')`);
  });

  it('when the agent, an incall or a device is wrong, then refused and nothing anywhere', async () => {
    // No number given, none on a first line to take it from.
    const [noNumber] = await refused({ firstname: 'Eve', agent: {} }, 400);
    assert.equal(noNumber, "Input Error - agent: {'number': ['Missing data for required field.']}");
    const [notIncall] = await refused(
      { ...fullUser(login()), incalls: [{ extensions: [{ exten: '1777', context: ctx.t1 }] }] },
      400,
    );
    assert.equal(notIncall, "Input Error - Context associated to the extension is not of type 'incall'");
    const [noExtension] = await refused(
      { ...fullUser(login()), incalls: [{ extensions: [{ id: 987654 }] }] },
      400,
    );
    assert.equal(noExtension, 'Input Error - Extension not found');
    const device = { ...fullUser(login()), lines: [{ context: ctx.t1, endpoint_sip: {}, device_id: 'abc' }] };
    await refused(device, 404);
  });

  it('when wazo-auth is unreachable, then 503 in confd format and nothing anywhere', async () => {
    const away = createAuthUsersClient(authClientConfigOf('http://127.0.0.1:9'));
    client = away;
    try {
      const [message] = await refused(fullUser(login()), 503);
      assert.equal(message, 'Authentication server unreachable');
    } finally {
      client = realClient;
      away.close();
    }
  });

  it('when the commit fails after wazo-auth created the user, then that user is deleted again', async () => {
    const username = login();
    const { services } = api.resources;
    const transaction = services.transaction;
    // A failure after the work (as a failing COMMIT would be): the rows roll back.
    services.transaction = (work) =>
      transaction(async () => {
        await work();
        throw new Error('commit failed');
      });
    try {
      const before = await footprint();
      const res = await call('POST', '/users', 'admin1', fullUser(username));
      assert.equal(res.statusCode, 500);
      assert.deepEqual(await footprint(), before);
      assert.equal(await world.authUsersNamed(username), 0);
    } finally {
      services.transaction = transaction;
    }
  });
});

describe('DELETE /users/{id}', () => {
  const create = async (token = 'admin1', exten = '1100') => {
    const res = await call('POST', '/users', token, fullUser(login(), ctx.t1, group.t1, exten));
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: number; uuid: string; lines: { id: number }[] };
  };

  it('when recursive, then its line, extension, memberships and wazo-auth user go too', async () => {
    const user = await create();
    const before = (await outboxNames(database)).length;
    const res = await call('DELETE', `/users/${user.uuid}?recursive=true`, 'admin1');
    assert.equal(res.statusCode, 204, res.body);
    const line = await database.pool.query('SELECT 1 FROM line WHERE id = $1', [user.lines[0]!.id]);
    assert.equal(line.rowCount, 0);
    const ext = await database.pool.query("SELECT 1 FROM extension WHERE exten = '1100'");
    assert.equal(ext.rowCount, 0);
    assert.equal((await call('GET', `/users/${user.uuid}`, 'admin1')).statusCode, 404);
    assert.equal(await world.authUserStatus(user.uuid), 404);
    assert.deepEqual((await outboxNames(database)).slice(before), [
      'user_groups_associated',
      // The user leaves its line first; the line, left without users, goes with its extension.
      'user_line_dissociated',
      'line_extension_dissociated',
      // The line's SIP endpoint goes with it.
      'sip_endpoint_deleted',
      'line_deleted',
      'extension_deleted',
      'user_deleted',
    ]);
  });

  it('when recursive on a user without a wazo-auth user, then 204 all the same', async () => {
    const res = await call('POST', '/users', 'admin1', { firstname: 'NoLogin' });
    const del = await call('DELETE', `/users/${res.json().uuid}?recursive=true`, 'admin1');
    assert.equal(del.statusCode, 204, del.body);
  });

  it('when not recursive, then the wazo-auth user and the line stay', async () => {
    const user = await create('admin1', '1101');
    assert.equal((await call('DELETE', `/users/${user.id}`, 'admin1')).statusCode, 204);
    assert.equal(await world.authUserStatus(user.uuid), 200);
    const line = await database.pool.query('SELECT 1 FROM line WHERE id = $1', [user.lines[0]!.id]);
    assert.equal(line.rowCount, 1);
  });

  it('when another tenant deletes recursively, then 404 and nothing changes in either daemon', async () => {
    const user = await create('admin1', '1102');
    const before = await footprint();
    const res = await call('DELETE', `/users/${user.uuid}?recursive=true`, 'admin2');
    assert.equal(res.statusCode, 404);
    assert.deepEqual(res.json(), [`Resource Not Found - User was not found ('uuid': '${user.uuid}')`]);
    assert.deepEqual(await footprint(), before);
    assert.equal(await world.authUserStatus(user.uuid), 200);
  });
});

describe('POST /users with an agent, incalls and a line on a device', () => {
  it("when given, then the agent is the user's, its number the line's, the incall numbers send calls to the user, and the device holds the line", async () => {
    const scope = scopeOf(tenant1);
    const { contexts, devices, extensions, incalls } = api.resources.services;
    const incoming = await contexts.create(scope, tenant1, {
      label: 'From the provider',
      type: 'incall',
      incall_ranges: [{ start: '0100', end: '0199', did_length: 4 }],
    });
    const device = await devices.create(tenant1, { mac: '00:11:22:33:44:55' });
    // An incall number already routing nowhere: the user's incall takes it over.
    const taken = await extensions.create(scope, { exten: '0150', context: incoming.name });
    const nowhere = await incalls.create(scope, tenant1, { destination: { type: 'none' } });
    await incalls.associateExtension(scope, nowhere.id, taken.id);
    const exten = freshExten();
    const res = await call('POST', '/users', 'admin1', {
      firstname: 'Ada',
      lastname: 'Agent',
      lines: [
        { context: ctx.t1, endpoint_sip: {}, extensions: [{ exten, context: ctx.t1 }], device_id: device.id },
      ],
      agent: { language: 'fr_FR' },
      incalls: [
        // 0999 is outside every incall range: the context gets a range of that one number.
        { extensions: [{ exten: '0999', context: incoming.name }] },
        { extensions: [{ id: taken.id }] },
      ],
    });
    assert.equal(res.statusCode, 201, res.body);
    const user = (await call('GET', `/users/${res.json().uuid}`, 'admin1')).json();
    assert.equal(user.agent.number, exten);
    const agent = await api.resources.services.agents.get(scope, user.agent.id);
    assert.deepEqual([agent.firstname, agent.lastname, agent.language], ['Ada', 'Agent', 'fr_FR']);
    const numbers = user.incalls.flatMap((incall: { extensions: { exten: string }[] }) =>
      incall.extensions.map((e) => e.exten),
    );
    assert.deepEqual(numbers.sort(), ['0150', '0999']);
    assert.ok(
      user.incalls.some((incall: { id: number }) => incall.id === nowhere.id),
      'the existing incall is reused',
    );
    const ranges = (await contexts.get(scope, incoming.id)).incall_ranges;
    assert.deepEqual(
      ranges.map((r) => [r.start, r.end, r.did_length]),
      [
        ['0100', '0199', 4],
        ['0999', '0999', 4],
      ],
    );
    const lineDevice = await devices.lineDevice(scope, user.lines[0].id);
    assert.equal(lineDevice.device_id, device.id);
  });

  it('when an incall number already sends its calls to someone else, then 400 and nothing anywhere', async () => {
    const scope = scopeOf(tenant1);
    const { contexts, extensions, incalls, users } = api.resources.services;
    const incoming = await contexts.create(scope, tenant1, {
      label: 'Another provider',
      type: 'incall',
      incall_ranges: [{ start: '0200', end: '0299', did_length: 4 }],
    });
    const someone = await users.create(scope, tenant1, { firstname: 'Someone' });
    const number = await extensions.create(scope, { exten: '0250', context: incoming.name });
    const theirs = await incalls.create(scope, tenant1, {
      destination: { type: 'user', user_id: someone.id },
    });
    await incalls.associateExtension(scope, theirs.id, number.id);
    const before = await footprint();
    const res = await call('POST', '/users', 'admin1', {
      firstname: 'Eve',
      incalls: [{ extensions: [{ id: number.id }] }],
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual(res.json(), [
      'Input Error - Existing incall does not have the new user as a destination',
    ]);
    assert.deepEqual(await footprint(), before);
  });
});
