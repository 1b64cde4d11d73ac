/**
 * Issue #8 part 4: a real Wazo client end to end. The platform runs as a user runs it (`npm
 * start`'s entry in a child process, fresh data folder, free ports), and unpatched @wazo/sdk
 * 0.44.7 talks to its HTTPS gateway: log in, authenticate, read its user from confd, open the
 * websocket, and receive the `user_edited` event an admin's confd change causes.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { adminToken, gatewayCall } from './support/gateway-client.js';
import { type PlatformProcess, startPlatformProcess } from './support/platform-process.js';

const scenario = fileURLToPath(new URL('./support/sdk-scenario.ts', import.meta.url));

interface ScenarioValue {
  login: { uuid: string; tenantUuid: string };
  authenticated: { uuid: string; sameToken: boolean };
  user: { uuid: string; firstName: string; lastName: string };
  editStatus: number;
  event: { name: string; data: { uuid: string; tenant_uuid: string } };
}

async function runScenario(platform: PlatformProcess, env: Record<string, string>): Promise<ScenarioValue> {
  const child = spawn(process.execPath, ['--import', 'tsx', scenario], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: platform.certificate, SDK_SERVER: platform.server, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const [code] = await once(child, 'exit');
  clearTimeout(killer);
  const line = stdout.split('\n').find((l) => l.startsWith('{"result"'));
  if (code !== 0 || !line) throw new Error(`sdk scenario exited ${code}:\n${stdout}\n${stderr}`);
  const { result } = JSON.parse(line) as { result: { value?: ScenarioValue; error?: string } };
  if (!result.value) throw new Error(`sdk scenario failed: ${result.error}`);
  return result.value;
}

describe('@wazo/sdk end to end against the all-in-one platform', { timeout: 600_000 }, () => {
  let dataDir: string;
  let platform: PlatformProcess;
  let tenantUuid: string;
  let userUuid: string;
  let result: ScenarioValue;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'wazo-platform-e2e-'));
    platform = await startPlatformProcess({ dataDir });
    const call = (method: string, path: string, token: string, body?: unknown) =>
      gatewayCall(platform.gateway, platform.certificate, method, path, { token, body });
    const admin = await adminToken(platform.gateway, platform.certificate, await platform.admin());
    tenantUuid = admin.metadata.tenant_uuid;
    const created = await call('POST', '/api/confd/1.1/users', admin.token, {
      firstname: 'Alice',
      lastname: 'Softphone',
      auth: { username: 'alice-e2e', password: 'alice-secret-1' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    userUuid = (created.body as { uuid: string }).uuid;
    // user_edited is a tenant config event (events.config.user.edited): an admin grants it.
    const policy = await call('POST', '/api/auth/0.1/policies', admin.token, {
      name: 'e2e-user-events',
      acl: ['events.config.user.edited'],
    });
    assert.equal(policy.status, 200, JSON.stringify(policy.body));
    const granted = await call(
      'PUT',
      `/api/auth/0.1/users/${userUuid}/policies/${(policy.body as { uuid: string }).uuid}`,
      admin.token,
    );
    assert.equal(granted.status, 204, JSON.stringify(granted.body));
    result = await runScenario(platform, {
      SDK_USERNAME: 'alice-e2e',
      SDK_PASSWORD: 'alice-secret-1',
      ADMIN_TOKEN: admin.token,
    });
  });
  after(async () => {
    const code = await platform?.stop('SIGINT');
    assert.equal(code, 0, platform?.output());
    await rm(dataDir, { recursive: true, force: true });
  });

  it('when the user logs in through the gateway, then the session is its own, in its tenant', () => {
    assert.equal(result.login.uuid, userUuid);
    assert.equal(result.login.tenantUuid, tenantUuid);
  });

  it('when authenticate reads the token back, then it is the same session', () => {
    assert.equal(result.authenticated.uuid, userUuid);
    assert.equal(result.authenticated.sameToken, true);
  });

  it('when the SDK reads its user from confd, then it gets the user confd created', () => {
    assert.deepEqual(result.user, { uuid: userUuid, firstName: 'Alice', lastName: 'Softphone' });
  });

  it('when an admin edits the user in confd, then the SDK receives user_edited over the websocket', () => {
    assert.equal(result.editStatus, 204);
    assert.equal(result.event.name, 'user_edited');
    assert.equal(result.event.data.uuid, userUuid);
    assert.equal(result.event.data.tenant_uuid, tenantUuid);
  });
});
