import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Harness, startHarness } from '../testing/token-harness.js';

describe('POST /token under repeated failures', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({
      login_failures: { max_per_login: 2, max_per_address: 100, window_seconds: 120 },
    });
  });
  after(() => h.close());

  it('when a login failed max_per_login times, then 429 legacy with Retry-After, even with the right password', async () => {
    const user = await h.seedUser();
    for (let i = 0; i < 2; i++) assert.equal((await h.login({ ...user, password: 'bad' })).statusCode, 401);
    const res = await h.login(user);
    assert.equal(res.statusCode, 429);
    assert.equal(res.headers['retry-after'], '120');
    const body = res.json();
    assert.deepEqual(Object.keys(body), ['reason', 'timestamp', 'status_code']);
    assert.equal(body.status_code, 429);
  });

  it('when a login succeeds before the limit, then its failures are forgotten', async () => {
    const user = await h.seedUser();
    assert.equal((await h.login({ ...user, password: 'bad' })).statusCode, 401);
    assert.equal((await h.login(user)).statusCode, 200);
    assert.equal((await h.login({ ...user, password: 'bad' })).statusCode, 401);
    assert.equal((await h.login(user)).statusCode, 200);
  });
});
