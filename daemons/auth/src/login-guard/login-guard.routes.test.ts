import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SeededUser } from '../testing/index.js';
import { basic, type Harness, startHarness } from '../testing/token-harness.js';

describe('POST /token under repeated failures', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({
      login_failures: {
        max_per_pair: 2,
        max_per_login: 3,
        max_per_address: 100,
        window_seconds: 120,
        known_address_seconds: 3600,
      },
    });
  });
  after(() => h.close());

  const loginFrom = (remoteAddress: string, user: SeededUser, password = user.password) =>
    h.inject({
      method: 'POST',
      url: '/0.1/token',
      remoteAddress,
      headers: { authorization: basic(user.username, password) },
      payload: {},
    });

  it('when a login failed max_per_pair times from one address, then 429 legacy with Retry-After, even with the right password', async () => {
    const user = await h.seedUser();
    for (let i = 0; i < 2; i++) assert.equal((await h.login({ ...user, password: 'bad' })).statusCode, 401);
    const res = await h.login(user);
    assert.equal(res.statusCode, 429);
    assert.equal(res.headers['retry-after'], '120');
    const body = res.json();
    assert.deepEqual(Object.keys(body), ['reason', 'timestamp', 'status_code']);
    assert.equal(body.status_code, 429);
  });

  it('when a login succeeds before the limit, then its failures from that address are forgotten', async () => {
    const user = await h.seedUser();
    assert.equal((await h.login({ ...user, password: 'bad' })).statusCode, 401);
    assert.equal((await h.login(user)).statusCode, 200);
    assert.equal((await h.login({ ...user, password: 'bad' })).statusCode, 401);
    assert.equal((await h.login(user)).statusCode, 200);
  });

  it('when a login is guessed at from many addresses, then it is refused from new ones and works from its own', async () => {
    const user = await h.seedUser();
    assert.equal((await loginFrom('10.1.1.1', user)).statusCode, 200);
    for (let i = 1; i <= 3; i++) assert.equal((await loginFrom(`10.9.0.${i}`, user, 'bad')).statusCode, 401);
    assert.equal((await loginFrom('10.9.0.4', user)).statusCode, 429);
    assert.equal((await loginFrom('10.1.1.1', user)).statusCode, 200);
  });
});
