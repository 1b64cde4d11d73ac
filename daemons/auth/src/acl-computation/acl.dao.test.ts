import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Harness, startHarness } from '../testing/token-harness.js';

describe('token ACL computation', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ default_user_policy: 'wazo_default_user_policy' });
  });
  after(() => h.close());

  const policy = async (tenant: string, slug: string, acl: string[]) => {
    const { rows } = await h.database.pool.query<{ uuid: string }>(
      'INSERT INTO policy (tenant_uuid, name, slug) VALUES ($1, $2, $2) RETURNING uuid',
      [tenant, slug],
    );
    for (const [i, access] of acl.entries())
      await h.database.pool.query('INSERT INTO policy_access VALUES ($1, $2, $3)', [
        rows[0]!.uuid,
        access,
        i,
      ]);
    return rows[0]!.uuid;
  };
  const group = async (tenant: string, name: string, policies: string[], users: string[]) => {
    const { rows } = await h.database.pool.query<{ uuid: string }>(
      'INSERT INTO auth_group (tenant_uuid, name, slug) VALUES ($1, $2, $2) RETURNING uuid',
      [tenant, name],
    );
    for (const p of policies)
      await h.database.pool.query('INSERT INTO group_policy VALUES ($1, $2)', [rows[0]!.uuid, p]);
    for (const u of users)
      await h.database.pool.query('INSERT INTO group_user VALUES ($1, $2)', [rows[0]!.uuid, u]);
  };

  it('when a user logs in, then default policy, then groups (all-users included), then own policies, duplicates kept', async () => {
    await policy(h.master, 'wazo_default_user_policy', ['default.a', 'shared.x']);
    const tenant = await h.seedTenant();
    // A tenant's own policy with the default's name must not shadow it.
    await policy(tenant, 'wazo_default_user_policy', ['evil.#']);
    const user = await h.seedUser({ tenantUuid: tenant, acl: ['own.b', 'shared.x'] });
    const allUsers = await policy(tenant, 'all_users_p', ['all.c']);
    const extra = await policy(tenant, 'extra_p', ['group.d', '!group.d.secret']);
    await group(tenant, `wazo-all-users-tenant-${tenant}`, [allUsers], [user.uuid]);
    await group(tenant, 'agents', [extra], [user.uuid]);
    await group(tenant, 'not-mine', [await policy(tenant, 'x', ['nope'])], []);
    const data = await h.tokenOf(user);
    assert.deepEqual(data.acl, [
      'default.a',
      'shared.x',
      'group.d',
      '!group.d.secret',
      'all.c',
      'own.b',
      'shared.x',
    ]);
  });

  it('when a policy changes after login, then existing tokens keep their ACL', async () => {
    const user = await h.seedUser({ acl: ['before'] });
    const { token } = await h.tokenOf(user);
    await h.database.pool.query("UPDATE policy_access SET access = 'after' WHERE policy_uuid = $1", [
      user.policyUuid,
    ]);
    const res = await h.inject({ url: `/0.1/token/${token}` });
    assert.deepEqual(res.json().data.acl.slice(-1), ['before']);
  });
});
