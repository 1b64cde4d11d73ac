import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { authSessionDeleted } from '@wazo-ts/bus';
import { type Harness, startHarness } from '../testing/token-harness.js';

/** Revocation through the token cache: a cached token must never outlive its session. */
describe('token checks from the cache', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const scope = 'calld.calls.read';
  const head = (token: unknown) => h.inject({ method: 'HEAD', url: `/0.1/token/${token}?scope=${scope}` });

  /** A fresh token, checked once so it sits in the cache. */
  const cachedToken = async (acl = [scope, 'auth.users.me.sessions.*.delete']) => {
    const user = await h.seedUser({ acl });
    const data = await h.tokenOf(user);
    assert.equal((await head(data.token)).statusCode, 204);
    return { user, token: data.token as string, session: data.session_uuid as string };
  };

  it('when a token was checked, then the next check is answered without the database', async () => {
    const { token } = await cachedToken();
    // Gone behind the cache's back (no event): still answered, which is what the events are for.
    await h.database.pool.query('DELETE FROM token WHERE uuid = $1', [token]);
    assert.equal((await head(token)).statusCode, 204);
  });

  it('when a cached token is logged out, then the very next HEAD answers 404', async () => {
    const { token } = await cachedToken();
    assert.equal((await h.inject({ method: 'DELETE', url: `/0.1/token/${token}` })).statusCode, 200);
    assert.equal((await head(token)).statusCode, 404);
  });

  it('when the session of a cached token is deleted, then the very next HEAD answers 404', async () => {
    const admin = await cachedToken([scope, 'auth.sessions.*.delete']);
    const victim = await cachedToken();
    const headers = { 'x-auth-token': admin.token };
    const del = await h.inject({ method: 'DELETE', url: `/0.1/sessions/${victim.session}`, headers });
    assert.equal(del.statusCode, 204);
    assert.equal((await head(victim.token)).statusCode, 404);
    const own = await cachedToken();
    const url = `/0.1/users/me/sessions/${own.session}`;
    assert.equal(
      (await h.inject({ method: 'DELETE', url, headers: { 'x-auth-token': own.token } })).statusCode,
      204,
    );
    assert.equal((await head(own.token)).statusCode, 404);
    // wazo-auth's own routes use the same cache: the revoked token is refused there too.
    const reuse = await h.inject({ url: '/0.1/sessions', headers: { 'x-auth-token': own.token } });
    assert.equal(reuse.statusCode, 401);
  });

  it('when another wazo-auth announces auth_session_deleted on the bus, then the cached token is evicted', async () => {
    const { user, token, session } = await cachedToken();
    // The other instance deleted the rows in the shared database, then published the event.
    await h.database.pool.query('DELETE FROM session WHERE uuid = $1', [session]);
    assert.equal((await head(token)).statusCode, 204);
    const before = h.tokenCache.size;
    await h.bus.publish(
      authSessionDeleted.build(
        { uuid: session, tenant_uuid: h.master, user_uuid: user.uuid },
        { tenantUuid: h.master, userUuid: user.uuid },
      ),
    );
    for (let i = 0; i < 100 && h.tokenCache.size === before; i++) await sleep(10);
    assert.equal(h.tokenCache.size, before - 1);
    assert.equal((await head(token)).statusCode, 404);
  });

  it('when the purge deletes an expired token, then it leaves the cache with its session', async () => {
    const { token } = await cachedToken();
    await h.database.pool.query("UPDATE token SET expires_at = now() - interval '1 second' WHERE uuid = $1", [
      token,
    ]);
    const before = h.tokenCache.size;
    const service = h.services.tokens;
    assert.ok((await service.purgeExpired()) >= 1);
    assert.equal(h.tokenCache.size, before - 1);
  });
});
