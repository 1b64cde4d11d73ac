import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { backendsPlugin } from '../backends/index.js';
import { seedAuthDatabase } from '../seed/index.js';
import { type AuthTestDatabase, createAuthTestDatabase } from '../testing/auth-database.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { tenantsPlugin } from './tenants.routes.js';

describe('tenants API', () => {
  let t: AuthTestDatabase;
  let api: TestApi;
  let master: string;
  const admin = (tenant: string) => ({ 'x-auth-token': 'admin', 'wazo-tenant': tenant });
  const outboxNames = async () =>
    (await t.pool.query<{ n: string }>("SELECT headers->>'name' AS n FROM bus_outbox ORDER BY id")).rows.map(
      (r) => r.n,
    );

  before(async () => {
    t = await createAuthTestDatabase();
    master = (await seedAuthDatabase(t.db)).masterTenantUuid;
    api = await buildTestApi(t, [tenantsPlugin, backendsPlugin], {
      tenant_default_groups: { managers: { name: 'Managers' } },
    });
    api.verifier.add({ token: 'admin', acl: ['auth.#'], metadata: { tenant_uuid: master } });
  });
  after(async () => {
    await api.app.close();
    await t.drop();
  });

  const create = async (tenant: string, body: Record<string, unknown>) =>
    api.app.inject({ method: 'POST', url: '/0.1/tenants', headers: admin(tenant), payload: body });

  it('when a tenant is created, then 200 with its parent, groups and the added event', async () => {
    const res = await create(master, { name: 'Acme Corp', domain_names: ['b.example.com', 'a.example.com'] });
    assert.equal(res.statusCode, 200, res.body);
    const tenant = res.json();
    assert.equal(tenant.parent_uuid, master);
    assert.equal(tenant.slug, 'AcmeCorp');
    assert.deepEqual(tenant.domain_names, ['a.example.com', 'b.example.com']);
    assert.equal(tenant.address.city, null);
    assert.equal(tenant.default_authentication_method, 'native');
    const groups = await t.db
      .selectFrom('auth_group')
      .select(['slug', 'system_managed'])
      .where('tenant_uuid', '=', tenant.uuid)
      .execute();
    assert.deepEqual(
      groups.map((g) => g.slug).sort(),
      ['managers', `wazo-all-users-tenant-${tenant.uuid}`].sort(),
    );
    assert.ok((await outboxNames()).includes('auth_tenant_added'));
  });

  it('when the slug, a domain or the uuid is taken, then 409 and no event', async () => {
    const uuid = randomUUID();
    assert.equal(
      (await create(master, { uuid, slug: 'dup1', domain_names: ['dup.example.com'] })).statusCode,
      200,
    );
    const before = (await outboxNames()).length;
    assert.equal((await create(master, { slug: 'dup1' })).statusCode, 409);
    assert.equal((await create(master, { domain_names: ['DUP.example.com'] })).statusCode, 409);
    const again = await create(master, { uuid });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error_id, 'tenant-identity-conflict');
    assert.equal((await outboxNames()).length, before);
  });

  it('when the slug or a domain is malformed, then 400', async () => {
    assert.equal((await create(master, { slug: 'has-dash' })).statusCode, 400);
    assert.equal((await create(master, { slug: 'elevenchars' })).statusCode, 400);
    assert.equal((await create(master, { domain_names: ['not a domain'] })).statusCode, 400);
  });

  describe('across tenants', () => {
    let a: string;
    let a1: string;
    let b: string;
    before(async () => {
      a = (await create(master, { name: 'a', slug: 'ta' })).json().uuid;
      // The fake verifier answers Wazo-Tenant from the tree it is told about.
      api.verifier.addSubtenant(master, a);
      a1 = (await create(a, { name: 'a1', slug: 'ta1' })).json().uuid;
      b = (await create(master, { name: 'b', slug: 'tb' })).json().uuid;
      api.verifier.addSubtenant(a, a1);
      api.verifier.addSubtenant(master, b);
      api.verifier.add({ token: 'a-admin', acl: ['auth.#'], metadata: { tenant_uuid: a } });
      api.verifier.add({ token: 'reader', acl: ['auth.tenants.read'], metadata: { tenant_uuid: a } });
    });
    const asA = { 'x-auth-token': 'a-admin' };

    it('when listing, then the scoping tenant and its descendants only, with total and filtered', async () => {
      const res = await api.app.inject({ method: 'GET', url: '/0.1/tenants?order=slug', headers: asA });
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.deepEqual(
        body.items.map((x: { uuid: string }) => x.uuid),
        [a, a1],
      );
      assert.equal(body.total, 2);
      const searched = (
        await api.app.inject({ method: 'GET', url: '/0.1/tenants?search=a1', headers: asA })
      ).json();
      assert.deepEqual([searched.total, searched.filtered], [2, 1]);
    });

    it('when reading, editing or deleting a tenant of another subtree, then 404', async () => {
      for (const method of ['GET', 'PUT', 'DELETE'] as const) {
        const res = await api.app.inject({
          method,
          url: `/0.1/tenants/${b}`,
          headers: asA,
          payload: method === 'PUT' ? {} : undefined,
        });
        assert.equal(res.statusCode, 404, `${method} ${res.body}`);
        assert.equal(res.json().error_id, 'unknown-tenant');
      }
      assert.equal(
        (await api.app.inject({ method: 'GET', url: `/0.1/tenants/${master}`, headers: asA })).statusCode,
        404,
      );
      assert.equal(
        (await api.app.inject({ method: 'GET', url: `/0.1/tenants/${b}/domains`, headers: asA })).statusCode,
        404,
      );
    });

    it('when the token lacks the ACL, or there is none, then 401', async () => {
      const noAcl = await api.app.inject({
        method: 'GET',
        url: `/0.1/tenants/${a1}`,
        headers: { 'x-auth-token': 'reader' },
      });
      assert.equal(noAcl.statusCode, 401);
      assert.equal((await api.app.inject({ method: 'GET', url: '/0.1/tenants' })).statusCode, 401);
      const otherTenant = await api.app.inject({
        method: 'GET',
        url: '/0.1/tenants',
        headers: { ...asA, 'wazo-tenant': b },
      });
      assert.equal(otherTenant.statusCode, 401);
    });

    it('when a tenant is replaced, then the slug stays and the updated event is queued', async () => {
      const res = await api.app.inject({
        method: 'PUT',
        url: `/0.1/tenants/${a1}`,
        headers: asA,
        payload: { name: 'renamed', slug: 'zz', phone: '123' },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([res.json().name, res.json().slug, res.json().phone], ['renamed', 'ta1', '123']);
      assert.equal((await outboxNames()).at(-1), 'auth_tenant_updated');
    });

    it('when moving under a descendant, then 409; under a sibling, then 204', async () => {
      const cycle = await api.app.inject({
        method: 'PUT',
        url: `/0.1/tenants/${a}/parent/${a1}`,
        headers: admin(master),
      });
      assert.equal(cycle.statusCode, 409);
      const c = (await create(master, { slug: 'tc' })).json().uuid;
      const moved = await api.app.inject({
        method: 'PUT',
        url: `/0.1/tenants/${c}/parent/${b}`,
        headers: admin(master),
      });
      assert.equal(moved.statusCode, 204);
      assert.equal(
        (await api.app.inject({ method: 'GET', url: `/0.1/tenants/${c}`, headers: admin(b) })).json()
          .parent_uuid,
        b,
      );
    });

    it('when deleting its own tenant, one with children, then a leaf, then 403, 400, 204 and the event', async () => {
      assert.equal(
        (await api.app.inject({ method: 'DELETE', url: `/0.1/tenants/${a}`, headers: asA })).statusCode,
        403,
      );
      assert.equal(
        (await api.app.inject({ method: 'DELETE', url: `/0.1/tenants/${a}`, headers: admin(master) }))
          .statusCode,
        400,
      );
      assert.equal(
        (await api.app.inject({ method: 'DELETE', url: `/0.1/tenants/${a1}`, headers: asA })).statusCode,
        204,
      );
      assert.equal((await outboxNames()).at(-1), 'auth_tenant_deleted');
      const groups = await t.db
        .selectFrom('auth_group')
        .select('uuid')
        .where('tenant_uuid', '=', a1)
        .execute();
      assert.equal(groups.length, 0);
    });
  });

  it('when listing backends without a token, then only wazo_user', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/0.1/backends' });
    assert.deepEqual(res.json(), { data: ['wazo_user'] });
  });
});
