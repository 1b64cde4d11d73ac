import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { AuthClientConfig } from '../config/schema.js';
import { createFakeClock } from '../testing/fake-clock.js';
import type { Scheduler } from './clock.js';
import { createServiceTokenRenewer, type ServiceTokenRenewer } from './service-token.js';
import { type FakeWazoAuth, startFakeWazoAuth } from './testing/fake-wazo-auth.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** Renewal timers on a fake clock; `fire()` runs the earliest and waits for the next to be set. */
function manualScheduler() {
  const clock = createFakeClock();
  return {
    scheduler: clock as Scheduler,
    get pending() {
      return clock.pendingTimers().map((ms) => ({ ms }));
    },
    async fire() {
      const [due] = clock.pendingTimers();
      assert.ok(due !== undefined, 'a renewal should be scheduled');
      clock.advance(due);
      // The POST goes out and its answer comes back; the renewer then sets its next timer.
      await clock.waitForTimers();
    },
  };
}

function authConfig(port: number, overrides: Partial<AuthClientConfig> = {}): AuthClientConfig {
  return {
    host: '127.0.0.1',
    port,
    prefix: null,
    https: false,
    verify_certificate: true,
    timeout: 2,
    key_file: null,
    username: 'svc',
    password: 'secret',
    token_expiration: 3600,
    ...overrides,
  };
}

describe('service token renewer', () => {
  let auth: FakeWazoAuth;
  let renewer: ServiceTokenRenewer | undefined;

  beforeEach(async () => {
    auth = await startFakeWazoAuth();
    auth.setCredentials('svc', 'secret');
  });

  afterEach(async () => {
    renewer?.stop();
    await auth.close();
  });

  it('when started, then a token is created with Basic auth and the configured expiration', async () => {
    const timers = manualScheduler();
    renewer = createServiceTokenRenewer({
      config: authConfig(auth.port),
      logger: silent,
      scheduler: timers.scheduler,
    });
    await renewer.start();
    assert.equal(auth.lastPost.authorization, `Basic ${Buffer.from('svc:secret').toString('base64')}`);
    assert.deepEqual(auth.lastPost.body, { expiration: 3600 });
    assert.equal(renewer.current()?.tenantUuid, 'master-tenant');
    assert.deepEqual(renewer.status(), { status: 'ok' });
  });

  it('when the token was created, then renewal is scheduled at 80% of its life', async () => {
    const timers = manualScheduler();
    renewer = createServiceTokenRenewer({
      config: authConfig(auth.port),
      logger: silent,
      scheduler: timers.scheduler,
    });
    await renewer.start();
    assert.equal(timers.pending.length, 1);
    assert.ok(Math.abs(timers.pending[0]!.ms - 0.8 * 3600 * 1000) < 50, String(timers.pending[0]!.ms));
  });

  it('when renewed, then subscribers get the new token string and details', async () => {
    const timers = manualScheduler();
    renewer = createServiceTokenRenewer({
      config: authConfig(auth.port),
      logger: silent,
      scheduler: timers.scheduler,
    });
    const seen: string[] = [];
    renewer.onToken((token, details) => {
      assert.equal(details.token, token);
      seen.push(token);
    });
    await renewer.start();
    await timers.fire();
    assert.equal(seen.length, 2);
    assert.notEqual(seen[0], seen[1]);
    assert.equal(renewer.current()?.token, seen[1]);
  });

  it('when subscribing after the first token, then the listener gets it at once', async () => {
    renewer = createServiceTokenRenewer({
      config: authConfig(auth.port),
      logger: silent,
      scheduler: manualScheduler().scheduler,
    });
    await renewer.start();
    let got = '';
    renewer.onToken((token) => {
      got = token;
    });
    assert.equal(got, renewer.current()?.token);
  });

  it('when wazo-auth keeps failing, then retries back off 1, 2, 4, 8, 16, 32, 32 s and status fails', async () => {
    auth.failWith(503);
    const timers = manualScheduler();
    renewer = createServiceTokenRenewer({
      config: authConfig(auth.port),
      logger: silent,
      scheduler: timers.scheduler,
    });
    await renewer.start();
    const delays = [timers.pending[0]!.ms];
    for (let i = 0; i < 6; i += 1) {
      await timers.fire();
      delays.push(timers.pending[0]!.ms);
    }
    assert.deepEqual(delays, [1000, 2000, 4000, 8000, 16000, 32000, 32000]);
    assert.equal(renewer.status().status, 'fail');
    assert.match(String(renewer.status().reason), /503/);
  });

  it('when wazo-auth comes back, then the token is created and the backoff starts over', async () => {
    auth.failWith(503);
    const timers = manualScheduler();
    renewer = createServiceTokenRenewer({
      config: authConfig(auth.port),
      logger: silent,
      scheduler: timers.scheduler,
    });
    await renewer.start();
    await timers.fire();
    auth.failWith(null);
    await timers.fire();
    assert.equal(renewer.status().status, 'ok');
    auth.failWith(503);
    await timers.fire();
    assert.equal(timers.pending[0]!.ms, 1000);
  });

  it('when the credentials are wrong, then status fails and it keeps retrying', async () => {
    const timers = manualScheduler();
    const config = authConfig(auth.port, { password: 'wrong' });
    renewer = createServiceTokenRenewer({ config, logger: silent, scheduler: timers.scheduler });
    await renewer.start();
    assert.equal(renewer.status().status, 'fail');
    assert.match(String(renewer.status().reason), /401/);
    assert.equal(timers.pending.length, 1);
  });

  it('when there are no credentials, then status fails with the reason and nothing crashes', async () => {
    const timers = manualScheduler();
    const config = authConfig(auth.port, { username: null, password: null });
    renewer = createServiceTokenRenewer({ config, logger: silent, scheduler: timers.scheduler });
    await renewer.start();
    assert.deepEqual(renewer.status(), {
      status: 'fail',
      reason: 'no service credentials: set auth.username and auth.password, or auth.key_file',
    });
    assert.equal(auth.calls.post, 0);
    assert.equal(timers.pending.length, 0);
  });

  it('when the credentials are in the key file, then they are used', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wazo-key-'));
    const keyFile = join(dir, 'key.yml');
    await writeFile(keyFile, 'service_id: svc\nservice_key: secret\n');
    const config = authConfig(auth.port, { username: null, password: null, key_file: keyFile });
    renewer = createServiceTokenRenewer({ config, logger: silent, scheduler: manualScheduler().scheduler });
    await renewer.start();
    assert.equal(renewer.status().status, 'ok');
  });

  it('when the key file is missing, then status fails naming the file', async () => {
    const config = authConfig(auth.port, {
      username: null,
      password: null,
      key_file: '/nonexistent/key.yml',
    });
    renewer = createServiceTokenRenewer({ config, logger: silent, scheduler: manualScheduler().scheduler });
    await renewer.start();
    assert.match(String(renewer.status().reason), /\/nonexistent\/key\.yml/);
  });

  it('when stopped, then no renewal is left scheduled', async () => {
    const timers = manualScheduler();
    renewer = createServiceTokenRenewer({
      config: authConfig(auth.port),
      logger: silent,
      scheduler: timers.scheduler,
    });
    await renewer.start();
    renewer.stop();
    assert.equal(timers.pending.length, 0);
  });

  it('when the token expires without renewal, then status fails', async () => {
    let now = Date.now();
    const timers = manualScheduler();
    const clock = { now: () => now };
    renewer = createServiceTokenRenewer({
      config: authConfig(auth.port),
      logger: silent,
      scheduler: timers.scheduler,
      clock,
    });
    await renewer.start();
    now += 3_601_000;
    assert.equal(renewer.status().status, 'fail');
  });
});
