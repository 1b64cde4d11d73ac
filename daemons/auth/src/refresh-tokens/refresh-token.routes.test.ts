import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Harness, startHarness } from '../testing/token-harness.js';

describe('refresh tokens', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const offline = { backend: 'wazo_user', expiration: 3600, access_type: 'offline', client_id: 'sdk' };
  const refreshLogin = (refresh_token: unknown, client_id = 'sdk') =>
    h.inject({
      method: 'POST',
      url: '/0.1/token',
      headers: { 'content-type': 'application/json' },
      payload: { backend: 'wazo_user', expiration: 3600, refresh_token, client_id },
    });

  it('when the SDK logs in offline then refreshes without Basic, then the new token has no refresh_token', async () => {
    const user = await h.seedUser({ acl: ['x.y'] });
    const first = await h.tokenOf(user, offline);
    assert.match(String(first.refresh_token), /^[0-9a-f-]{36}$/);
    const again = await h.tokenOf(user, offline);
    assert.equal(again.refresh_token, first.refresh_token, 'non-mobile: the existing one is returned');
    const refreshed = await refreshLogin(first.refresh_token);
    assert.equal(refreshed.statusCode, 200);
    const data = refreshed.json().data;
    assert.equal(data.refresh_token, undefined);
    assert.equal(data.auth_id, user.uuid);
    assert.deepEqual(data.acl, ['x.y']);
    assert.notEqual(data.token, first.token);
  });

  it('when the refresh token is unknown or given with another client_id, then 401', async () => {
    const user = await h.seedUser();
    const first = await h.tokenOf(user, offline);
    assert.equal((await refreshLogin(first.refresh_token, 'other')).statusCode, 401);
    assert.equal((await refreshLogin(crypto.randomUUID())).statusCode, 401);
    assert.equal((await refreshLogin('garbage')).statusCode, 401);
  });

  it("when a mobile logs in offline again, then a new refresh token and the old one's sessions revoked", async () => {
    const user = await h.seedUser();
    const mobile = { 'wazo-session-type': 'Mobile' };
    const first = (await h.login(user, offline, mobile)).json().data;
    const refreshed = (await refreshLogin(first.refresh_token)).json().data;
    await h.clearEvents();
    const res = await h.login(user, offline, mobile);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['wazo-sessions-revoked'], '2');
    const second = res.json().data;
    assert.notEqual(second.refresh_token, first.refresh_token);
    for (const gone of [first, refreshed])
      assert.equal((await h.inject({ url: `/0.1/token/${gone.token}` })).statusCode, 404);
    assert.equal((await refreshLogin(first.refresh_token)).statusCode, 401);
    const names = (await h.events()).map((e) => e.name);
    assert.deepEqual(names.filter((n) => n === 'auth_session_deleted').length, 2);
    assert.deepEqual(names.filter((n) => n === 'auth_refresh_token_deleted').length, 1);
    assert.deepEqual(names.filter((n) => n === 'auth_refresh_token_created').length, 1);
    const phone = (await h.login(user, { ...offline, client_id: 'other-phone' }, mobile)).json().data;
    assert.equal(
      (await h.inject({ url: `/0.1/token/${second.token}` })).statusCode,
      404,
      "another phone's login revokes it",
    );
    assert.equal((await h.inject({ url: `/0.1/token/${phone.token}` })).statusCode, 200);
    assert.equal(names.at(-1), 'auth_session_created');
  });

  it('when listing, then items in Wazo shape, scoped to the tenant and recurse', async () => {
    const tenant = await h.seedTenant();
    const child = await h.seedTenant(tenant);
    const admin = await h.seedUser({
      tenantUuid: tenant,
      acl: ['auth.tokens.read', 'auth.users.*.tokens.read'],
    });
    const member = await h.seedUser({ tenantUuid: child });
    await h.tokenOf(member, { ...offline, client_id: 'c1' });
    const { token } = await h.tokenOf(admin);
    const list = (query: string) =>
      h.inject({ url: `/0.1/tokens${query}`, headers: { 'x-auth-token': token as string } });
    assert.deepEqual((await list('')).json(), { total: 0, filtered: 0, items: [] });
    const all = (await list('?recurse=true')).json();
    assert.equal(all.total, 1);
    assert.deepEqual(Object.keys(all.items[0]), [
      'client_id',
      'created_at',
      'mobile',
      'user_uuid',
      'tenant_uuid',
      'metadata',
    ]);
    assert.equal(all.items[0].user_uuid, member.uuid);
    assert.equal((await list('?recurse=true&search=zzz')).json().filtered, 0);
    const own = await h.inject({
      url: `/0.1/users/${member.uuid}/tokens`,
      headers: { 'x-auth-token': token as string },
    });
    assert.equal(own.json().total, 1);
  });

  it('when a user deletes its refresh token via /users/me/tokens/{client_id}, then 204 and refresh fails', async () => {
    const user = await h.seedUser({ acl: ['auth.users.me.tokens.#'] });
    const data = await h.tokenOf(user, offline);
    await h.clearEvents();
    const headers = { 'x-auth-token': data.token as string };
    const del = await h.inject({ method: 'DELETE', url: '/0.1/users/me/tokens/sdk', headers });
    assert.equal(del.statusCode, 204);
    assert.deepEqual(
      (await h.events()).map((e) => [e.name, e.routingKey]),
      [['auth_refresh_token_deleted', `auth.users.${user.uuid}.tokens.sdk.deleted`]],
    );
    assert.equal((await refreshLogin(data.refresh_token)).statusCode, 401);
    assert.equal(
      (await h.inject({ url: `/0.1/token/${data.token}` })).statusCode,
      200,
      'access tokens survive',
    );
    assert.equal(
      (await h.inject({ method: 'DELETE', url: '/0.1/users/me/tokens/sdk', headers })).statusCode,
      404,
    );
    const listed = await h.inject({ url: `/0.1/users/${user.uuid}/tokens`, headers });
    assert.equal(listed.statusCode, 200);
  });

  it('when a user of another subtree is named, then 404 unknown-user', async () => {
    const a = await h.seedTenant();
    const b = await h.seedTenant();
    const admin = await h.seedUser({ tenantUuid: a, acl: ['auth.#'] });
    const stranger = await h.seedUser({ tenantUuid: b });
    await h.tokenOf(stranger, offline);
    const { token } = await h.tokenOf(admin);
    const headers = { 'x-auth-token': token as string };
    const read = await h.inject({ url: `/0.1/users/${stranger.uuid}/tokens`, headers });
    assert.equal(read.statusCode, 404);
    assert.equal(read.json().error_id, 'unknown-user');
    const del = await h.inject({ method: 'DELETE', url: `/0.1/users/${stranger.uuid}/tokens/sdk`, headers });
    assert.equal(del.statusCode, 404);
  });
});
