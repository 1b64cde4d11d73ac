import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type AuthTestDatabase, createAuthTestDatabase, insertTenant } from '../testing/auth-database.js';
import { ancestorsOf, isInSubtree, masterTenantOf, subtreeOf, tenantTree, userTenantOf } from './index.js';

describe('tenant tree dao', () => {
  let t: AuthTestDatabase;
  let master: string;
  let a: string;
  let a1: string;
  let a1x: string;
  let b: string;

  before(async () => {
    t = await createAuthTestDatabase();
    master = await insertTenant(t.db, { slug: 'master' });
    a = await insertTenant(t.db, { parentUuid: master });
    a1 = await insertTenant(t.db, { parentUuid: a });
    a1x = await insertTenant(t.db, { parentUuid: a1 });
    b = await insertTenant(t.db, { parentUuid: master });
  });
  after(() => t.drop());

  it('when asked for the master, then the tenant that is its own parent is found', async () => {
    assert.equal(await masterTenantOf(t.db), master);
  });

  it('when listing a subtree, then the tenant and all its descendants come back', async () => {
    assert.deepEqual((await subtreeOf(t.db, a)).sort(), [a, a1, a1x].sort());
    assert.deepEqual((await subtreeOf(t.db, master)).sort(), [master, a, a1, a1x, b].sort());
    assert.deepEqual(await subtreeOf(t.db, b), [b]);
  });

  it('when the tenant is unknown or not a uuid, then its subtree is empty', async () => {
    assert.deepEqual(await subtreeOf(t.db, randomUUID()), []);
    assert.deepEqual(await subtreeOf(t.db, 'nope'), []);
  });

  it('when a tenant looks down its subtree, then it sees it, and not beside or above', async () => {
    assert.equal(await isInSubtree(t.db, a, a), true);
    assert.equal(await isInSubtree(t.db, a, a1x), true);
    assert.equal(await isInSubtree(t.db, master, a1x), true);
    assert.equal(await isInSubtree(t.db, a, b), false);
    assert.equal(await isInSubtree(t.db, a1, a), false);
    assert.equal(await isInSubtree(t.db, a, master), false);
    assert.equal(await isInSubtree(t.db, a, randomUUID()), false);
    assert.equal(await isInSubtree(t.db, a, 'x'), false);
    assert.equal(await isInSubtree(t.db, 'x', a), false);
  });

  it('when asked for ancestors, then they come nearest first up to the master', async () => {
    assert.deepEqual(await ancestorsOf(t.db, a1x), [a1, a, master]);
    assert.deepEqual(await ancestorsOf(t.db, master), []);
    assert.deepEqual(await ancestorsOf(t.db, 'x'), []);
  });

  it("when asked for a user's tenant, then its current tenant, null for an unknown user", async () => {
    const user = randomUUID();
    await t.pool.query(
      `INSERT INTO auth_user (uuid, tenant_uuid, username, purpose, authentication_method)
       VALUES ($1, $2, $3, 'user', 'native')`,
      [user, a1, `u${user.slice(0, 8)}`],
    );
    assert.equal(await userTenantOf(t.db, user), a1);
    assert.equal(await userTenantOf(t.db, randomUUID()), null);
    assert.equal(await userTenantOf(t.db, 'me'), null);
  });

  it('when run inside a unit of work, then the walks read the transaction', async () => {
    await t.uow.run(async (tx) => {
      const c = await insertTenant(tx.db, { parentUuid: b });
      assert.equal(await tenantTree.isInSubtree(tx.db, b, c), true);
      assert.deepEqual((await tenantTree.subtreeOf(tx.db, b)).sort(), [b, c].sort());
    });
  });
});
