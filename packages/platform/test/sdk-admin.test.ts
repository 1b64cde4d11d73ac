/**
 * Issue #14: @wazo/sdk 0.44.7's admin and softphone calls, unpatched, through the platform's
 * gateway, as an administrator and as a PBX user, each checked on the fields the SDK reads from
 * the answer. One platform and one SDK host per file; the tests of a `describe` run in order and
 * build on each other (a tenant created, then read, updated, deleted).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type PlatformProcess, startPlatformProcess } from './support/platform-process.js';
import { type Caller, type SdkRemote, startSdkRemote } from './support/sdk-remote.js';

interface Session {
  token: string;
  refreshToken: string | null;
  uuid: string;
  sessionUuid: string;
  tenantUuid: string;
  acl: string[];
  expiresAt: string;
}
interface List<T> {
  total: number;
  filtered?: number;
  items: T[];
}
type Row = Record<string, unknown>;

let dataDir: string;
let platform: PlatformProcess;
let sdk: SdkRemote;
let admin: Caller;
let adminSession: Session;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'wazo-sdk-admin-'));
  platform = await startPlatformProcess({ dataDir });
  sdk = await startSdkRemote(platform);
  const credentials = await platform.admin();
  adminSession = await sdk.call<Session>({}, 'auth.logIn', { ...credentials, expiration: 600 });
  admin = { token: adminSession.token };
});
after(async () => {
  await sdk?.stop();
  const code = await platform?.stop('SIGINT');
  assert.equal(code, 0, platform?.output());
  await rm(dataDir, { recursive: true, force: true });
});

const uniq = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

describe('tokens', () => {
  const clientId = uniq('sdk-client');
  let user: Row;
  let session: Session;

  before(async () => {
    user = await sdk.call<Row>(admin, 'auth.createUser', uniq('tok'), 'secret-pass-1', 'Tok', 'En');
  });

  it('when the SDK logs in with a client id, then its Session holds the token, refresh token, user, tenant and expiry', async () => {
    session = await sdk.call<Session>({ clientId }, 'auth.logIn', {
      username: user.username,
      password: 'secret-pass-1',
      expiration: 600,
    });
    assert.match(session.token, /^[0-9a-f-]{36}$/);
    assert.equal(typeof session.refreshToken, 'string');
    assert.equal(session.uuid, user.uuid);
    assert.equal(session.tenantUuid, adminSession.tenantUuid);
    assert.match(session.sessionUuid, /^[0-9a-f-]{36}$/);
    assert.ok(new Date(session.expiresAt).getTime() > Date.now());
    assert.ok(session.acl.length > 0);
  });

  it('when the SDK authenticates and checks the token, then it is the same session, valid', async () => {
    const again = await sdk.call<Session>({}, 'auth.authenticate', session.token);
    assert.equal(again.token, session.token);
    assert.equal(again.uuid, user.uuid);
    assert.equal(await sdk.call({}, 'auth.checkToken', session.token), true);
  });

  it('when the SDK asks which scopes its token has, then each scope answers a boolean', async () => {
    const answer = await sdk.call<{ scopes: Record<string, boolean> }>(
      { token: session.token },
      'auth.getRestrictionPolicies',
      ['auth.users.me.password.update', 'confd.users.create'],
    );
    assert.deepEqual(answer.scopes, { 'auth.users.me.password.update': true, 'confd.users.create': false });
  });

  it('when the SDK refreshes the token, then it gets a new token of the same user', async () => {
    const refreshed = await sdk.call<Session>(
      { clientId },
      'auth.refreshToken',
      session.refreshToken,
      'wazo_user',
      600,
    );
    assert.notEqual(refreshed.token, session.token);
    assert.equal(refreshed.uuid, user.uuid);
    assert.equal(refreshed.refreshToken, null);
  });

  it('when the SDK deletes its refresh token, then refreshing fails with a 401 BadResponse', async () => {
    assert.equal(await sdk.call({ token: session.token }, 'auth.deleteRefreshToken', clientId), true);
    const error = await sdk.fails({ clientId }, 'auth.refreshToken', session.refreshToken, 'wazo_user', 600);
    assert.equal(error.class, 'BadResponse');
    assert.equal(error.status, 401);
  });

  it('when the SDK logs out, then the token no longer checks', async () => {
    assert.equal(await sdk.call({}, 'auth.logOut', session.token), true);
    assert.equal(await sdk.call({}, 'auth.checkToken', session.token), false);
  });
});

describe('tenants', () => {
  let tenant: Row;

  it('when the SDK creates a tenant, then it reads its uuid and name', async () => {
    tenant = await sdk.call<Row>(admin, 'auth.createTenant', uniq('Acme'));
    assert.match(String(tenant.uuid), /^[0-9a-f-]{36}$/);
    assert.equal(tenant.parent_uuid, adminSession.tenantUuid);
  });

  it('when the SDK lists tenants, then the new one is among the items', async () => {
    const list = await sdk.call<List<Row>>(admin, 'auth.listTenants');
    assert.ok(list.total >= 2);
    assert.ok(list.items.some((t) => t.uuid === tenant.uuid && t.name === tenant.name));
  });

  it('when the SDK updates the tenant, then name, contact, phone and address are replaced', async () => {
    const address = { line_1: '1 Main St', city: 'Quebec', country: 'CA' };
    const updated = await sdk.call<Row>(
      admin,
      'auth.updateTenant',
      tenant.uuid,
      'Acme Two',
      null,
      '555-1234',
      address,
    );
    assert.equal(updated.name, 'Acme Two');
    assert.equal(updated.phone, '555-1234');
    const read = await sdk.call<Row>(admin, 'auth.getTenant', tenant.uuid);
    assert.equal(read.name, 'Acme Two');
    assert.deepEqual(
      { line_1: (read.address as Row).line_1, city: (read.address as Row).city },
      { line_1: '1 Main St', city: 'Quebec' },
    );
  });

  it('when the SDK puts back the whole GET body with a new name, then only the name changes', async () => {
    const path = `auth/0.1/tenants/${tenant.uuid}`;
    const before = await sdk.request<Row>(admin, 'get', path);
    await sdk.request(admin, 'put', path, { ...before, name: 'Acme Three' });
    const after = await sdk.request<Row>(admin, 'get', path);
    assert.deepEqual(after, { ...before, name: 'Acme Three' });
  });

  it('when the SDK deletes the tenant, then it is gone (404 BadResponse)', async () => {
    assert.equal(await sdk.call(admin, 'auth.deleteTenant', tenant.uuid), true);
    const error = await sdk.fails(admin, 'auth.getTenant', tenant.uuid);
    assert.equal(error.class, 'BadResponse');
    assert.equal(error.status, 404);
  });
});
