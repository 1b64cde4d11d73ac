import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { groupsDao } from '../groups/groups.dao.js';
import { groupsPlugin } from '../groups/groups.routes.js';
import { seedAuthDatabase } from '../seed/index.js';
import { tenantTree } from '../tenant-tree/index.js';
import { type AuthTestDatabase, createAuthTestDatabase, insertTenant } from '../testing/auth-database.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { applyDefaultPolicies } from './default-policies.js';
import { policiesDao } from './policies.dao.js';
import { policiesPlugin } from './policies.routes.js';

describe('policies API', () => {
  let t: AuthTestDatabase;
  let api: TestApi;
  let master: string;
  let child: string;
  let other: string;
  const as = (token: string, tenant: string) => ({ 'x-auth-token': token, 'wazo-tenant': tenant });
  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    token: string,
    tenant: string,
    payload?: unknown,
  ) =>
    api.app.inject({
      method,
      url: `/0.1${url}`,
      headers: as(token, tenant),
      ...(payload ? { payload: payload as object } : {}),
    });

  before(async () => {
    t = await createAuthTestDatabase();
    master = (await seedAuthDatabase(t.db)).masterTenantUuid;
    child = await insertTenant(t.db, { parentUuid: master });
    other = await insertTenant(t.db, { parentUuid: master });
    await seedAuthDatabase(t.db); // their all-users groups
    api = await buildTestApi(t, [policiesPlugin, groupsPlugin]);
    api.verifier.addSubtenant(master, child);
    api.verifier.addSubtenant(master, other);
    api.verifier.add({ token: 'root', acl: ['#'], metadata: { tenant_uuid: master } });
    api.verifier.add({
      token: 'limited',
      acl: ['auth.policies.#', 'auth.groups.#', 'confd.users.read'],
      metadata: { tenant_uuid: child },
    });
    api.verifier.add({ token: 'otheradmin', acl: ['#'], metadata: { tenant_uuid: other } });
  });
  after(async () => {
    await api.app.close();
    await t.drop();
  });

  it('when a policy is created, then 200 with a slug from its name, and it reads back by uuid and slug', async () => {
    const res = await call('POST', '/policies', 'root', child, {
      name: 'My Policy!',
      acl: ['confd.users.read', 'x.#'],
    });
    assert.equal(res.statusCode, 200, res.body);
    const policy = res.json();
    assert.equal(policy.slug, 'MyPolicy');
    assert.equal(policy.tenant_uuid, child);
    assert.deepEqual(policy.acl, ['confd.users.read', 'x.#']);
    assert.equal(policy.read_only, false);
    assert.equal((await call('GET', `/policies/${policy.uuid}`, 'root', child)).json().name, 'My Policy!');
    assert.equal((await call('GET', '/policies/MyPolicy', 'root', child)).json().uuid, policy.uuid);
    const dup = await call('POST', '/policies', 'root', child, { name: 'Other', slug: 'MyPolicy' });
    assert.equal(dup.statusCode, 409);
    assert.deepEqual(dup.json().reason, ['Policy "Other" already exists']);
  });

  it('when a caller adds an access it does not hold, then 401 with required_access; a negative one is fine', async () => {
    const denied = await call('POST', '/policies', 'limited', child, {
      name: 'esc',
      acl: ['confd.users.read', 'confd.#'],
    });
    assert.equal(denied.statusCode, 401);
    assert.equal(denied.json().details.required_access, 'confd.#');
    const ok = await call('POST', '/policies', 'limited', child, {
      name: 'narrow',
      acl: ['confd.users.read', '!auth.#'],
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const uuid = ok.json().uuid;
    assert.equal(
      (await call('PUT', `/policies/${uuid}/acl/confd.users.delete`, 'limited', child)).statusCode,
      401,
    );
    assert.equal(
      (await call('PUT', `/policies/${uuid}/acl/confd.users.read`, 'limited', child)).statusCode,
      409,
    );
    // Removing `!auth.#` requires holding auth.#, which `limited` does not.
    assert.equal(
      (await call('DELETE', `/policies/${uuid}/acl/${encodeURIComponent('!auth.#')}`, 'limited', child))
        .statusCode,
      401,
    );
    assert.equal(
      (await call('DELETE', `/policies/${uuid}/acl/confd.users.read`, 'limited', child)).statusCode,
      204,
    );
    assert.deepEqual((await call('GET', `/policies/${uuid}`, 'root', child)).json().acl, ['!auth.#']);
  });

  it('when a policy of another tenant is read, then 404 in the legacy body', async () => {
    const mine = (await call('POST', '/policies', 'root', child, { name: 'private' })).json();
    const res = await call('GET', `/policies/${mine.uuid}`, 'otheradmin', other);
    assert.equal(res.statusCode, 404);
    assert.deepEqual(res.json().reason, [`No such policy ${mine.uuid}`]);
    assert.equal((await call('DELETE', `/policies/${mine.uuid}`, 'otheradmin', other)).statusCode, 404);
  });

  it('when a shared policy is seen from a sub-tenant, then read-only with the viewer tenant and writes give 403', async () => {
    const shared = (
      await call('POST', '/policies', 'root', master, { name: 'shared one', shared: true, acl: ['a.b'] })
    ).json();
    const seen = (await call('GET', `/policies?uuid=${shared.uuid}`, 'root', child)).json();
    assert.equal(seen.total >= 1, true);
    assert.equal(seen.filtered, undefined);
    assert.deepEqual(
      { tenant: seen.items[0].tenant_uuid, read_only: seen.items[0].read_only, shared: seen.items[0].shared },
      { tenant: child, read_only: true, shared: false },
    );
    const put = await call('PUT', `/policies/${shared.uuid}`, 'root', child, { name: 'x', acl: [] });
    assert.equal(put.statusCode, 403);
    assert.deepEqual(put.json().reason, [`Forbidden policy deletion: "${shared.uuid}"`]);
    assert.equal((await call('GET', `/policies/${shared.uuid}`, 'root', master)).json().read_only, false);
  });

  it('when the list is searched, filtered and ordered, then the items follow Wazo', async () => {
    await call('POST', '/policies', 'root', other, { name: 'alpha beta', description: 'first' });
    await call('POST', '/policies', 'root', other, { name: 'gamma', description: 'alpha in description' });
    const found = (
      await call('GET', '/policies?search=alpha&order=name&direction=desc', 'root', other)
    ).json();
    assert.deepEqual(
      found.items.map((p: { name: string }) => p.name),
      ['gamma', 'alpha beta'],
    );
    const words = (await call('GET', '/policies?search=al%20be', 'root', other)).json();
    assert.deepEqual(
      words.items.map((p: { name: string }) => p.name),
      ['alpha beta'],
    );
    const page = (
      await call('GET', '/policies?order=name&limit=1&offset=1&read_only=false', 'root', other)
    ).json();
    assert.deepEqual(
      page.items.map((p: { name: string }) => p.name),
      ['gamma'],
    );
    assert.equal((await call('GET', '/policies?order=nope', 'root', other)).statusCode, 400);
  });

  it('when a policy is linked to a group, then the guard applies and the group lists it', async () => {
    const strong = (
      await call('POST', '/policies', 'root', child, { name: 'strong', acl: ['confd.#'] })
    ).json();
    const group = (await call('POST', '/groups', 'root', child, { name: 'ops' })).json();
    assert.equal(
      (await call('PUT', `/groups/${group.uuid}/policies/${strong.uuid}`, 'limited', child)).statusCode,
      401,
    );
    assert.equal((await call('PUT', `/groups/${group.uuid}/policies/strong`, 'root', child)).statusCode, 204);
    const listed = (await call('GET', `/groups/${group.uuid}/policies`, 'root', child)).json();
    assert.deepEqual(
      listed.items.map((p: { uuid: string }) => p.uuid),
      [strong.uuid],
    );
    assert.equal(
      (await call('DELETE', `/groups/${group.uuid}/policies/${strong.uuid}`, 'limited', child)).statusCode,
      401,
    );
    const byPolicy = (await call('GET', `/groups?policy_slug=strong`, 'root', child)).json();
    assert.deepEqual(
      byPolicy.items.map((g: { uuid: string }) => g.uuid),
      [group.uuid],
    );
  });

  it('when default policies are configured, then they are upserted read-only, given to all users and dropped once unconfigured', async () => {
    const deps = {
      uow: t.uow,
      dao: policiesDao,
      groups: groupsDao,
      tenants: tenantTree,
      warn: () => undefined,
    };
    const config = {
      default_policies: { wazo_default_user_policy: { acl: ['auth.users.me.#'] } },
      all_users_policies: { wazo_default_user_policy: true },
    };
    await applyDefaultPolicies(deps, config);
    const again = await applyDefaultPolicies(deps, {
      ...config,
      default_policies: { wazo_default_user_policy: { acl: ['x.y'] } },
    });
    assert.deepEqual(again.upserted, ['wazo_default_user_policy']);
    const seen = (await call('GET', '/policies?slug=wazo_default_user_policy', 'root', child)).json();
    assert.equal(seen.items.length, 1);
    assert.deepEqual(
      [seen.items[0].acl, seen.items[0].read_only, seen.items[0].tenant_uuid],
      [['x.y'], true, child],
    );
    assert.equal((await call('DELETE', `/policies/${seen.items[0].uuid}`, 'root', master)).statusCode, 403);
    const linked = await t.db
      .selectFrom('group_policy')
      .select('group_uuid')
      .where('policy_uuid', '=', seen.items[0].uuid)
      .execute();
    assert.equal(linked.length, 3);
    const kept = await applyDefaultPolicies(deps, { default_policies: {}, all_users_policies: {} });
    assert.deepEqual(kept.deleted, ['wazo_default_user_policy']);
  });
});
