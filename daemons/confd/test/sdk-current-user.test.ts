/**
 * Wazo's JS client (@wazo/sdk 0.44.7, unpatched) meets a real wazo-auth and a real wazo-confd
 * behind a TLS gateway with Wazo's public paths: a user made by one `POST /users` (auth, line,
 * extension, forwards) logs in and reads itself as a softphone does at start (`GET /users/{uuid}`
 * parsed by the SDK's Profile, then `GET /infos`).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type AuthUnderTest, startAuth, startTlsGateway, type TlsGateway } from '@wazo-ts/auth/testing';
import { type ConfdUnderTest, startConfd } from '@wazo-ts/confd/testing';

interface ProfileLike {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  lines: { id: number; extensions: { exten: string }[]; endpointSip: { name: string } | null }[];
  forwards: { key: string; destination: string | null; enabled: boolean }[];
  doNotDisturb: boolean;
}
interface ScenarioResult {
  value?: { session: { uuid: string }; profile: ProfileLike; infos: { wazo_version: string; uuid: string } };
  error?: string;
}

const scenario = fileURLToPath(new URL('./support/sdk-current-user.ts', import.meta.url));

async function runScenario(gateway: TlsGateway, username: string, password: string): Promise<ScenarioResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', scenario], {
    env: {
      ...process.env,
      NODE_EXTRA_CA_CERTS: gateway.certificate.certificate,
      SDK_SERVER: gateway.server,
      SDK_USERNAME: username,
      SDK_PASSWORD: password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const [code] = await once(child, 'exit');
  clearTimeout(killer);
  const line = stdout.split('\n').find((l) => l.startsWith('{"sdk"'));
  if (code !== 0 || !line) throw new Error(`sdk scenario exited ${code}:\n${stdout}\n${stderr}`);
  if (process.env.SDK_DEBUG) writeFileSync(process.env.SDK_DEBUG, line);
  return (JSON.parse(line) as { sdk: ScenarioResult }).sdk;
}

/** The few fields of confd's answers this test reads. */
interface ConfdBody {
  uuid: string;
  name: string;
  lines: { id: number; name: string }[];
}

async function confdCall(confd: ConfdUnderTest, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${confd.url}/1.1${path}`, {
    method,
    headers: { 'x-auth-token': token, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as ConfdBody };
}

describe('@wazo/sdk current user against wazo-auth and wazo-confd', () => {
  let auth: AuthUnderTest;
  let confd: ConfdUnderTest;
  let gateway: TlsGateway;
  let created: ConfdBody;
  let result: ScenarioResult;

  before(async () => {
    // Every user token may read its own confd user and the infos, as Wazo's default user policy.
    auth = await startAuth({
      config: {
        default_policies: { wazo_default_user_policy: { acl: ['confd.users.me.read', 'confd.infos.read'] } },
        default_user_policy: 'wazo_default_user_policy',
      },
    });
    confd = await startConfd(auth);
    gateway = await startTlsGateway({ '/api/auth/': auth.url, '/api/confd/': confd.url });
    const admin = await auth.tokenFor(['confd.#', 'auth.tenants.read']);
    const context = await confdCall(confd, admin, 'POST', '/contexts', {
      label: 'Internal',
      user_ranges: [{ start: '1000', end: '1999' }],
    });
    assert.equal(context.status, 201, JSON.stringify(context.body));
    const user = await confdCall(confd, admin, 'POST', '/users', {
      firstname: 'Alice',
      lastname: 'Liddell',
      email: 'alice@example.com',
      auth: { username: 'alice', password: 'alice-secret' },
      lines: [
        {
          context: context.body.name,
          endpoint_sip: {},
          extensions: [{ exten: '1001', context: context.body.name }],
        },
      ],
      forwards: { unconditional: { enabled: true, destination: '1999' } },
    });
    assert.equal(user.status, 201, JSON.stringify(user.body));
    created = user.body;
    result = await runScenario(gateway, 'alice', 'alice-secret');
  });
  after(async () => {
    await gateway?.close();
    await confd?.stop();
    await auth?.stop();
  });

  it('when the user logs in, then the SDK session is the confd user', () => {
    assert.equal(result.error, undefined, result.error);
    assert.equal(result.value?.session.uuid, created.uuid);
  });

  it('when the SDK reads the current user, then its Profile has the line, extension and endpoint', () => {
    const profile = result.value!.profile;
    assert.equal(profile.id, created.uuid);
    assert.equal(profile.firstName, 'Alice');
    assert.equal(profile.lastName, 'Liddell');
    assert.equal(profile.email, 'alice@example.com');
    assert.equal(profile.lines.length, 1);
    assert.equal(profile.lines[0]?.id, created.lines[0]?.id);
    assert.equal(profile.lines[0]?.extensions[0]?.exten, '1001');
    assert.equal(profile.lines[0]?.endpointSip?.name, created.lines[0]?.name);
  });

  it('when the SDK reads the current user, then the forwards and do-not-disturb come with it', () => {
    const profile = result.value!.profile;
    const unconditional = profile.forwards.find((f) => f.key === 'unconditional');
    assert.deepEqual(
      { enabled: unconditional?.enabled, destination: unconditional?.destination },
      { enabled: true, destination: '1999' },
    );
    assert.equal(profile.doNotDisturb, false);
  });

  it('when the SDK reads the infos, then the version and uuid are there', () => {
    const infos = result.value!.infos;
    assert.equal(infos.wazo_version, '25.01');
    assert.equal(infos.uuid, confd.daemon.config.uuid);
  });
});
