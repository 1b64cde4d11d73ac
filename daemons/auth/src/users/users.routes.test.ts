import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { groupsPlugin } from '../groups/groups.routes.js';
import { policiesPlugin } from '../policies/policies.routes.js';
import { seedAuthDatabase } from '../seed/index.js';
import { type AuthTestDatabase, createAuthTestDatabase, insertTenant } from '../testing/auth-database.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from './users.routes.js';

describe('users and groups API', () => {
  let t: AuthTestDatabase;
  let api: TestApi;
  let master: string;
  let child: string;
  let other: string;
  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    token: string,
    tenant: string,
    payload?: unknown,
  ) =>
    api.app.inject({
      method,
      url: `/0.1${url}`,
      headers: { 'x-auth-token': token, 'wazo-tenant': tenant },
      ...(payload ? { payload: payload as object } : {}),
    });
  const sessionsOf = async (user: string) =>
    (await t.db.selectFrom('session').select('uuid').where('user_uuid', '=', user).execute()).length;
  const addSession = async (user: string, tenant: string) => {
    await t.db
      .insertInto('session')
      .values({ uuid: randomUUID(), tenant_uuid: tenant, user_uuid: user })
      .execute();
  };
  const outboxNames = async () =>
    (await t.pool.query<{ n: string }>("SELECT headers->>'name' AS n FROM bus_outbox")).rows.map((r) => r.n);

  before(async () => {
    t = await createAuthTestDatabase();
    master = (await seedAuthDatabase(t.db)).masterTenantUuid;
    child = await insertTenant(t.db, { parentUuid: master });
    other = await insertTenant(t.db, { parentUuid: master });
    await seedAuthDatabase(t.db);
    api = await buildTestApi(t, [usersPlugin, groupsPlugin, policiesPlugin], {
      password_hash_iterations: 1000,
    });
    api.verifier.addSubtenant(master, child);
    api.verifier.addSubtenant(master, other);
    api.verifier.add({ token: 'root', acl: ['#'], metadata: { tenant_uuid: master } });
    api.verifier.add({ token: 'otheradmin', acl: ['#'], metadata: { tenant_uuid: other } });
  });
  after(async () => {
    await api.app.close();
    await t.drop();
  });

  it('when a user is created, then 200 with defaults, a confirmed main address and the all-users group', async () => {
    const res = await call('POST', '/users', 'root', child, {
      username: 'Alice',
      password: 'pw',
      email_address: 'Alice@Example.com',
    });
    assert.equal(res.statusCode, 200, res.body);
    const user = res.json();
    assert.deepEqual(
      [user.tenant_uuid, user.purpose, user.authentication_method, user.enabled],
      [child, 'user', 'default', true],
    );
    assert.deepEqual(
      user.emails.map((e: { main: boolean; confirmed: boolean }) => [e.main, e.confirmed]),
      [[true, true]],
    );
    const groups = (await call('GET', `/users/${user.uuid}/groups`, 'root', child)).json();
    assert.deepEqual(
      groups.items.map((g: { name: string; read_only: boolean }) => [g.name, g.read_only]),
      [[`wazo-all-users-tenant-${child}`, true]],
    );
    const internal = (
      await call('POST', '/users', 'root', child, { username: 'svc', purpose: 'internal' })
    ).json();
    assert.equal(internal.authentication_method, 'native');
  });

  it('when a username or address is already a login in any case, then 409 conflict', async () => {
    const byName = await call('POST', '/users', 'otheradmin', other, { username: 'ALICE' });
    assert.equal(byName.statusCode, 409);
    assert.equal(byName.json().error_id, 'conflict');
    assert.ok(byName.json().details.username);
    const byEmail = await call('POST', '/users', 'otheradmin', other, {
      username: 'x',
      email_address: 'alice@EXAMPLE.com',
    });
    assert.equal(byEmail.statusCode, 409);
    assert.ok(byEmail.json().details.email_address);
    assert.equal(
      (await call('POST', '/users', 'otheradmin', other, { username: 'alice@example.com' })).statusCode,
      409,
    );
  });

  it('when users are listed, then tenant-scoped, recurse widens, and filters, search and order apply', async () => {
    await call('POST', '/users', 'root', child, { username: 'bob', firstname: 'Bob', lastname: 'Zed' });
    await call('POST', '/users', 'root', child, { username: 'carol', firstname: 'Carol', lastname: 'Young' });
    const own = (await call('GET', '/users?order=lastname&direction=asc', 'root', child)).json();
    assert.equal(own.total, 4);
    assert.deepEqual(
      own.items.slice(0, 2).map((u: { username: string }) => u.username),
      ['carol', 'bob'],
    );
    assert.equal((await call('GET', '/users', 'root', master)).json().total, 0);
    assert.equal((await call('GET', '/users?recurse=true', 'root', master)).json().total, 4);
    const searched = (await call('GET', '/users?search=ca%20ol', 'root', child)).json();
    assert.deepEqual([searched.total, searched.filtered, searched.items[0].username], [4, 1, 'carol']);
    const byEmail = (await call('GET', '/users?search=example', 'root', child)).json();
    assert.equal(byEmail.filtered, 1);
    const paged = (await call('GET', '/users?order=username&limit=1&offset=1', 'root', child)).json();
    assert.deepEqual(
      paged.items.map((u: { username: string }) => u.username),
      ['bob'],
    );
    assert.equal((await call('GET', '/users?purpose=internal', 'root', child)).json().filtered, 1);
  });

  it('when a user of another subtree is read, edited or deleted, then 404 unknown-user', async () => {
    const alice = (await call('GET', '/users?username=Alice', 'root', child)).json().items[0];
    for (const method of ['GET', 'DELETE'] as const) {
      const res = await call(method, `/users/${alice.uuid}`, 'otheradmin', other);
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error_id, 'unknown-user');
    }
    assert.equal(
      (await call('PUT', `/users/${alice.uuid}`, 'otheradmin', other, { username: 'hack' })).statusCode,
      404,
    );
    assert.equal((await call('GET', `/users/${alice.uuid}`, 'root', master)).statusCode, 200);
  });

  it('when a user is disabled, then its sessions are deleted with their events', async () => {
    const u = (await call('POST', '/users', 'root', child, { username: 'dave' })).json();
    await addSession(u.uuid, child);
    const res = await call('PUT', `/users/${u.uuid}`, 'root', child, { username: 'dave', enabled: false });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().enabled, res.json().firstname], [false, null]);
    assert.equal(await sessionsOf(u.uuid), 0);
    assert.ok((await outboxNames()).includes('auth_session_deleted'));
  });

  it('when the password is changed, then a wrong old one is 401 legacy and a right one revokes sessions and refresh tokens', async () => {
    const u = (await call('POST', '/users', 'root', child, { username: 'erin', password: 'old' })).json();
    await addSession(u.uuid, child);
    await t.db
      .insertInto('refresh_token')
      .values({ uuid: randomUUID(), client_id: 'c', user_uuid: u.uuid, tenant_uuid: child, metadata: '{}' })
      .execute();
    const bad = await call('PUT', `/users/${u.uuid}/password`, 'root', child, {
      old_password: 'nope',
      new_password: 'n',
    });
    assert.equal(bad.statusCode, 401);
    assert.deepEqual(bad.json().reason, ['Authentication Failed']);
    assert.equal(await sessionsOf(u.uuid), 1);
    const deletedBefore = (await outboxNames()).filter((n) => n === 'auth_refresh_token_deleted').length;
    const ok = await call('PUT', `/users/${u.uuid}/password`, 'root', child, {
      old_password: 'old',
      new_password: 'new',
    });
    assert.equal(ok.statusCode, 204, ok.body);
    assert.equal(await sessionsOf(u.uuid), 0);
    const refresh = await t.db
      .selectFrom('refresh_token')
      .select('uuid')
      .where('user_uuid', '=', u.uuid)
      .execute();
    assert.equal(refresh.length, 0);
    const deletedAfter = (await outboxNames()).filter((n) => n === 'auth_refresh_token_deleted').length;
    assert.equal(deletedAfter - deletedBefore, 1);
  });

  it('when e-mails are replaced, then exactly one main is required and only the admin route confirms', async () => {
    const u = (
      await call('POST', '/users', 'root', child, { username: 'fay', email_address: 'fay@a.com' })
    ).json();
    const two = await call('PUT', `/users/${u.uuid}/emails`, 'root', child, {
      emails: [
        { address: 'x@a.com', main: true },
        { address: 'y@a.com', main: true },
      ],
    });
    assert.equal(two.statusCode, 400);
    // `confirmed` is an admin field: the user route ignores it.
    const set = await call('PUT', `/users/${u.uuid}/emails`, 'root', child, {
      emails: [{ address: 'fay@a.com' }, { address: 'new@a.com', main: true, confirmed: true }],
    });
    assert.equal(set.statusCode, 200, set.body);
    const byAddress = Object.fromEntries(
      set.json().map((e: { address: string; confirmed: boolean }) => [e.address, e.confirmed]),
    );
    assert.deepEqual(byAddress, { 'fay@a.com': true, 'new@a.com': false });
    const admin = await call('PUT', `/admin/users/${u.uuid}/emails`, 'root', child, {
      emails: [{ address: 'new@a.com', main: true, confirmed: true }],
    });
    assert.deepEqual(
      admin.json().map((e: { confirmed: boolean }) => e.confirmed),
      [true],
    );
    assert.equal(
      (
        await call('PUT', `/users/${u.uuid}/emails`, 'root', child, {
          emails: [{ address: 'ALICE@example.com', main: true }],
        })
      ).statusCode,
      409,
    );
  });

  it('when groups are managed, then system groups are 403, members stay in their tenant and policies show on users', async () => {
    const all = (await call('GET', '/groups?read_only=true', 'root', child)).json().items[0];
    assert.equal((await call('DELETE', `/groups/${all.uuid}`, 'root', child)).statusCode, 403);
    assert.equal(
      (await call('PUT', `/groups/${all.uuid}`, 'root', child, { name: 'x' })).json().error_id,
      'forbidden-group',
    );
    const group = (await call('POST', '/groups', 'root', master, { name: 'Team' })).json();
    assert.equal((await call('POST', '/groups', 'root', master, { name: 'Team' })).statusCode, 409);
    const alice = (await call('GET', '/users?username=Alice', 'root', child)).json().items[0];
    const mixed = await call('PUT', `/groups/${group.uuid}/users/${alice.uuid}`, 'root', master);
    assert.equal(mixed.statusCode, 400);
    assert.equal(mixed.json().error_id, 'missmatching-tenant');
    const local = (await call('POST', '/groups', 'root', child, { name: 'Local' })).json();
    assert.equal(
      (await call('PUT', `/groups/${local.uuid}/users/${alice.uuid}`, 'root', child)).statusCode,
      204,
    );
    assert.equal(
      (await call('GET', `/groups/${local.uuid}/users`, 'root', child)).json().items[0].uuid,
      alice.uuid,
    );
    assert.equal((await call('GET', `/groups/${local.uuid}`, 'otheradmin', other)).statusCode, 404);
    const policy = (await call('POST', '/policies', 'root', child, { name: 'p1', acl: ['a.b'] })).json();
    await call('PUT', `/groups/${local.uuid}/policies/${policy.uuid}`, 'root', child);
    assert.equal((await call('GET', `/users?has_policy_slug=p1`, 'root', child)).json().filtered, 1);
    assert.equal((await call('GET', `/users?policy_slug=p1`, 'root', child)).json().filtered, 0);
    assert.equal((await call('PUT', `/users/${alice.uuid}/policies/p1`, 'root', child)).statusCode, 204);
    const own = (await call('GET', `/users/${alice.uuid}/policies`, 'root', child)).json();
    assert.deepEqual([own.total, own.items[0].slug], [1, 'p1']);
    const unmatched = (
      await call('GET', `/users/${alice.uuid}/policies?search=nothing`, 'root', child)
    ).json();
    assert.deepEqual([unmatched.total, unmatched.items], [1, []]);
    const bob = (await call('POST', '/users', 'root', child, { username: 'policyless' })).json();
    const none = (await call('GET', `/users/${bob.uuid}/policies`, 'root', child)).json();
    assert.deepEqual([none.total, none.items], [0, []]);
    const groupPolicies = (await call('GET', `/groups/${local.uuid}/policies`, 'root', child)).json();
    assert.equal(groupPolicies.total, 1);
    assert.equal((await call('GET', `/users?policy_uuid=${policy.uuid}`, 'root', child)).json().filtered, 1);
  });

  it('when a path says me, then it is the caller', async () => {
    const alice = (await call('GET', '/users?username=Alice', 'root', child)).json().items[0];
    api.verifier.add({
      token: 'alice',
      auth_id: alice.uuid,
      acl: ['auth.users.me.read'],
      metadata: { tenant_uuid: child },
    });
    const res = await call('GET', '/users/me', 'alice', child);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().uuid, alice.uuid);
    assert.equal((await call('GET', `/users/${alice.uuid}`, 'alice', child)).statusCode, 200);
  });
});
