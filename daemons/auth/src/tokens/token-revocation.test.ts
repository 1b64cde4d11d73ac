import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AuthUnderTest, postToken, startAuth } from '../testing/index.js';

/**
 * The whole daemon (its real resources: cache and evicting unit of work): whatever ends a user's
 * sessions makes a cached token's very next check answer 404 in this process.
 */
describe('token checks after a user loses their sessions', () => {
  let auth: AuthUnderTest;
  let admin: string;
  before(async () => {
    auth = await startAuth();
    admin = await auth.tokenFor(['auth.users.#']);
  });
  after(() => auth.stop());

  const scope = 'calld.calls.read';
  const head = async (token: string) =>
    (await fetch(`${auth.api}/token/${token}?scope=${scope}`, { method: 'HEAD' })).status;
  const call = (method: string, path: string, body: object) =>
    fetch(`${auth.api}${path}`, {
      method,
      headers: { 'x-auth-token': admin, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  /** A user and one of their tokens, checked twice so the second answer comes from the cache. */
  const cachedUserToken = async () => {
    const user = await auth.seedUser({ acl: [scope] });
    const { token } = await postToken(auth.api, user.username, user.password);
    assert.equal(await head(token), 204);
    assert.equal(await head(token), 204);
    return { user, token };
  };

  it('when the user is disabled, then the very next HEAD answers 404', async () => {
    const { user, token } = await cachedUserToken();
    const res = await call('PUT', `/users/${user.uuid}`, { username: user.username, enabled: false });
    assert.equal(res.status, 200);
    assert.equal(await head(token), 404);
  });

  it('when the user changes their password, then the very next HEAD answers 404', async () => {
    const { user, token } = await cachedUserToken();
    const body = { old_password: user.password, new_password: 'another-secret' };
    assert.equal((await call('PUT', `/users/${user.uuid}/password`, body)).status, 204);
    assert.equal(await head(token), 404);
  });

  it('when the user is deleted, then the very next HEAD answers 404', async () => {
    const { user, token } = await cachedUserToken();
    assert.equal((await call('DELETE', `/users/${user.uuid}`, {})).status, 204);
    assert.equal(await head(token), 404);
  });

  it('when the token is logged out, then the very next HEAD answers 404', async () => {
    const { token } = await cachedUserToken();
    assert.equal((await fetch(`${auth.api}/token/${token}`, { method: 'DELETE' })).status, 200);
    assert.equal(await head(token), 404);
  });
});
