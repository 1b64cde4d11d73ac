/**
 * Wazo's JS client (@wazo/sdk 0.44.7, unpatched) against wazo-auth through a TLS gateway, as a
 * softphone meets a Wazo stack: login with Basic, token check and read, logout, and the offline
 * login whose refresh token gets a new access token.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { SeededUser } from '@wazo-ts/auth/testing';
import { type AuthUnderTest, startAuth, startTlsGateway, type TlsGateway } from '@wazo-ts/auth/testing';

interface Outcome<T> {
  value?: T;
  error?: string;
  status?: number;
}
interface Summary {
  token: string;
  refreshToken: string | null;
  uuid: string | null;
  tenantUuid: string | null;
  sessionUuid: string;
  acl: string[];
  expiresAt: string;
}
interface ScenarioResult {
  online: Outcome<{
    login: Summary;
    checked: boolean;
    bogus: boolean;
    authenticated: Summary;
    logout: Outcome<unknown>;
    afterLogout: boolean;
    badPassword: Outcome<unknown>;
  }>;
  offline: Outcome<{
    login: Summary;
    refreshed: Outcome<Summary>;
    refreshedChecked: boolean;
    wrongRefresh: Outcome<unknown>;
  }>;
}

const scenario = fileURLToPath(new URL('./support/sdk-scenario.ts', import.meta.url));

async function runScenario(gateway: TlsGateway, user: SeededUser): Promise<ScenarioResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', scenario], {
    env: {
      ...process.env,
      NODE_EXTRA_CA_CERTS: gateway.certificate.certificate,
      SDK_SERVER: gateway.server,
      SDK_USERNAME: user.username,
      SDK_PASSWORD: user.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const [code] = await once(child, 'exit');
  clearTimeout(killer);
  const line = stdout.split('\n').find((l) => l.startsWith('{"online"'));
  if (code !== 0 || !line) throw new Error(`sdk scenario exited ${code}:\n${stdout}\n${stderr}`);
  return JSON.parse(line) as ScenarioResult;
}

describe('@wazo/sdk against wazo-auth', () => {
  let auth: AuthUnderTest;
  let gateway: TlsGateway;
  let user: SeededUser;
  let result: ScenarioResult;

  before(async () => {
    auth = await startAuth();
    gateway = await startTlsGateway({ '/api/auth/': auth.url });
    user = await auth.seedUser({
      username: 'sdk-alice',
      password: 'sdk-secret-1',
      acl: ['auth.users.me.#', 'confd.users.me.read'],
    });
    result = await runScenario(gateway, user);
  });
  after(async () => {
    await gateway?.close();
    await auth?.stop();
  });

  it('when logIn runs with a username and password, then it gets a session for that user', () => {
    const login = result.online.value?.login;
    assert.ok(login, result.online.error);
    assert.match(login.token, /^[0-9a-f-]{36}$/);
    assert.equal(login.uuid, user.uuid);
    assert.equal(login.tenantUuid, auth.masterTenantUuid);
    assert.match(login.sessionUuid, /^[0-9a-f-]{36}$/);
    assert.deepEqual(login.acl, ['auth.users.me.#', 'confd.users.me.read']);
    assert.equal(login.refreshToken, null, 'no refresh token without a client id');
    const lifetime = Date.parse(login.expiresAt) - Date.now();
    assert.ok(lifetime > 500_000 && lifetime <= 600_000, `utc_expires_at parsed as UTC (${lifetime} ms)`);
  });

  it('when checkToken runs on its token, then true; on a bogus token, then false', () => {
    assert.equal(result.online.value?.checked, true);
    assert.equal(result.online.value?.bogus, false);
  });

  it('when authenticate reads the token, then it is the same session', () => {
    const { login, authenticated } = result.online.value!;
    assert.equal(authenticated.token, login.token);
    assert.equal(authenticated.uuid, user.uuid);
    assert.equal(authenticated.sessionUuid, login.sessionUuid);
  });

  it('when logOut runs, then it succeeds and the token is no longer valid', () => {
    assert.equal(result.online.value?.logout.error, undefined);
    assert.equal(result.online.value?.afterLogout, false);
  });

  it('when the password is wrong, then logIn throws a 401', () => {
    assert.equal(result.online.value?.badPassword.status, 401, result.online.value?.badPassword.error);
  });

  it('when logging in with a client id, then a refresh token comes back and refreshToken gives a new valid token', () => {
    const offline = result.offline.value;
    assert.ok(offline, result.offline.error);
    assert.match(offline.login.refreshToken ?? '', /^[0-9a-f-]{36}$/);
    const refreshed = offline.refreshed.value;
    assert.ok(refreshed, offline.refreshed.error);
    assert.notEqual(refreshed.token, offline.login.token);
    assert.equal(refreshed.uuid, user.uuid);
    assert.equal(refreshed.refreshToken, null, 'a refresh login never returns a refresh token');
    assert.equal(offline.refreshedChecked, true);
  });

  it('when refreshing with an unknown refresh token, then the SDK gets a 401', () => {
    assert.equal(result.offline.value?.wrongRefresh.status, 401, result.offline.value?.wrongRefresh.error);
  });
});
