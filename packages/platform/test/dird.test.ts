/**
 * wazo-dird in the all-in-one platform: it runs behind the gateway at /api/dird/0.1 with its own
 * database, its service account lets it resync the tenants at start (the master tenant gets its
 * `default` profile), and a tenant made through the gateway gets its directories at once.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { adminToken, gatewayCall } from '@wazo-ts/platform/testing';
import { type PlatformProcess, startPlatformProcess } from './support/platform-process.js';

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('wazo-dird in the platform', { timeout: 600_000 }, () => {
  let dataDir: string;
  let platform: PlatformProcess;
  let token: string;
  const dird = (method: string, path: string, body?: unknown) =>
    gatewayCall(platform.gateway, platform.certificate, method, `/api/dird/0.1${path}`, { token, body });

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'wazo-platform-dird-'));
    platform = await startPlatformProcess({ dataDir });
    token = (await adminToken(platform.gateway, platform.certificate, await platform.admin())).token;
  });
  after(async () => {
    const code = await platform?.stop('SIGINT');
    assert.equal(code, 0, platform?.output());
    await rm(dataDir, { recursive: true, force: true });
  });

  it('when the platform is up, then the banner names wazo-dird and its status is healthy', async () => {
    assert.match(platform.output(), /wazo-dird\s+https:\/\/.*\/api\/dird\/0\.1/);
    const status = await dird('GET', '/status');
    assert.equal(status.status, 200, JSON.stringify(status.body));
    const body = status.body as { service_token?: { status: string } };
    assert.equal(body.service_token?.status, 'ok', JSON.stringify(body));
  });

  it('when dird has started, then the master tenant has its default profile over five sources', async () => {
    const profiles = await until(
      () => dird('GET', '/profiles?name=default'),
      (a) => (a.body as { filtered?: number }).filtered === 1,
      'the default profile',
    );
    const profile = (profiles.body as { items: { services: { lookup: { sources: unknown[] } } }[] }).items[0];
    assert.equal(profile?.services.lookup.sources.length, 5);
  });

  it('when a tenant is created through the gateway, then dird provisions it', async () => {
    const created = await gatewayCall(
      platform.gateway,
      platform.certificate,
      'POST',
      '/api/auth/0.1/tenants',
      {
        token,
        body: { name: 'dird-platform' },
      },
    );
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const tenant = (created.body as { uuid: string }).uuid;
    const sources = await until(
      () => dird('GET', `/sources?recurse=true&search=dird-platform`),
      (a) => (a.body as { filtered?: number }).filtered === 4,
      'the new tenant’s sources',
    );
    const items = (sources.body as { items: { tenant_uuid: string }[] }).items;
    assert.ok(items.every((s) => s.tenant_uuid === tenant));
  });
});
