import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { platformProxySecret, proxySecretFileOf } from './proxy-secret.js';

describe("the gateway's proxy secret", () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wazo-proxy-secret-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('when the platform starts the first time, then a random secret is kept 0600 and the same one comes back next time', async () => {
    const first = await platformProxySecret(dir);
    assert.match(first, /^[A-Za-z0-9_-]{43}$/);
    assert.equal((await stat(proxySecretFileOf(dir))).mode & 0o777, 0o600);
    assert.equal(await platformProxySecret(dir), first);
    const other = await mkdtemp(join(tmpdir(), 'wazo-proxy-secret-'));
    assert.notEqual(await platformProxySecret(other), first);
    await rm(other, { recursive: true, force: true });
  });

  it('when the file holds something else, then the start stops naming it', async () => {
    const other = await mkdtemp(join(tmpdir(), 'wazo-proxy-secret-'));
    await writeFile(proxySecretFileOf(other), 'short\n');
    await assert.rejects(platformProxySecret(other), /proxy-secret: not a proxy secret/);
    await rm(other, { recursive: true, force: true });
  });
});
