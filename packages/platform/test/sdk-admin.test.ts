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
import { type Caller, type SdkCallError, type SdkRemote, startSdkRemote } from './support/sdk-remote.js';

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

describe('auth users', () => {
  let tenantUuid: string;
  let inTenant: Caller;
  let user: Row;
  const username = uniq('bob');

  before(async () => {
    tenantUuid = String((await sdk.call<Row>(admin, 'auth.createTenant', uniq('Users'))).uuid);
    inTenant = { ...admin, tenant: tenantUuid };
  });

  it('when the SDK creates a user in a tenant (Wazo-Tenant), then it reads its uuid, username and names', async () => {
    user = await sdk.call<Row>(inTenant, 'auth.createUser', username, 'first-pass-1', 'Bob', 'Builder');
    assert.match(String(user.uuid), /^[0-9a-f-]{36}$/);
    assert.deepEqual(
      [user.username, user.firstname, user.lastname, user.tenant_uuid, user.enabled],
      [username, 'Bob', 'Builder', tenantUuid, true],
    );
  });

  it('when the SDK lists and gets users, then the user is there with its fields', async () => {
    const list = await sdk.call<List<Row>>(inTenant, 'auth.listUsers');
    assert.deepEqual(
      list.items.map((u) => u.uuid),
      [user.uuid],
    );
    assert.equal(list.total, 1);
    const read = await sdk.call<Row>(admin, 'auth.getUser', user.uuid);
    assert.deepEqual([read.username, read.firstname, read.emails], [username, 'Bob', []]);
  });

  it('when the SDK adds an e-mail, then the user has it as its main address', async () => {
    await sdk.call(admin, 'auth.addUserEmail', user.uuid, 'bob@example.com', true);
    const read = await sdk.call<Row>(admin, 'auth.getUser', user.uuid);
    assert.deepEqual(
      (read.emails as Row[]).map((e) => [e.address, e.main, e.confirmed]),
      [['bob@example.com', true, false]],
    );
  });

  it('when the SDK changes the password, then the user logs in with the new one only', async () => {
    const session = await sdk.call<Session>({}, 'auth.logIn', {
      username,
      password: 'first-pass-1',
      expiration: 60,
    });
    assert.equal(
      await sdk.call(
        { token: session.token },
        'auth.updatePassword',
        user.uuid,
        'first-pass-1',
        'second-pass-2',
      ),
      true,
    );
    const refused = await sdk.fails({}, 'auth.logIn', { username, password: 'first-pass-1', expiration: 60 });
    assert.equal(refused.status, 401);
    const again = await sdk.call<Session>({}, 'auth.logIn', {
      username,
      password: 'second-pass-2',
      expiration: 60,
    });
    assert.equal(again.uuid, user.uuid);
  });

  it("when the SDK reads and deletes the user's sessions, then the deleted one is gone", async () => {
    const session = await sdk.call<Session>({}, 'auth.logIn', {
      username,
      password: 'second-pass-2',
      expiration: 60,
    });
    const sessions = await sdk.call<List<Row>>(admin, 'auth.getUserSession', user.uuid);
    assert.ok(sessions.items.some((s) => s.uuid === session.sessionUuid && s.mobile === false));
    assert.equal(await sdk.call(admin, 'auth.deleteUserSession', user.uuid, session.sessionUuid), true);
    const left = await sdk.call<List<Row>>(admin, 'auth.getUserSession', user.uuid);
    assert.ok(!left.items.some((s) => s.uuid === session.sessionUuid));
    assert.equal(await sdk.call({}, 'auth.checkToken', session.token), false);
  });

  it('when the SDK puts back the whole GET body with a new first name, then only the first name changes', async () => {
    const path = `auth/0.1/users/${user.uuid}`;
    const before = await sdk.request<Row>(admin, 'get', path);
    await sdk.request(admin, 'put', path, { ...before, firstname: 'Robert' });
    assert.deepEqual(await sdk.request<Row>(admin, 'get', path), { ...before, firstname: 'Robert' });
  });

  it('when the SDK deletes the user, then reading it is a 404 BadResponse with Wazo error id', async () => {
    assert.equal(await sdk.call(admin, 'auth.deleteUser', user.uuid), true);
    const error = await sdk.fails(admin, 'auth.getUser', user.uuid);
    assert.deepEqual([error.class, error.status, error.errorId], ['BadResponse', 404, 'unknown-user']);
  });
});

describe('auth groups and policies', () => {
  let user: Row;
  let group: Row;
  let policy: Row;
  const groupName = uniq('sales');
  const policyName = uniq('readers');

  before(async () => {
    user = await sdk.call<Row>(admin, 'auth.createUser', uniq('carol'), 'carol-pass-1', 'Carol', 'C');
  });

  it('when the SDK creates a group, then the list shows it', async () => {
    group = await sdk.call<Row>(admin, 'auth.createGroup', groupName);
    assert.equal(group.name, groupName);
    const list = await sdk.call<List<Row>>(admin, 'auth.listGroups');
    assert.ok(list.items.some((g) => g.uuid === group.uuid && g.name === groupName));
  });

  it("when the SDK adds a user to the group, then the group's users list it (the SDK fails to parse Wazo's empty 204, as against Wazo)", async () => {
    const error = await sdk.fails(admin, 'auth.addUserGroup', user.uuid, group.uuid);
    assert.equal(error.class, 'Error');
    assert.match(error.message, /JSON/);
    const users = await sdk.call<List<Row>>(admin, 'auth.listUsersGroup', group.uuid);
    assert.deepEqual(
      users.items.map((u) => u.uuid),
      [user.uuid],
    );
  });

  it('when the SDK creates a policy with ACL templates, then the list shows its ACL', async () => {
    policy = await sdk.call<Row>(admin, 'auth.createPolicy', policyName, 'Read confd users', [
      'confd.users.read',
    ]);
    assert.deepEqual(
      [policy.name, policy.description, policy.acl],
      [policyName, 'Read confd users', ['confd.users.read']],
    );
    const list = await sdk.call<List<Row>>(admin, 'auth.listPolicies');
    assert.ok(list.items.some((p) => p.uuid === policy.uuid && p.name === policyName));
  });

  it('when an ACL is added to and removed from the policy, then the policy holds the first only', async () => {
    const path = `auth/0.1/policies/${policy.uuid}/acl`;
    await sdk.request(admin, 'put', `${path}/confd.lines.read`, undefined, 'success');
    await sdk.request(admin, 'put', `${path}/confd.groups.read`, undefined, 'success');
    assert.equal(await sdk.request(admin, 'delete', `${path}/confd.lines.read`, undefined, 'success'), true);
    const read = await sdk.request<Row>(admin, 'get', `auth/0.1/policies/${policy.uuid}`);
    assert.deepEqual(read.acl, ['confd.users.read', 'confd.groups.read']);
  });

  it('when the policy is given to the group and the user, then the user logs in with its ACL', async () => {
    await sdk.request(
      admin,
      'put',
      `auth/0.1/groups/${group.uuid}/policies/${policy.uuid}`,
      undefined,
      'success',
    );
    const groupPolicies = await sdk.request<List<Row>>(
      admin,
      'get',
      `auth/0.1/groups/${group.uuid}/policies`,
    );
    assert.deepEqual(
      groupPolicies.items.map((p) => p.uuid),
      [policy.uuid],
    );
    await sdk.fails(admin, 'auth.addUserPolicy', user.uuid, policy.uuid);
    const session = await sdk.call<Session>({}, 'auth.logIn', {
      username: user.username,
      password: 'carol-pass-1',
      expiration: 60,
    });
    assert.ok(session.acl.includes('confd.groups.read'));
    assert.equal(await sdk.call(admin, 'auth.deleteUserPolicy', user.uuid, policy.uuid), true);
  });

  it('when the SDK puts back the whole GET body of the group and the policy, then only the changed field changes', async () => {
    for (const [path, field] of [
      [`auth/0.1/groups/${group.uuid}`, 'name'],
      [`auth/0.1/policies/${policy.uuid}`, 'description'],
    ] as const) {
      const before = await sdk.request<Row>(admin, 'get', path);
      await sdk.request(admin, 'put', path, { ...before, [field]: `${before[field]}-2` });
      assert.deepEqual(await sdk.request<Row>(admin, 'get', path), {
        ...before,
        [field]: `${before[field]}-2`,
      });
    }
  });

  it('when the SDK removes the user from the group and deletes group and policy, then they are gone', async () => {
    assert.equal(await sdk.call(admin, 'auth.deleteUserGroup', user.uuid, group.uuid), true);
    assert.equal((await sdk.call<List<Row>>(admin, 'auth.listUsersGroup', group.uuid)).items.length, 0);
    assert.equal(await sdk.call(admin, 'auth.deleteGroup', group.uuid), true);
    assert.equal(await sdk.call(admin, 'auth.deletePolicy', policy.uuid), true);
    const list = await sdk.call<List<Row>>(admin, 'auth.listPolicies');
    assert.ok(!list.items.some((p) => p.uuid === policy.uuid));
  });
});

describe('sessions', () => {
  it('when an admin lists sessions and deletes one, then its token stops checking', async () => {
    const user = await sdk.call<Row>(admin, 'auth.createUser', uniq('dave'), 'dave-pass-1', 'Dave', 'D');
    const session = await sdk.call<Session>({}, 'auth.logIn', {
      username: user.username,
      password: 'dave-pass-1',
      expiration: 60,
    });
    const sessions = await sdk.request<List<Row>>(admin, 'get', 'auth/0.1/sessions');
    assert.ok(sessions.items.some((s) => s.uuid === session.sessionUuid && s.user_uuid === user.uuid));
    assert.equal(await sdk.request(admin, 'delete', `auth/0.1/sessions/${session.sessionUuid}`), true);
    assert.equal(await sdk.call({}, 'auth.checkToken', session.token), false);
  });
});

/** A confd user with a SIP line and a login, made through the SDK's requester as an admin. */
async function confdUser(firstname: string) {
  const username = uniq(firstname.toLowerCase());
  const context = await sdk.request<Row>(admin, 'post', 'confd/1.1/contexts', { label: uniq('ctx') });
  const user = await sdk.request<Row>(admin, 'post', 'confd/1.1/users', {
    firstname,
    lastname: 'Phone',
    auth: { username, password: 'phone-pass-1' },
    lines: [
      {
        context: context.name,
        endpoint_sip: {
          auth_section_options: [
            ['username', `${username}-sip`],
            ['password', 'sip-secret'],
          ],
        },
      },
    ],
  });
  return { user, username, password: 'phone-pass-1', context };
}

describe('confd as an administrator', () => {
  let made: Awaited<ReturnType<typeof confdUser>>;
  let uuid: string;

  before(async () => {
    made = await confdUser('Erin');
    uuid = String(made.user.uuid);
  });

  it('when the SDK lists confd users, then the user is an item with its uuid and names', async () => {
    const list = await sdk.call<List<Row>>(admin, 'confd.listUsers');
    const item = list.items.find((u) => u.uuid === uuid);
    assert.deepEqual([item?.firstname, item?.lastname], ['Erin', 'Phone']);
  });

  it('when the SDK reads the user, then its Profile holds what Profile.parse reads', async () => {
    const profile = await sdk.call<Row>(admin, 'confd.getUser', uuid);
    assert.equal(profile.id, uuid);
    assert.deepEqual([profile.firstName, profile.lastName, profile.mobileNumber], ['Erin', 'Phone', '']);
    assert.equal((profile.lines as Row[]).length, 1);
    assert.equal(profile.doNotDisturb, false);
    assert.deepEqual(
      (profile.forwards as Row[]).map((f) => [f.key, f.enabled]),
      [
        ['unconditional', false],
        ['noanswer', false],
        ['busy', false],
      ],
    );
    assert.deepEqual([profile.switchboards, profile.callPickupTargetUsers], [[], []]);
    assert.equal(profile.ringSeconds, 30);
  });

  it('when the SDK updates the user from its Profile, then names, e-mail and mobile number change', async () => {
    const profile = await sdk.call<Row>(admin, 'confd.getUser', uuid);
    const changed = { ...profile, firstName: 'Erina', email: 'erina@example.com', mobileNumber: '5550001' };
    assert.equal(await sdk.call(admin, 'confd.updateUser', uuid, changed), true);
    const read = await sdk.call<Row>(admin, 'confd.getUser', uuid);
    assert.deepEqual(
      [read.firstName, read.email, read.mobileNumber],
      ['Erina', 'erina@example.com', '5550001'],
    );
  });

  it("when the SDK puts back the whole GET body of the user, then Wazo's deprecated call_record_enabled is refused as Wazo refuses it", async () => {
    // Wazo's UserSchema dumps `call_record_enabled` beside the four `call_record_*_enabled` and
    // refuses a body holding both: a GET put back as is fails on Wazo too.
    const path = `confd/1.1/users/${uuid}`;
    const before = await sdk.request<Row>(admin, 'get', path);
    const refused = await sdk.request(admin, 'put', path, { ...before, lastname: 'Handset' }, 'success').then(
      () => null,
      (e: SdkCallError) => e.sdk,
    );
    assert.deepEqual(
      [refused?.class, refused?.status, refused?.message],
      [
        'BadResponse',
        400,
        JSON.stringify([
          "Input Error - _schema: [\"'call_record_enabled' is deprecated and incompatible with 'call_record_*_enabled' options\"]",
        ]),
      ],
    );
    assert.deepEqual(await sdk.request<Row>(admin, 'get', path), before);
  });

  it('when the SDK puts back the whole GET body of the user without the deprecated key, then only the changed field changes', async () => {
    const path = `confd/1.1/users/${uuid}`;
    const { call_record_enabled: _deprecated, ...before } = await sdk.request<Row>(admin, 'get', path);
    assert.ok(Array.isArray(before.links) && Array.isArray(before.lines) && Array.isArray(before.groups));
    assert.equal(await sdk.request(admin, 'put', path, { ...before, lastname: 'Handset' }, 'success'), true);
    const after = await sdk.request<Row>(admin, 'get', path);
    // The user's own summaries (its line's `users`) show the new name too: nothing else differs.
    const expected = JSON.stringify({ ...before, lastname: 'Handset', call_record_enabled: _deprecated });
    assert.deepEqual(after, JSON.parse(expected.replaceAll('"lastname":"Phone"', '"lastname":"Handset"')));
  });

  it('when the SDK puts back the whole GET body of a confd group, then only the label changes', async () => {
    const group = await sdk.request<Row>(admin, 'post', 'confd/1.1/groups', { label: uniq('Support') });
    await sdk.request(
      admin,
      'put',
      `confd/1.1/groups/${group.uuid}/members/users`,
      { users: [{ uuid }] },
      'success',
    );
    const path = `confd/1.1/groups/${group.uuid}`;
    const before = await sdk.request<Row>(admin, 'get', path);
    assert.equal((before.members as { users: Row[] }).users.length, 1);
    assert.equal(await sdk.request(admin, 'put', path, { ...before, label: 'Support Two' }, 'success'), true);
    assert.deepEqual(await sdk.request<Row>(admin, 'get', path), { ...before, label: 'Support Two' });
  });

  it("when the SDK reads the user's SIP line, then SipLine holds the endpoint's username and secret", async () => {
    const profile = await sdk.call<{ lines: Row[] }>(admin, 'confd.getUser', uuid);
    const line = await sdk.call<Row>(admin, 'confd.getUserLineSip', uuid, profile.lines[0]!.id);
    assert.deepEqual([line.username, line.secret], [`${made.username}-sip`, 'sip-secret']);
    const fromToken = await sdk.call<Row>(admin, 'confd.getUserLineSipFromToken', uuid);
    assert.equal(fromToken.username, `${made.username}-sip`);
  });

  it('when the SDK asks for the infos, then it reads the uuid and version', async () => {
    const infos = await sdk.call<Row>(admin, 'confd.getInfos');
    assert.match(String(infos.uuid), /^[0-9a-f-]{36}$/);
    assert.equal(typeof infos.wazo_version, 'string');
  });
});

describe('a PBX user through the SDK (softphone calls)', () => {
  let made: Awaited<ReturnType<typeof confdUser>>;
  let uuid: string;
  let me: Caller;
  let session: Session;

  before(async () => {
    made = await confdUser('Frank');
    uuid = String(made.user.uuid);
    session = await sdk.call<Session>({}, 'auth.logIn', {
      username: made.username,
      password: made.password,
      expiration: 600,
    });
    me = { token: session.token };
  });

  it('when the user keeps a blocklist, then the SDK creates and lists its numbers', async () => {
    const created = await sdk.call<Row>(me, 'confd.createBlockNumber', {
      number: '+33612345678',
      label: 'spam',
    });
    assert.equal(typeof created.uuid, 'string');
    const listed = await sdk.call<{ items: Row[] }>(me, 'confd.getBlockNumbers');
    assert.deepEqual(
      listed.items.map((n) => [n.uuid, n.number, n.label]),
      [[created.uuid, '+33612345678', 'spam']],
    );
  });

  it('when an administrator reads the user’s external apps and the applications, then the SDK gets lists', async () => {
    // ExternalApp.parseMany: the answer's items as the SDK's objects.
    const apps = await sdk.call<Row[]>(admin, 'confd.getExternalApps', uuid);
    assert.deepEqual(apps, []);
    const applications = await sdk.call<unknown>(admin, 'confd.listApplications');
    assert.ok(applications !== null && applications !== undefined);
  });

  it('when the user reads itself, then its Profile is its confd user', async () => {
    const profile = await sdk.call<Row>(me, 'confd.getUser', uuid);
    assert.deepEqual([profile.id, profile.firstName], [uuid, 'Frank']);
  });

  it('when the user sets a forward and its forwards, then its Profile shows them', async () => {
    assert.equal(await sdk.call(me, 'confd.updateForwardOption', uuid, 'busy', '1234', true), true);
    let profile = await sdk.call<{ forwards: Row[] }>(me, 'confd.getUser', uuid);
    assert.deepEqual(
      profile.forwards.find((f) => f.key === 'busy'),
      { key: 'busy', destination: '1234', enabled: true },
    );
    const off = { destination: '', enabled: false };
    const all = { busy: off, noanswer: { destination: '5678', enabled: true }, unconditional: off };
    // All forwards at once need `confd.users.{id}.forwards.update`, which Wazo's default user
    // policy does not grant (`confd.users.me.forwards.*.*`): an admin sets them.
    const refused = await sdk.fails(me, 'confd.updateForwardOptions', uuid, all);
    assert.deepEqual([refused.status, refused.message], [401, '["Unauthorized"]']);
    assert.equal(await sdk.call(admin, 'confd.updateForwardOptions', uuid, all), true);
    profile = await sdk.call<{ forwards: Row[] }>(me, 'confd.getUser', uuid);
    assert.deepEqual(
      profile.forwards.map((f) => [f.key, f.enabled]),
      [
        ['unconditional', false],
        ['noanswer', true],
        ['busy', false],
      ],
    );
  });

  it('when the user turns do-not-disturb on, then its Profile shows it', async () => {
    assert.equal(await sdk.call(me, 'confd.updateDoNotDisturb', uuid, true), true);
    assert.equal((await sdk.call<Row>(me, 'confd.getUser', uuid)).doNotDisturb, true);
  });

  it('when the user reads its outgoing caller ids and SIP lines, then it gets them', async () => {
    const callerIds = await sdk.call<Row[]>(me, 'confd.getOutgoingCallerIDs', uuid);
    // Wazo's anonymous caller id has no number.
    assert.deepEqual(callerIds, [{ idType: 'anonymous', type: 'CallerID' }]);
    const profile = await sdk.call<{ lines: Row[] }>(me, 'confd.getUser', uuid);
    const lines = await sdk.call<Row[]>(
      me,
      'confd.getUserLinesSip',
      uuid,
      profile.lines.map((l) => l.id),
    );
    assert.deepEqual(
      lines.map((l) => l.username),
      [`${made.username}-sip`],
    );
  });

  it('when the user changes its own first name through its Profile, then it is changed', async () => {
    const profile = await sdk.call<Row>(me, 'confd.getUser', uuid);
    const changed = { ...profile, firstName: 'Franky', mobileNumber: '+15550002' };
    assert.equal(await sdk.call(me, 'confd.updateUser', uuid, changed), true);
    assert.equal((await sdk.call<Row>(me, 'confd.getUser', uuid)).firstName, 'Franky');
  });

  it("when the user's Profile has no mobile number, then updateUser's '' is refused as Wazo's pattern refuses it", async () => {
    // Profile.parse turns a null mobile number into '', and Wazo's `^\+?[0-9\*#]+$` refuses ''.
    const profile = await sdk.call<Row>(me, 'confd.getUser', uuid);
    const error = await sdk.fails(me, 'confd.updateUser', uuid, { ...profile, mobileNumber: '' });
    assert.deepEqual(
      [error.class, error.status, error.message],
      [
        'BadResponse',
        400,
        JSON.stringify(["Input Error - mobile_phone_number: ['String does not match expected pattern.']"]),
      ],
    );
  });

  it('when the user lists and deletes its own sessions, then it may', async () => {
    const other = await sdk.call<Session>({}, 'auth.logIn', {
      username: made.username,
      password: made.password,
      expiration: 60,
    });
    const sessions = await sdk.call<List<Row>>(me, 'auth.getUserSession', 'me');
    assert.ok(sessions.items.some((s) => s.uuid === other.sessionUuid));
    assert.equal(await sdk.call(me, 'auth.deleteUserSession', 'me', other.sessionUuid), true);
  });

  it('when the user calls an admin method, then the SDK throws a 401 BadResponse naming the missing access', async () => {
    const error = await sdk.fails(me, 'auth.listTenants');
    assert.deepEqual([error.class, error.status, error.errorId], ['BadResponse', 401, 'unauthorized']);
    // xivo's MissingPermissionsTokenAPIException: the token masked, reason, access and tenant.
    const details = error.details as Row;
    assert.deepEqual(
      [details.reason, details.required_access, 'tenant_uuid' in details],
      ['missing_permission_or_invalid_tenant', 'auth.tenants.read', true],
    );
    assert.match(String(details.invalid_token), /X{8}-X{4}-X{4}-X{4}-X{4}[0-9a-f]{8}$/);
    // wazo-confd answers its errors as a list of strings, the 401 of its ACL check included.
    const confd = await sdk.fails(me, 'confd.listUsers');
    assert.deepEqual([confd.class, confd.status, confd.message], ['BadResponse', 401, '["Unauthorized"]']);
  });

  it("when the user changes its password, then its sessions end (the SDK's token no longer checks)", async () => {
    assert.equal(await sdk.call(me, 'auth.updatePassword', uuid, made.password, 'phone-pass-2'), true);
    assert.equal(await sdk.call({}, 'auth.checkToken', session.token), false);
  });
});

describe('bad calls get the error the SDK makes of Wazo’s answer', () => {
  it('when the password is wrong, then logIn throws a 401 BadResponse of wazo-auth’s legacy body', async () => {
    const credentials = await platform.admin();
    const error = await sdk.fails({}, 'auth.logIn', {
      username: credentials.username,
      password: 'wrong',
      expiration: 60,
    });
    assert.deepEqual([error.class, error.status], ['BadResponse', 401]);
    // No `message` in the legacy body: BadResponse keeps the whole body as its message.
    const body = JSON.parse(error.message) as Row;
    assert.deepEqual([body.reason, body.status_code], [['Authentication Failed'], 401]);
  });

  it('when a token is unknown, then authenticate throws a 404 BadResponse (no such token)', async () => {
    const error = await sdk.fails({}, 'auth.authenticate', '00000000-0000-4000-8000-000000000000');
    assert.deepEqual([error.class, error.status], ['BadResponse', 404]);
    assert.deepEqual((JSON.parse(error.message) as Row).reason, ['No such token']);
  });

  it('when an id is unknown, then each daemon’s 404 becomes a BadResponse with its message', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const tenant = await sdk.fails(admin, 'auth.getTenant', unknown);
    assert.deepEqual([tenant.status, tenant.errorId], [404, 'unknown-tenant']);
    const policy = await sdk.fails(admin, 'auth.deletePolicy', unknown);
    assert.equal(policy.status, 404);
    const user = await sdk.fails(admin, 'confd.getUser', unknown);
    assert.deepEqual(
      [user.class, user.status, user.message],
      [
        'BadResponse',
        404,
        JSON.stringify([`Resource Not Found - User was not found ('uuid': '${unknown}')`]),
      ],
    );
  });

  it('when a body is invalid, then the SDK’s BadResponse carries marshmallow’s details', async () => {
    const error = await sdk.fails(admin, 'auth.createTenant', 'x'.repeat(200));
    assert.deepEqual([error.class, error.status, error.errorId], ['BadResponse', 400, 'invalid-data']);
    assert.equal(((error.details as Row).name as Row).constraint_id, 'length');
  });

  it('when the SDK calls an endpoint wazo-ts does not serve yet, then it throws a 404 BadResponse, not a hang', async () => {
    // One call per row of docs/compatibility.md's "not built" table: when one gets built, this
    // fails and the table loses its row.
    const someUuid = adminSession.uuid;
    const notBuilt: [string, ...unknown[]][] = [
      ['auth.getProviders', someUuid],
      ['auth.getPushNotificationSenderId', someUuid],
      ['auth.sendResetPasswordEmail', { username: 'nobody' }],
      ['auth.samlLogOut'],
      ['calld.listCalls'],
      ['callLogd.listCallLogs'],
      ['agentd.getStatus'],
      ['amid.action', 'Ping'],
      ['application.calls', someUuid],
      ['ctidNg.listCalls'],
    ];
    for (const [method, ...args] of notBuilt) {
      const error = await sdk.fails(admin, method, ...args);
      assert.deepEqual([error.class, error.status], ['BadResponse', 404], method);
    }
  });
});

describe('webhooks through the SDK', () => {
  it('when the SDK creates, lists, reads and removes its subscription, then it reads Wazo’s fields (the `tags` it sends are dropped)', async () => {
    const created = await sdk.call<Row>(admin, 'webhookd.createSubscription', {
      name: 'sdk hook',
      service: 'http',
      events: ['user_created'],
      config: {
        url: 'https://example.com/{{ event_name }}',
        method: 'POST',
        body: '{{ event|tojson }}',
        content_type: 'application/json',
        verify_certificate: 'true',
      },
      tags: { team: 'sdk' },
    });
    // createSubscription answers the server's body as is; the reads answer the SDK's Subscription.
    assert.equal(created.name, 'sdk hook');
    assert.equal(created.owner_user_uuid, adminSession.uuid);
    assert.equal(created.events_user_uuid, adminSession.uuid);
    assert.equal(created.owner_tenant_uuid, adminSession.tenantUuid);
    assert.equal((created.config as Row).method, 'post');
    assert.deepEqual(created.metadata, {});
    const listed = await sdk.call<Row[]>(admin, 'webhookd.getSubscriptions');
    assert.deepEqual(
      listed.map((s) => s.uuid),
      [created.uuid],
    );
    const read = await sdk.call<Row>(admin, 'webhookd.getSubscription', created.uuid);
    assert.deepEqual(read.events, ['user_created']);
    assert.equal(read.ownerUserUuid, adminSession.uuid);
    assert.equal(read.ownerTenantUuid, adminSession.tenantUuid);
    await sdk.call(admin, 'webhookd.removeSubscription', created.uuid);
    assert.deepEqual(await sdk.call<Row[]>(admin, 'webhookd.getSubscriptions'), []);
    const gone = await sdk.fails(admin, 'webhookd.getSubscription', created.uuid);
    assert.deepEqual([gone.class, gone.status, gone.errorId], ['BadResponse', 404, 'no-such-subscription']);
  });
});

describe('meetings through the SDK', () => {
  let owner: Caller;
  let ownerUuid: string;

  before(async () => {
    await sdk.request(admin, 'post', 'confd/1.1/ingresses/http', { uri: 'https://meet.example.com' });
    const made = await confdUser('Mia');
    const session = await sdk.call<Session>({}, 'auth.logIn', {
      username: made.username,
      password: made.password,
      expiration: 600,
    });
    owner = { token: session.token };
    ownerUuid = session.uuid;
  });

  it('when a PBX user makes a meeting and a guest asks to join, then the owner accepts, rejects and deletes it', async () => {
    const meeting = await sdk.call<Row>(owner, 'confd.createMyMeeting', {
      name: 'Standup',
      requireAuthorization: true,
    });
    assert.deepEqual(
      [meeting.name, meeting.ownerUuids, meeting.uri, meeting.requireAuthorization, meeting.persistent],
      ['Standup', [ownerUuid], 'https://meet.example.com', true, false],
    );
    assert.match(String(meeting.extension), /^\*41\d{6}$/);
    assert.equal(meeting.guestSipAuthorization, null);
    const uuid = String(meeting.uuid);
    const mine = await sdk.call<Row[]>(owner, 'confd.getMyMeetings');
    assert.deepEqual(
      mine.map((m) => m.uuid),
      [uuid],
    );
    assert.equal((await sdk.call<Row>(admin, 'confd.getMeeting', uuid)).name, 'Standup');
    assert.equal((await sdk.call<Row>({}, 'confd.guestGetMeeting', uuid)).uri, 'https://meet.example.com');

    const guest = '169e4045-4f2d-4cd1-9933-97c9a1ebb3ff';
    const asked = await sdk.call<Row>({}, 'confd.guestAuthorizationRequest', guest, uuid, 'Jane');
    assert.deepEqual([asked.meetingUuid, asked.userUuid, asked.userName], [uuid, guest, 'Jane']);
    const authorization = String(asked.uuid);
    const pending = await sdk.call<Row>({}, 'confd.guestAuthorizationCheck', guest, uuid, authorization);
    assert.deepEqual([pending.status, pending.guest_sip_authorization], ['pending', null]);
    const listed = await sdk.call<Row[]>(owner, 'confd.meetingAuthorizations', uuid);
    assert.deepEqual(
      listed.map((a) => [a.uuid, a.userName]),
      [[authorization, 'Jane']],
    );
    assert.equal(await sdk.call(owner, 'confd.meetingAuthorizationAccept', uuid, authorization), true);
    const accepted = await sdk.call<Row>({}, 'confd.guestAuthorizationCheck', guest, uuid, authorization);
    assert.equal(accepted.status, 'accepted');
    assert.match(String(accepted.guest_sip_authorization), /^[A-Za-z0-9+/]+=*$/);
    assert.equal(await sdk.call(owner, 'confd.meetingAuthorizationReject', uuid, authorization), true);
    const rejected = await sdk.call<Row>({}, 'confd.guestAuthorizationCheck', guest, uuid, authorization);
    assert.equal(rejected.status, 'rejected');

    assert.equal(await sdk.call(owner, 'confd.updateMyMeeting', uuid, { name: 'Retro' }), true);
    assert.equal((await sdk.call<Row>(admin, 'confd.getMeeting', uuid)).name, 'Retro');
    await sdk.call(owner, 'confd.deleteMyMeeting', uuid);
    const gone = await sdk.fails(admin, 'confd.getMeeting', uuid);
    assert.deepEqual([gone.class, gone.status], ['BadResponse', 404]);
  });
});

describe('websocketd through the SDK’s WebSocketClient', () => {
  let made: Awaited<ReturnType<typeof confdUser>>;
  let uuid: string;
  let session: Session;

  before(async () => {
    made = await confdUser('Gina');
    uuid = String(made.user.uuid);
    session = await sdk.call<Session>({}, 'auth.logIn', {
      username: made.username,
      password: made.password,
      expiration: 600,
    });
  });

  it('when an admin subscribes to everything (v2), then a REST change reaches it as the SDK emits it by name', async () => {
    const { socket } = await sdk.openSocket({
      token: admin.token!,
      version: 2,
      events: ['*'],
      listen: ['user_edited'],
    });
    assert.ok(socket);
    await sdk.request(admin, 'put', `confd/1.1/users/${uuid}`, { firstname: 'Gigi' }, 'success');
    const event = await sdk.nextEvent(socket, 'user_edited', { uuid });
    assert.deepEqual([(event.data as Row).uuid, (event.data as Row).tenant_uuid], [uuid, session.tenantUuid]);
    await sdk.closeSocket(socket);
  });

  it('when a PBX user subscribes by name (v1), then its own forward change reaches it as the raw bus body', async () => {
    const name = 'users_forwards_busy_updated';
    const { socket } = await sdk.openSocket({
      token: session.token,
      version: 1,
      events: [name],
      listen: [name],
    });
    assert.ok(socket);
    await sdk.call({ token: session.token }, 'confd.updateForwardOption', uuid, 'busy', '42', true);
    const event = await sdk.nextEvent(socket, name);
    const data = event.data as Row;
    assert.deepEqual([data.user_uuid, data.enabled, data.destination], [uuid, true, '42']);
    // v1 is the bus body itself: the envelope's keys beside `data`.
    assert.equal(event.name, name);
    assert.match(String(event.origin_uuid), /^[0-9a-f-]{36}$/);
    await sdk.closeSocket(socket);
  });

  it('when the SDK connects with an empty version, then it is version 1 (started), as Wazo', async () => {
    const opened = await sdk.openSocket({
      token: session.token,
      version: '' as never,
      events: [],
      listen: [],
    });
    assert.ok(opened.socket, JSON.stringify(opened));
    await sdk.closeSocket(opened.socket);
  });

  it('when the SDK connects without a version (version=undefined), then it is closed as a protocol error', async () => {
    const opened = await sdk.openSocket({ token: session.token, events: [], listen: [] });
    assert.deepEqual(opened.closed?.code, 4004);
  });

  it('when the token is not a valid one, then the SDK sees 4002 (its on_auth_failed)', async () => {
    const opened = await sdk.openSocket({
      token: '00000000-0000-4000-8000-000000000000',
      version: 2,
      events: [],
      listen: [],
    });
    assert.deepEqual(opened.closed, { code: 4002, reason: 'authentication failed' });
  });

  it('when the SDK renews the token of an open v2 socket, then events keep coming after the first token is logged out', async () => {
    const name = 'users_services_dnd_updated';
    const login = () =>
      sdk.call<Session>({}, 'auth.logIn', {
        username: made.username,
        password: made.password,
        expiration: 600,
      });
    const first = await login();
    const { socket } = await sdk.openSocket({
      token: first.token,
      version: 2,
      events: [name],
      listen: [name],
    });
    assert.ok(socket);
    const renewed = await login();
    await sdk.updateToken(socket, renewed.token);
    await sdk.ping(socket);
    assert.equal(await sdk.call({}, 'auth.logOut', first.token), true);
    await sdk.call({ token: renewed.token }, 'confd.updateDoNotDisturb', uuid, true);
    const event = await sdk.nextEvent(socket, name, { user_uuid: uuid });
    assert.equal((event.data as Row).enabled, true);
    await sdk.closeSocket(socket);
  });

  it('when the user logs out, then its open socket is closed with 4003', async () => {
    const { socket } = await sdk.openSocket({ token: session.token, version: 2, events: ['*'], listen: [] });
    assert.ok(socket);
    assert.equal(await sdk.call({}, 'auth.logOut', session.token), true);
    assert.deepEqual(await sdk.socketClosed(socket), { code: 4003, reason: 'session deleted' });
  });
});

describe('directories through the SDK (a PBX user of the Wazo app)', () => {
  let me: Caller;
  let colleague: string;

  before(async () => {
    const grace = await confdUser('Grace');
    colleague = uniq('Heidi');
    await confdUser(colleague);
    const session = await sdk.call<Session>({}, 'auth.logIn', {
      username: grace.username,
      password: grace.password,
      expiration: 600,
    });
    me = { token: session.token };
  });

  it("when the user searches the default profile, then the SDK's contacts include the colleague from wazo-confd", async () => {
    const found = await sdk.call<Row[]>(me, 'dird.search', 'default', colleague);
    const hit = found.find((contact) => String(contact.name).includes(colleague));
    assert.ok(hit, JSON.stringify(found));
    assert.equal(hit.backend, 'wazo');
    assert.equal(hit.favorited, false);
  });

  it('when the user marks the colleague as a favorite, then the favorites list it; unmarked, it goes', async () => {
    const [hit] = (await sdk.call<Row[]>(me, 'dird.search', 'default', colleague)).filter((c) =>
      String(c.name).includes(colleague),
    );
    assert.ok(hit);
    assert.equal(await sdk.call(me, 'dird.markAsFavorite', hit.source, hit.sourceId), true);
    const favorites = await sdk.call<Row[]>(me, 'dird.listFavorites', 'default');
    assert.deepEqual(
      favorites.map((c) => [c.sourceId, c.favorited]),
      [[hit.sourceId, true]],
    );
    await sdk.call(me, 'dird.removeFavorite', hit.source, hit.sourceId);
    assert.deepEqual(await sdk.call<Row[]>(me, 'dird.listFavorites', 'default'), []);
  });

  it('when the user adds a personal contact, then the SDK lists it and a search finds it from the personal backend', async () => {
    const added = await sdk.call<Row>(me, 'dird.addContact', {
      firstName: 'Ivan',
      lastName: uniq('Petrov'),
      phoneNumber: '5551234',
      email: 'ivan@example.com',
    });
    assert.match(String(added.sourceId), /^[0-9a-f-]{36}$/);
    const personal = await sdk.call<Row[]>(me, 'dird.listPersonalContacts');
    assert.deepEqual(
      personal.map((c) => [c.sourceId, c.number, c.email]),
      [[added.sourceId, '5551234', 'ivan@example.com']],
    );
    const found = await sdk.call<Row[]>(me, 'dird.search', 'default', String(added.lastName));
    assert.ok(
      found.some((c) => c.backend === 'personal' && c.sourceId === added.sourceId),
      JSON.stringify(found),
    );
    // The phone's reverse lookup of a caller's number (GraphQL `me.contacts(extens:)`, profile default).
    const reversed = await sdk.call<Row[]>(me, 'dird.findMultipleContactsByNumber', ['5551234', '5550000']);
    assert.deepEqual(
      reversed.map((c) => [c.name, c.number, c.backend]),
      [[`Ivan ${added.lastName}`, '5551234', 'personal']],
      JSON.stringify(reversed),
    );
    await sdk.call(me, 'dird.deleteContact', added.sourceId);
    assert.deepEqual(await sdk.call<Row[]>(me, 'dird.listPersonalContacts'), []);
  });
});
