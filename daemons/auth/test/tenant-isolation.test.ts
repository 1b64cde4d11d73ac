/**
 * Reference §5 on every route, not route by route: an admin of a sibling tenant (ACL `#`) gets 404
 * on each item route naming the owner tenant's user, group, policy, session or the tenant itself,
 * and nothing of the owner's changes; and a `Wazo-Tenant` outside the caller's subtree (a sibling,
 * an ancestor, an unknown uuid) gives 401 `unauthorized-tenant` on every list route. The routes
 * come from the daemon's own OpenAPI document, so a new route cannot slip past the sweep.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type AuthUnderTest, startAuth } from '@wazo-ts/auth/testing';
import { call } from '@wazo-ts/daemon/testing';
import { parse } from 'yaml';
import { asAdmin, buildIsolationWorld, CLIENT_ID, type IsolationWorld } from './support/isolation-world.js';

type Operations = { method: string; path: string; acl?: string }[];

/** Bodies valid enough to pass validation, so the answer is about the resource, not the body. */
const BODIES: Record<string, unknown> = {
  'PUT /tenants/{tenant_uuid}': { name: 'Hijacked' },
  'PUT /policies/{policy_uuid}': { name: 'hijacked', description: null, acl: [] },
  'PUT /groups/{group_uuid}': { name: 'hijacked' },
  'PUT /users/{user_uuid}': { username: 'hijacked', firstname: null, lastname: null, enabled: false },
  'PUT /users/{user_uuid}/password': { old_password: 'owner-pass', new_password: 'hijacked' },
  'PUT /users/{user_uuid}/emails': { emails: [] },
  'PUT /admin/users/{user_uuid}/emails': { emails: [] },
};

/** Wazo's own answers that are not 404 (reference §4): accepted, provided nothing changed. */
const WAZO_ANSWERS: Record<string, number[]> = {
  // DELETE /sessions/{s} answers 204 even for a session it does not find.
  'DELETE /sessions/{session_uuid}': [204],
};

async function operations(auth: AuthUnderTest): Promise<Operations> {
  const res = await call(`${auth.api}/api/api.yml`);
  const document = parse(res.text) as { paths: Record<string, Record<string, { 'x-wazo-acl'?: string }>> };
  return Object.entries(document.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path: path.replace(/^\/0\.1/, ''),
      acl: op['x-wazo-acl'],
    })),
  );
}

function fill(path: string, world: IsolationWorld): string {
  const values: Record<string, string> = {
    tenant_uuid: world.owner.tenant,
    parent_uuid: world.intruder.tenant,
    user_uuid: world.owner.user,
    group_uuid: world.owner.group,
    policy_uuid: world.owner.policy,
    session_uuid: world.owner.session.session_uuid,
    client_id: CLIENT_ID,
    access: 'x.y',
  };
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (!value) throw new Error(`${path}: no owner value for {${name}}: add it to the sweep`);
    return value;
  });
}

describe('tenant isolation on every route', () => {
  let auth: AuthUnderTest;
  let world: IsolationWorld;
  let ops: Operations;

  before(async () => {
    auth = await startAuth();
    world = await buildIsolationWorld(auth);
    ops = (await operations(auth)).filter((op) => op.acl);
  });
  after(async () => auth?.stop());

  it("when a sibling tenant's admin calls any item route on the owner's resources, then 404", async () => {
    const intruder = asAdmin(auth, world.intruder.admin);
    const items = ops.filter((op) => op.path.includes('{') && !op.path.includes('/me/'));
    assert.ok(items.length > 20, `${items.length} item routes`);
    const wrong: string[] = [];
    for (const op of items) {
      const key = `${op.method} ${op.path}`;
      const res = await intruder(op.method, fill(op.path, world), BODIES[key]);
      const allowed = [404, ...(WAZO_ANSWERS[key] ?? [])];
      if (!allowed.includes(res.status)) wrong.push(`${key} → ${res.status} ${res.text.slice(0, 120)}`);
    }
    assert.deepEqual(wrong, []);
  });

  it("when the sweep is over, then the owner's tenant, user, group, policy and session are untouched", async () => {
    const master = asAdmin(auth, world.masterAdmin, world.owner.tenant);
    const tenant = await master('GET', `/tenants/${world.owner.tenant}`);
    assert.equal(tenant.json<{ name: string; parent_uuid: string }>().name, 'Owner');
    assert.equal(tenant.json<{ parent_uuid: string }>().parent_uuid, auth.masterTenantUuid);
    const user = await master('GET', `/users/${world.owner.user}`);
    assert.equal(user.status, 200);
    assert.equal(user.json<{ enabled: boolean }>().enabled, true);
    assert.notEqual(user.json<{ username: string }>().username, 'hijacked');
    assert.notEqual(
      (await master('GET', `/groups/${world.owner.group}`)).json<{ name: string }>().name,
      'hijacked',
    );
    const policy = await master('GET', `/policies/${world.owner.policy}`);
    assert.deepEqual(policy.json<{ acl: string[] }>().acl, ['x.y']);
    const check = await call(`${auth.api}/token/${world.owner.session.token}`, { method: 'HEAD' });
    assert.equal(check.status, 204, 'the owner is still logged in');
    const tokens = await master('GET', `/users/${world.owner.user}/tokens`);
    assert.equal(tokens.json<{ total: number }>().total, 1, 'the refresh token survives');
  });

  it('when Wazo-Tenant names a tenant outside the caller subtree, then every list route answers 401 unauthorized-tenant', async () => {
    const lists = ops.filter((op) => op.method === 'GET' && !op.path.includes('{'));
    assert.ok(lists.length >= 6, lists.map((op) => op.path).join(' '));
    const foreign = {
      sibling: asAdmin(auth, world.intruder.admin, world.owner.tenant),
      ancestor: asAdmin(auth, world.intruder.admin, auth.masterTenantUuid),
      unknown: asAdmin(auth, world.intruder.admin, randomUUID()),
    };
    const wrong: string[] = [];
    for (const op of lists) {
      for (const [kind, caller] of Object.entries(foreign)) {
        const res = await caller('GET', op.path);
        const body =
          res.status === 401 ? res.json<{ error_id?: string; details?: { tenant_uuid?: string } }>() : {};
        if (res.status !== 401 || body.error_id !== 'unauthorized-tenant' || !body.details?.tenant_uuid)
          wrong.push(`${op.path} (${kind}) → ${res.status} ${res.text.slice(0, 120)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('when Wazo-Tenant names a descendant of the caller tenant, then list routes answer 200', async () => {
    const master = asAdmin(auth, world.masterAdmin, world.owner.tenant);
    for (const path of ['/users', '/groups', '/policies', '/tenants', '/sessions', '/tokens']) {
      const res = await master('GET', path);
      assert.equal(res.status, 200, `${path}: ${res.text}`);
    }
  });
});
