import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { allUsersGroupName } from '../tenants/tenants.model.js';
import { type AuthTestDatabase, createAuthTestDatabase, insertTenant } from '../testing/auth-database.js';
import { MASTER_POLICY_SLUG } from './seed.dao.js';
import { seedAuthDatabase } from './seed.js';

describe('start-up seeding', () => {
  let t: AuthTestDatabase;
  before(async () => {
    t = await createAuthTestDatabase();
  });
  after(() => t.drop());

  it('when run on an empty database, then the master tenant is its own parent, with the master policy', async () => {
    const seeded = await seedAuthDatabase(t.db);
    const master = await t.db.selectFrom('tenant').selectAll().executeTakeFirstOrThrow();
    assert.equal(master.uuid, seeded.masterTenantUuid);
    assert.equal(master.parent_uuid, master.uuid);
    assert.equal(master.slug, 'master');
    const policy = await t.db
      .selectFrom('policy')
      .selectAll()
      .where('slug', '=', MASTER_POLICY_SLUG)
      .executeTakeFirstOrThrow();
    assert.equal(policy.tenant_uuid, master.uuid);
    const acl = await t.db
      .selectFrom('policy_access')
      .select('access')
      .where('policy_uuid', '=', policy.uuid)
      .execute();
    assert.deepEqual(acl, [{ access: '#' }]);
  });

  it('when run again, and concurrently, then nothing is duplicated and the master uuid is stable', async () => {
    const first = await seedAuthDatabase(t.db);
    const [a, b] = await Promise.all([seedAuthDatabase(t.db), seedAuthDatabase(t.db)]);
    assert.equal(a.masterTenantUuid, first.masterTenantUuid);
    assert.equal(b.masterTenantUuid, first.masterTenantUuid);
    const tenants = await t.db.selectFrom('tenant').select('uuid').execute();
    assert.equal(tenants.length, 1);
    const policies = await t.db.selectFrom('policy').select('uuid').execute();
    assert.equal(policies.length, 1);
  });

  it('when tenants exist, then each gets one system-managed all-users group', async () => {
    const { masterTenantUuid } = await seedAuthDatabase(t.db);
    const child = await insertTenant(t.db, { parentUuid: masterTenantUuid });
    await seedAuthDatabase(t.db);
    await seedAuthDatabase(t.db);
    const groups = await t.db.selectFrom('auth_group').selectAll().execute();
    assert.equal(groups.length, 2);
    for (const tenant of [masterTenantUuid, child]) {
      const group = groups.find((g) => g.tenant_uuid === tenant);
      assert.equal(group?.name, allUsersGroupName(tenant));
      assert.equal(group?.slug, allUsersGroupName(tenant));
      assert.equal(group?.system_managed, true);
    }
  });
});
