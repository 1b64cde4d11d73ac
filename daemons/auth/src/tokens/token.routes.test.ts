import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { basic, type Harness, startHarness } from '../testing/token-harness.js';

const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

function assertLegacy(body: Record<string, unknown>, status: number, reason?: string) {
  assert.deepEqual(Object.keys(body), ['reason', 'timestamp', 'status_code']);
  assert.equal(body.status_code, status);
  assert.equal((body.timestamp as number[]).length, 1);
  assert.equal(typeof (body.timestamp as number[])[0], 'number');
  if (reason) assert.deepEqual(body.reason, [reason]);
}

describe('POST /token', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ max_user_concurrent_sessions: 2, uuid: 'xivo-1' } as never);
  });
  after(() => h.close());

  it("when the SDK logs in with Basic and {backend, expiration}, then it gets Wazo's token document", async () => {
    const user = await h.seedUser({ acl: ['confd.users.me.read', 'confd.#'] });
    const res = await h.login(user, { backend: 'wazo_user', expiration: 3600 }, { 'user-agent': 'sdk' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['wazo-sessions-revoked'], '0');
    const data = res.json().data;
    assert.deepEqual(Object.keys(data), [
      'token',
      'auth_id',
      'xivo_user_uuid',
      'xivo_uuid',
      'issued_at',
      'expires_at',
      'utc_issued_at',
      'utc_expires_at',
      'acl',
      'metadata',
      'session_uuid',
      'remote_addr',
      'user_agent',
    ]);
    assert.equal(data.auth_id, user.uuid);
    assert.equal(data.xivo_user_uuid, user.uuid);
    assert.equal(data.xivo_uuid, 'xivo-1');
    assert.match(data.utc_expires_at, UTC);
    assert.doesNotMatch(data.expires_at, /Z|\+/);
    const lifetime =
      Date.parse(`${data.utc_expires_at.slice(0, 23)}Z`) - Date.parse(`${data.utc_issued_at.slice(0, 23)}Z`);
    assert.equal(lifetime, 3600_000);
    assert.deepEqual(data.acl, ['confd.users.me.read', 'confd.#']);
    assert.deepEqual(data.metadata, {
      uuid: user.uuid,
      tenant_uuid: h.master,
      auth_id: user.uuid,
      pbx_user_uuid: user.uuid,
      xivo_uuid: 'xivo-1',
      purpose: 'user',
    });
    assert.equal(data.user_agent, 'sdk');
    assert.equal(data.refresh_token, undefined);
  });

  it('when the body is absent, then 400 with the legacy body; {} is fine', async () => {
    const user = await h.seedUser();
    const none = await h.inject({
      method: 'POST',
      url: '/0.1/token',
      headers: { authorization: basic(user.username, user.password) },
    });
    assert.equal(none.statusCode, 400);
    assertLegacy(none.json(), 400);
    assert.equal((await h.login(user, {})).statusCode, 200);
  });

  for (const [body, why] of [
    [{ access_type: 'offline' }, 'offline without client_id'],
    [{ access_type: 'offline', client_id: 'c', refresh_token: 'r' }, 'offline with a refresh token'],
    [{ refresh_token: 'r' }, 'refresh token without client_id'],
    [{ tenant_id: 'a', domain_name: 'b' }, 'tenant_id with domain_name'],
    [{ expiration: 0 }, 'expiration 0'],
    [{ expiration: 315360001 }, 'expiration over ten years'],
    [{ client_id: '' }, 'empty client_id'],
    [{ access_type: 'sometimes' }, 'unknown access_type'],
  ] as const) {
    it(`when the body has ${why}, then 400 legacy`, async () => {
      const user = await h.seedUser();
      const res = await h.login(user, body);
      assert.equal(res.statusCode, 400);
      assertLegacy(res.json(), 400);
    });
  }

  it('when authentication fails for any reason, then 401 "Authentication Failed" in the legacy body', async () => {
    const user = await h.seedUser();
    const disabled = await h.seedUser();
    await h.database.pool.query('UPDATE auth_user SET enabled = false WHERE uuid = $1', [disabled.uuid]);
    const noPassword = await h.seedUser();
    await h.database.pool.query(
      'UPDATE auth_user SET password_hash = NULL, password_salt = NULL WHERE uuid = $1',
      [noPassword.uuid],
    );
    const ldap = await h.seedUser();
    await h.database.pool.query("UPDATE auth_user SET authentication_method = 'ldap' WHERE uuid = $1", [
      ldap.uuid,
    ]);
    const attempts = [
      h.login({ ...user, password: 'wrong' }),
      h.login({ username: 'nobody-here', password: 'x' }),
      h.login(disabled),
      h.login(noPassword),
      h.login(ldap),
      h.inject({ method: 'POST', url: '/0.1/token', payload: {} }),
      h.inject({
        method: 'POST',
        url: '/0.1/token',
        payload: { refresh_token: crypto.randomUUID(), client_id: 'x' },
      }),
    ];
    for (const res of await Promise.all(attempts)) {
      assert.equal(res.statusCode, 401);
      assertLegacy(res.json(), 401, 'Authentication Failed');
    }
  });

  it('when the login is a confirmed e-mail in another case, then it works; an unconfirmed one does not', async () => {
    const user = await h.seedUser({ email: 'Alice@Example.com' });
    assert.equal((await h.login({ username: 'alice@example.COM', password: user.password })).statusCode, 200);
    assert.equal(
      (await h.login({ username: user.username.toUpperCase(), password: user.password })).statusCode,
      200,
    );
    await h.database.pool.query('UPDATE email SET confirmed = false WHERE user_uuid = $1', [user.uuid]);
    assert.equal((await h.login({ username: 'alice@example.com', password: user.password })).statusCode, 401);
  });

  it('when the password is latin-1 encoded, then it is decoded as latin-1', async () => {
    const user = await h.seedUser({ password: 'pâté' });
    const header = `Basic ${Buffer.from(`${user.username}:pâté`, 'latin1').toString('base64')}`;
    const res = await h.inject({
      method: 'POST',
      url: '/0.1/token',
      headers: { authorization: header },
      payload: {},
    });
    assert.equal(res.statusCode, 200);
  });

  it('when the user holds max_user_concurrent_sessions sessions, then 429; a logout frees one', async () => {
    const user = await h.seedUser();
    const first = await h.tokenOf(user);
    await h.tokenOf(user);
    const refused = await h.login(user);
    assert.equal(refused.statusCode, 429);
    assertLegacy(refused.json(), 429);
    await h.inject({ method: 'DELETE', url: `/0.1/token/${first.token}` });
    assert.equal((await h.login(user)).statusCode, 200);
  });

  it('when internal users log in, then the cap does not apply and pbx_user_uuid is null', async () => {
    const user = await h.seedUser({ purpose: 'internal' });
    for (let i = 0; i < 3; i++) await h.tokenOf(user);
    const data = await h.tokenOf(user);
    assert.equal(data.xivo_user_uuid, null);
    assert.equal((data.metadata as Record<string, unknown>).purpose, 'internal');
  });

  it('when logging in, then auth_session_created is in the outbox; a failed login leaves none', async () => {
    await h.clearEvents();
    const user = await h.seedUser();
    await h.login({ ...user, password: 'bad' });
    assert.deepEqual(await h.events(), []);
    const data = await h.tokenOf(user, {});
    const events = await h.events();
    assert.deepEqual(events, [
      {
        name: 'auth_session_created',
        routingKey: `auth.sessions.${data.session_uuid}.created`,
        data: { uuid: data.session_uuid, tenant_uuid: h.master, user_uuid: user.uuid, mobile: false },
      },
    ]);
  });
});
