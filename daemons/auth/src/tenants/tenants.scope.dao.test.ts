import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ancestorUuids, findMasterTenantUuid, isVisible, visibleTenantUuids } from './tenants.scope.dao.js';
import { type AuthTestDatabase, createAuthTestDatabase, insertTenant } from './testing.js';

describe('tenants scope dao', () => {
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
    assert.equal(await findMasterTenantUuid(t), master);
  });

  it('when listing visible tenants, then the tenant and all its descendants come back', async () => {
    assert.deepEqual((await visibleTenantUuids(t, a)).sort(), [a, a1, a1x].sort());
    assert.deepEqual((await visibleTenantUuids(t, master)).sort(), [master, a, a1, a1x, b].sort());
    assert.deepEqual(await visibleTenantUuids(t, b), [b]);
  });

  it('when the tenant is unknown or not a uuid, then nothing is visible', async () => {
    assert.deepEqual(await visibleTenantUuids(t, randomUUID()), []);
    assert.deepEqual(await visibleTenantUuids(t, 'nope'), []);
  });

  it('when a tenant looks down its subtree, then it sees it, and not beside or above', async () => {
    assert.equal(await isVisible(t, a, a), true);
    assert.equal(await isVisible(t, a, a1x), true);
    assert.equal(await isVisible(t, master, a1x), true);
    assert.equal(await isVisible(t, a, b), false);
    assert.equal(await isVisible(t, a1, a), false);
    assert.equal(await isVisible(t, a, master), false);
    assert.equal(await isVisible(t, a, randomUUID()), false);
    assert.equal(await isVisible(t, a, 'x'), false);
  });

  it('when asked for ancestors, then they come nearest first up to the master', async () => {
    assert.deepEqual(await ancestorUuids(t, a1x), [a1, a, master]);
    assert.deepEqual(await ancestorUuids(t, master), []);
  });

  it('when run inside a unit of work, then the helpers read the transaction', async () => {
    await t.uow.run(async (tx) => {
      const c = await insertTenant(tx.db, { parentUuid: b });
      assert.equal(await isVisible(tx, b, c), true);
      assert.deepEqual((await visibleTenantUuids(tx, b)).sort(), [b, c].sort());
    });
  });
});
