import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Harness, startHarness } from '../testing/token-harness.js';

describe('sessions', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('when listing, then {total, filtered, items} of the tenant, the subtree with recurse', async () => {
    const tenant = await h.seedTenant();
    const child = await h.seedTenant(tenant);
    const admin = await h.seedUser({ tenantUuid: tenant, acl: ['auth.sessions.read'] });
    const member = await h.seedUser({ tenantUuid: child });
    const memberToken = await h.tokenOf(member, {});
    await h.login(member, {}, { 'wazo-session-type': 'mobile' });
    const { token, session_uuid } = await h.tokenOf(admin);
    const headers = { 'x-auth-token': token as string };
    const own = (await h.inject({ url: '/0.1/sessions', headers })).json();
    assert.deepEqual(own, {
      total: 1,
      filtered: 1,
      items: [{ uuid: session_uuid, mobile: false, tenant_uuid: tenant, user_uuid: admin.uuid }],
    });
    const all = (
      await h.inject({ url: '/0.1/sessions?recurse=true&order=mobile&direction=desc', headers })
    ).json();
    assert.equal(all.total, 3);
    assert.equal(all.items[0].mobile, true);
    const inChild = (
      await h.inject({ url: '/0.1/sessions', headers: { ...headers, 'wazo-tenant': child } })
    ).json();
    assert.deepEqual(
      inChild.items.map((s: { uuid: string }) => s.uuid).includes(memberToken.session_uuid),
      true,
    );
    const page = (await h.inject({ url: '/0.1/sessions?recurse=true&limit=1&offset=1', headers })).json();
    assert.equal(page.items.length, 1);
  });

  it('when deleting a session, then 204, the token is revoked at once, and auth_session_deleted is queued', async () => {
    const admin = await h.seedUser({ acl: ['auth.sessions.#'] });
    const victim = await h.seedUser({ acl: ['auth.sessions.read'] });
    const victimToken = await h.tokenOf(victim);
    const { token } = await h.tokenOf(admin);
    await h.clearEvents();
    const headers = { 'x-auth-token': token as string };
    const res = await h.inject({
      method: 'DELETE',
      url: `/0.1/sessions/${victimToken.session_uuid}`,
      headers,
    });
    assert.equal(res.statusCode, 204);
    assert.deepEqual(
      (await h.events()).map((e) => e.name),
      ['auth_session_deleted'],
    );
    const after = await h.inject({
      url: '/0.1/sessions',
      headers: { 'x-auth-token': victimToken.token as string },
    });
    assert.equal(after.statusCode, 401, "wazo-auth's own routes refuse the revoked token immediately");
    await h.clearEvents();
    for (const id of [victimToken.session_uuid, crypto.randomUUID(), 'nope'])
      assert.equal(
        (await h.inject({ method: 'DELETE', url: `/0.1/sessions/${id}`, headers })).statusCode,
        204,
      );
    assert.deepEqual(await h.events(), []);
  });

  it('when the session belongs to another subtree, then it is not deleted (still 204)', async () => {
    const a = await h.seedTenant();
    const b = await h.seedTenant();
    const admin = await h.seedUser({ tenantUuid: a, acl: ['auth.sessions.#'] });
    const stranger = await h.seedUser({ tenantUuid: b });
    const strangerToken = await h.tokenOf(stranger);
    const { token } = await h.tokenOf(admin);
    const res = await h.inject({
      method: 'DELETE',
      url: `/0.1/sessions/${strangerToken.session_uuid}`,
      headers: { 'x-auth-token': token as string },
    });
    assert.equal(res.statusCode, 204);
    assert.equal((await h.inject({ url: `/0.1/token/${strangerToken.token}` })).statusCode, 200);
  });

  it("when a user lists and deletes its own sessions through 'me', then only its own are touched", async () => {
    const user = await h.seedUser({ acl: ['auth.users.me.sessions.#'] });
    const other = await h.seedUser();
    const otherToken = await h.tokenOf(other);
    const mine = await h.tokenOf(user);
    const spare = await h.tokenOf(user);
    const headers = { 'x-auth-token': mine.token as string };
    const list = await h.inject({ url: `/0.1/users/${user.uuid}/sessions`, headers });
    assert.equal(list.statusCode, 200);
    assert.equal(list.json().total, 2);
    assert.equal((await h.inject({ url: '/0.1/users/me/sessions', headers })).json().total, 2);
    assert.equal((await h.inject({ url: `/0.1/users/${other.uuid}/sessions`, headers })).statusCode, 401);
    const del = await h.inject({
      method: 'DELETE',
      url: `/0.1/users/me/sessions/${otherToken.session_uuid}`,
      headers,
    });
    assert.equal(del.statusCode, 204);
    assert.equal((await h.inject({ url: `/0.1/token/${otherToken.token}` })).statusCode, 200);
    await h.inject({
      method: 'DELETE',
      url: `/0.1/users/${user.uuid}/sessions/${spare.session_uuid}`,
      headers,
    });
    assert.equal((await h.inject({ url: `/0.1/token/${spare.token}` })).statusCode, 404);
  });

  it('when a user of another subtree is named, then 404 unknown-user', async () => {
    const a = await h.seedTenant();
    const b = await h.seedTenant();
    const admin = await h.seedUser({ tenantUuid: a, acl: ['auth.#'] });
    const stranger = await h.seedUser({ tenantUuid: b });
    const { token } = await h.tokenOf(admin);
    const res = await h.inject({
      url: `/0.1/users/${stranger.uuid}/sessions`,
      headers: { 'x-auth-token': token as string },
    });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error_id, 'unknown-user');
  });
});
