import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { createGroupsDao } from '../groups/groups.dao.js';
import type { Group } from '../groups/groups.model.js';
import { scopeOf } from '../search/search.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { createGroupMembersDao } from './group-members.dao.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const members = createGroupMembersDao();
const groups = createGroupsDao();
let test: MigratedTestDatabase;
let tx: Tx;

async function user(tenant: string): Promise<string> {
  const { rows } = await sql<{ uuid: string }>`
    INSERT INTO users (tenant_uuid, firstname) VALUES (${tenant}, 'u') RETURNING uuid`.execute(test.db);
  return rows[0]!.uuid;
}

async function group(tenant: string, label: string): Promise<Group> {
  const uuid = globalThis.crypto.randomUUID();
  const created = await groups.create(tx, scopeOf(tenant), {
    uuid,
    tenant_uuid: tenant,
    name: `grp-${uuid}`,
    label,
  });
  assert.ok(created);
  return created;
}

before(async () => {
  test = await createMigratedTestDatabase();
  tx = { db: test.db, events: { add: () => {} } };
  await sql`INSERT INTO tenant (uuid, slug) VALUES (${A}, 'alpha'), (${B}, 'beta')`.execute(test.db);
});
after(() => test.drop());

describe('group members dao', () => {
  it('when members are replaced, then they read back in order with their priorities', async () => {
    const g = await group(A, 'g');
    const [u1, u2, u3] = [await user(A), await user(A), await user(A)];
    await members.replaceUsers(tx, scopeOf(A), g.id, [
      { user_uuid: u1, priority: 0 },
      { user_uuid: u2, priority: 5 },
    ]);
    await members.replaceUsers(tx, scopeOf(A), g.id, [
      { user_uuid: u3, priority: 2 },
      { user_uuid: u1, priority: 1 },
    ]);
    assert.deepEqual(await members.listUsers(tx, scopeOf(A), g.id), [
      { uuid: u3, priority: 2 },
      { uuid: u1, priority: 1 },
    ]);
    await members.replaceUsers(tx, scopeOf(A), g.id, []);
    assert.deepEqual(await members.listUsers(tx, scopeOf(A), g.id), []);
  });

  it("when a user's groups are replaced, then kept memberships keep their priority and new ones come last", async () => {
    const [g1, g2, g3] = [await group(A, 'g1'), await group(A, 'g2'), await group(A, 'g3')];
    const [u1, u2] = [await user(A), await user(A)];
    await members.replaceUsers(tx, scopeOf(A), g1.id, [{ user_uuid: u1, priority: 7 }]);
    await members.replaceUsers(tx, scopeOf(A), g2.id, [{ user_uuid: u2, priority: 0 }]);
    await members.replaceGroupsOfUser(tx, scopeOf(A), u1, [g1.id, g2.id]);
    assert.deepEqual(await members.listUsers(tx, scopeOf(A), g1.id), [{ uuid: u1, priority: 7 }]);
    assert.deepEqual(await members.listUsers(tx, scopeOf(A), g2.id), [
      { uuid: u2, priority: 0 },
      { uuid: u1, priority: 0 },
    ]);
    await members.replaceGroupsOfUser(tx, scopeOf(A), u1, [g3.id]);
    const listed = await members.listGroupsOfUser(tx, scopeOf(A), u1);
    assert.deepEqual(listed, [{ id: g3.id, uuid: g3.uuid, name: g3.name, label: 'g3' }]);
    assert.deepEqual(await members.listGroupsOfUser(tx, scopeOf(B), u1), []);
  });

  it('when a user or group is deleted, then its memberships go; an unknown user is refused', async () => {
    const g = await group(A, 'g');
    const u = await user(A);
    await members.replaceUsers(tx, scopeOf(A), g.id, [{ user_uuid: u, priority: 0 }]);
    await sql`DELETE FROM users WHERE uuid = ${u}`.execute(test.db);
    assert.deepEqual(await members.listUsers(tx, scopeOf(A), g.id), []);
    const missing = '00000000-0000-4000-8000-0000000000ff';
    assert.equal(
      await members.replaceUsers(tx, scopeOf(A), g.id, [{ user_uuid: missing, priority: 0 }]),
      false,
    );
    await assert.rejects(
      sql`INSERT INTO group_member_users (group_id, user_uuid, priority, position) VALUES (${g.id}, ${missing}, 0, 0)`.execute(
        test.db,
      ),
      /foreign key/,
    );
  });
});

describe('group members dao, tenant scope', () => {
  it('when members of tenant A are read or written with scope B or an empty scope, then nothing is seen or changed', async () => {
    const g = await group(A, 'g');
    const u = await user(A);
    await members.replaceUsers(tx, scopeOf(A), g.id, [{ user_uuid: u, priority: 3 }]);
    for (const scope of [scopeOf(B), scopeOf()]) {
      assert.deepEqual(await members.listUsers(tx, scope, g.id), []);
      assert.equal(await members.replaceUsers(tx, scope, g.id, []), false);
      assert.equal(await members.replaceGroupsOfUser(tx, scope, u, []), false);
    }
    assert.deepEqual(await members.listUsers(tx, scopeOf(A), g.id), [{ uuid: u, priority: 3 }]);
  });

  it('when a member or a group of another tenant is given, then nothing is written', async () => {
    const [g, gB] = [await group(A, 'g'), await group(B, 'gb')];
    const [u, uB] = [await user(A), await user(B)];
    await members.replaceUsers(tx, scopeOf(A), g.id, [{ user_uuid: u, priority: 0 }]);
    assert.equal(await members.replaceUsers(tx, scopeOf(A), g.id, [{ user_uuid: uB, priority: 0 }]), false);
    assert.equal(await members.replaceUsers(tx, scopeOf(A), gB.id, [{ user_uuid: u, priority: 0 }]), false);
    assert.equal(await members.replaceGroupsOfUser(tx, scopeOf(A), u, [gB.id]), false);
    assert.equal(await members.replaceGroupsOfUser(tx, scopeOf(A), uB, [g.id]), false);
    assert.deepEqual(await members.listUsers(tx, scopeOf(A), g.id), [{ uuid: u, priority: 0 }]);
    assert.deepEqual(await members.listUsers(tx, scopeOf(B), gB.id), []);
  });
});
