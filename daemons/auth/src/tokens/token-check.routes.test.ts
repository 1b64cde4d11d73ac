import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Harness, startHarness } from '../testing/token-harness.js';

describe('GET, HEAD, DELETE /token/{token} and scopes/check', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const expire = (token: unknown) =>
    h.database.pool.query("UPDATE token SET expires_at = now() - interval '1 second' WHERE uuid = $1", [
      token,
    ]);

  it('when the SDK checks, reads and deletes its token, then 204, 200 {data}, 200 success, then 404', async () => {
    const user = await h.seedUser({ acl: ['auth.users.me.read'] });
    const { token } = await h.tokenOf(user, { backend: 'wazo_user', expiration: 3600 });
    const head = await h.inject({ method: 'HEAD', url: `/0.1/token/${token}` });
    assert.equal(head.statusCode, 204);
    const get = await h.inject({ url: `/0.1/token/${token}` });
    assert.equal(get.statusCode, 200);
    assert.equal(get.json().data.token, token);
    assert.equal(get.json().data.refresh_token, undefined);
    const del = await h.inject({ method: 'DELETE', url: `/0.1/token/${token}` });
    assert.equal(del.statusCode, 200);
    assert.equal(del.body, '{"data":{"message":"success"}}');
    const gone = await h.inject({ url: `/0.1/token/${token}` });
    assert.equal(gone.statusCode, 404);
    assert.deepEqual(gone.json().reason, ['No such token']);
    assert.equal(gone.json().status_code, 404);
    assert.equal((await h.inject({ method: 'HEAD', url: `/0.1/token/${token}` })).statusCode, 404);
  });

  it('when the token is unknown, expired or not a uuid, then 404 "No such token"; DELETE still succeeds', async () => {
    const user = await h.seedUser();
    const { token } = await h.tokenOf(user);
    await expire(token);
    for (const id of [token, crypto.randomUUID(), 'not-a-uuid']) {
      const res = await h.inject({ url: `/0.1/token/${id}` });
      assert.equal(res.statusCode, 404, String(id));
      assert.deepEqual(res.json().reason, ['No such token']);
      assert.equal((await h.inject({ method: 'DELETE', url: `/0.1/token/${id}` })).statusCode, 200);
    }
  });

  it('when the scope is not granted, then 403; when granted (me, #), then 200', async () => {
    const user = await h.seedUser({ acl: ['confd.users.me.read', 'calld.#', '!calld.secret'] });
    const { token } = await h.tokenOf(user);
    const ok = (scope: string) => h.inject({ url: `/0.1/token/${token}?scope=${scope}` });
    assert.equal((await ok(`confd.users.${user.uuid}.read`)).statusCode, 200);
    assert.equal((await ok('calld.calls.read')).statusCode, 200);
    const refused = await ok('calld.secret');
    assert.equal(refused.statusCode, 403);
    assert.deepEqual(refused.json().reason, ['Unauthorized for calld.secret']);
    assert.equal(
      (await h.inject({ method: 'HEAD', url: `/0.1/token/${token}?scope=confd.x` })).statusCode,
      403,
    );
  });

  it("when the tenant is the user's or a descendant, then 200; a sibling or unknown tenant, then 403", async () => {
    const parent = await h.seedTenant();
    const child = await h.seedTenant(parent);
    const sibling = await h.seedTenant();
    const user = await h.seedUser({ tenantUuid: parent });
    const { token } = await h.tokenOf(user);
    const at = (tenant: string) => h.inject({ method: 'HEAD', url: `/0.1/token/${token}?tenant=${tenant}` });
    assert.equal((await at(parent)).statusCode, 204);
    assert.equal((await at(child)).statusCode, 204);
    assert.equal((await at(sibling)).statusCode, 403);
    assert.equal((await at(h.master)).statusCode, 403);
    assert.equal((await at('nope')).statusCode, 403);
  });

  it('when checking several scopes, then a map of booleans, and 404 / 403 as GET does', async () => {
    const home = await h.seedTenant();
    const user = await h.seedUser({ acl: ['a.b', 'c.*'], tenantUuid: home });
    const { token } = await h.tokenOf(user);
    const res = await h.inject({
      method: 'POST',
      url: `/0.1/token/${token}/scopes/check`,
      payload: { scopes: ['a.b', 'c.d', 'e'], tenant_uuid: home },
    });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { scopes: { 'a.b': true, 'c.d': true, e: false } });
    const other = await h.seedTenant();
    const forbidden = await h.inject({
      method: 'POST',
      url: `/0.1/token/${token}/scopes/check`,
      payload: { scopes: [], tenant_uuid: other },
    });
    assert.equal(forbidden.statusCode, 403);
    const unknown = await h.inject({
      method: 'POST',
      url: `/0.1/token/${crypto.randomUUID()}/scopes/check`,
      payload: { scopes: ['a'] },
    });
    assert.equal(unknown.statusCode, 404);
  });

  it('when DELETE revokes a token, then auth_session_deleted is queued and the session is gone', async () => {
    const user = await h.seedUser();
    const data = await h.tokenOf(user);
    await h.clearEvents();
    await h.inject({ method: 'DELETE', url: `/0.1/token/${data.token}` });
    assert.deepEqual(await h.events(), [
      {
        name: 'auth_session_deleted',
        routingKey: `auth.sessions.${data.session_uuid}.deleted`,
        data: { uuid: data.session_uuid, tenant_uuid: h.master, user_uuid: user.uuid },
      },
    ]);
    const { rows } = await h.database.pool.query('SELECT 1 FROM session WHERE uuid = $1', [
      data.session_uuid,
    ]);
    assert.equal(rows.length, 0);
    await h.clearEvents();
    await h.inject({ method: 'DELETE', url: `/0.1/token/${data.token}` });
    assert.deepEqual(await h.events(), []);
  });

  it('when the purge runs, then expired tokens and sessions go with auth_session_deleted; soon-expiring ones are announced', async () => {
    const user = await h.seedUser({ purpose: 'internal' });
    const old = await h.tokenOf(user);
    const fresh = await h.tokenOf(user, { expiration: 30 });
    await expire(old.token);
    await h.clearEvents();
    const service = h.services.tokens;
    assert.equal(await service.purgeExpired(), 1);
    assert.equal(await service.notifyExpiringSoon(60), 1);
    const events = await h.events();
    assert.deepEqual(
      events.map((e) => [e.name, e.data.uuid]),
      [
        ['auth_session_deleted', old.session_uuid],
        ['auth_session_expire_soon', fresh.session_uuid],
      ],
    );
    assert.equal(events[1]!.routingKey, `auth.users.${user.uuid}.sessions.${fresh.session_uuid}.expire_soon`);
    const { rows } = await h.database.pool.query('SELECT uuid FROM token WHERE uuid = $1', [old.token]);
    assert.equal(rows.length, 0);
  });
});
