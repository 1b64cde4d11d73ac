import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { WazoError } from '@wazo-ts/errors';
import type { AuthClientConfig } from '../config/schema.js';
import { createFakeClock } from '../testing/fake-clock.js';
import { createHttpTokenVerifier, type HttpTokenVerifier } from './http-verifier.js';
import { type FakeWazoAuth, startFakeWazoAuth } from './testing/fake-wazo-auth.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

function authConfig(port: number, overrides: Partial<AuthClientConfig> = {}): AuthClientConfig {
  return {
    host: '127.0.0.1',
    port,
    prefix: null,
    https: false,
    verify_certificate: true,
    timeout: 2,
    key_file: null,
    username: null,
    password: null,
    token_expiration: 3600,
    ...overrides,
  };
}

describe('HTTP token verifier against a local wazo-auth', () => {
  let auth: FakeWazoAuth;
  let verifier: HttpTokenVerifier;
  let now: number;

  beforeEach(async () => {
    auth = await startFakeWazoAuth();
    now = Date.now();
    verifier = createHttpTokenVerifier({
      config: authConfig(auth.port),
      logger: silent,
      clock: { now: () => now },
    });
  });

  afterEach(async () => {
    verifier.close();
    await auth.close();
  });

  it('when a token is known, then its details are returned with the expiry parsed as UTC', async () => {
    const expiresAt = Date.UTC(2099, 0, 2, 3, 4, 5, 678);
    const t = auth.addToken({ acl: ['confd.#'], expiresAt, metadata: { tenant_uuid: 'tn', uuid: 'u' } });
    const info = await verifier.get(t.token);
    assert.equal(info?.auth_id, t.auth_id);
    assert.equal(info?.session_uuid, t.session_uuid);
    assert.deepEqual(info?.acl, ['confd.#']);
    assert.equal(info?.expiresAt, expiresAt);
    assert.equal(info?.metadata.tenant_uuid, 'tn');
  });

  it('when a token is asked many times, then wazo-auth is asked once', async () => {
    const t = auth.addToken();
    for (let i = 0; i < 5; i += 1) await verifier.get(t.token);
    assert.equal(auth.calls.get, 1);
    assert.equal(verifier.cachedTokens, 1);
  });

  it('when the same token is asked concurrently, then one lookup serves all', async () => {
    const t = auth.addToken();
    auth.hold();
    const asked = Array.from({ length: 20 }, () => verifier.get(t.token));
    auth.release();
    const results = await Promise.all(asked);
    assert.ok(results.every((r) => r?.token === t.token));
    assert.equal(auth.calls.get, 1);
  });

  it('when the cached token expires, then it is asked again', async () => {
    const t = auth.addToken({ expiresAt: Date.now() + 60_000 });
    await verifier.get(t.token);
    now += 61_000;
    assert.equal(await verifier.get(t.token), null);
    assert.equal(auth.calls.get, 2);
  });

  it('when a token is unknown, then null, and the answer is kept a few seconds', async () => {
    assert.equal(await verifier.get('unknown-token'), null);
    assert.equal(await verifier.get('unknown-token'), null);
    assert.equal(auth.calls.get, 1);
    now += 6_000;
    await verifier.get('unknown-token');
    assert.equal(auth.calls.get, 2);
  });

  it('when a session is revoked, then its token is asked again', async () => {
    const t = auth.addToken();
    await verifier.get(t.token);
    verifier.revokeSession(t.session_uuid);
    auth.removeToken(t.token);
    assert.equal(await verifier.get(t.token), null);
    assert.equal(auth.calls.get, 2);
  });

  it('when a token is revoked, then it is asked again', async () => {
    const t = auth.addToken();
    await verifier.get(t.token);
    verifier.revokeToken(t.token);
    await verifier.get(t.token);
    assert.equal(auth.calls.get, 2);
  });

  it('when a fresh lookup is asked for a cached token, then wazo-auth is asked again', async () => {
    const t = auth.addToken();
    await verifier.get(t.token);
    assert.equal((await verifier.get(t.token, { fresh: true }))?.token, t.token);
    assert.equal(auth.calls.get, 2);
  });

  it('when a fresh lookup finds a cached token revoked without an event, then it is null for everyone', async () => {
    const t = auth.addToken();
    await verifier.get(t.token);
    auth.removeToken(t.token);
    assert.equal((await verifier.get(t.token))?.token, t.token, 'the cache still trusts it');
    assert.equal(await verifier.get(t.token, { fresh: true }), null);
    assert.equal(await verifier.get(t.token), null);
    assert.equal(verifier.cachedTokens, 0);
  });

  it('when every answer is forgotten, then known and unknown tokens are asked again', async () => {
    const t = auth.addToken();
    await verifier.get(t.token);
    await verifier.get('unknown-token');
    verifier.forgetAll();
    assert.equal(verifier.cachedTokens, 0);
    await verifier.get(t.token);
    await verifier.get('unknown-token');
    assert.equal(auth.calls.get, 4);
  });

  it('when every answer is forgotten during a lookup, then that answer is not cached', async () => {
    const t = auth.addToken();
    auth.hold();
    const pending = verifier.get(t.token);
    verifier.forgetAll();
    auth.release();
    await pending;
    await verifier.get(t.token);
    assert.equal(auth.calls.get, 2);
  });

  it('when a session is revoked during its lookup, then the answer is not cached', async () => {
    const t = auth.addToken();
    auth.hold();
    const pending = verifier.get(t.token);
    verifier.revokeSession(t.session_uuid);
    auth.release();
    await pending;
    await verifier.get(t.token);
    assert.equal(auth.calls.get, 2);
  });

  it('when wazo-auth answers 500, then 503 authentication-server-unreachable with Wazo details', async () => {
    auth.failWith(500);
    const error = (await verifier.get('t').catch((e) => e)) as WazoError;
    assert.equal(error.code, 'unavailable');
    assert.equal(error.message, 'Authentication server unreachable');
    assert.equal(error.errorId, 'authentication-server-unreachable');
    assert.equal(error.details.auth_server_host, '127.0.0.1');
    assert.equal(error.details.auth_server_port, auth.port);
    assert.match(String(error.details.original_error), /500/);
  });

  it('when wazo-auth is stopped, then 503', async () => {
    await auth.close();
    const error = (await verifier.get('t').catch((e) => e)) as WazoError;
    assert.equal(error.errorId, 'authentication-server-unreachable');
    assert.match(String(error.details.original_error), /ECONNREFUSED/);
  });

  it('when wazo-auth does not answer in time, then 503 after the timeout', async () => {
    verifier.close();
    const clock = createFakeClock();
    verifier = createHttpTokenVerifier({
      config: authConfig(auth.port, { timeout: 0.1 }),
      logger: silent,
      scheduler: clock,
    });
    auth.hold();
    const asked = verifier.get('t').catch((e) => e);
    assert.deepEqual(await clock.waitForTimers(), [100], 'the call runs under the timeout');
    clock.advance(100);
    const error = (await asked) as WazoError;
    assert.equal(error.errorId, 'authentication-server-unreachable');
    assert.match(String(error.details.original_error), /timed out after 0.1s/);
  });

  it('when wazo-auth sits behind a prefix, then the prefix is used', async () => {
    const proxied = await startFakeWazoAuth({ prefix: '/api/auth' });
    const v = createHttpTokenVerifier({
      config: authConfig(proxied.port, { prefix: '/api/auth/' }),
      logger: silent,
    });
    const t = proxied.addToken();
    assert.equal((await v.get(t.token))?.token, t.token);
    v.close();
    await proxied.close();
  });
});

describe('HTTP token verifier tenant checks', () => {
  let auth: FakeWazoAuth;
  let verifier: HttpTokenVerifier;

  beforeEach(async () => {
    auth = await startFakeWazoAuth();
    verifier = createHttpTokenVerifier({ config: authConfig(auth.port), logger: silent });
  });

  afterEach(async () => {
    verifier.close();
    await auth.close();
  });

  it("when the tenant is the token's own, then wazo-auth is not asked", async () => {
    const info = await verifier.get(auth.addToken({ metadata: { tenant_uuid: 'own' } }).token);
    assert.equal(await verifier.canAccessTenant(info!, 'own'), true);
    assert.equal(auth.calls.head, 0);
  });

  it('when the tenant is a subtenant, then yes, asked once and then cached', async () => {
    const info = await verifier.get(auth.addToken({ subtenants: ['child'] }).token);
    assert.equal(await verifier.canAccessTenant(info!, 'child'), true);
    assert.equal(await verifier.canAccessTenant(info!, 'child'), true);
    assert.equal(auth.calls.head, 1);
  });

  it('when the tenant is elsewhere, then no, and the no is cached too', async () => {
    const info = await verifier.get(auth.addToken().token);
    assert.equal(await verifier.canAccessTenant(info!, 'other'), false);
    assert.equal(await verifier.canAccessTenant(info!, 'other'), false);
    assert.equal(auth.calls.head, 1);
  });

  it('when the token is gone in wazo-auth, then no, and the token leaves the cache', async () => {
    const t = auth.addToken();
    const info = await verifier.get(t.token);
    auth.removeToken(t.token);
    assert.equal(await verifier.canAccessTenant(info!, 'child'), false);
    assert.equal(await verifier.get(t.token), null);
  });

  it('when wazo-auth fails during a tenant check, then 503', async () => {
    const info = await verifier.get(auth.addToken().token);
    auth.failWith(502);
    const error = (await verifier.canAccessTenant(info!, 'x').catch((e) => e)) as WazoError;
    assert.equal(error.errorId, 'authentication-server-unreachable');
  });
});
