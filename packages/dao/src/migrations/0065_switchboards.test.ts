/**
 * The tables of 0065 (switchboards) and 0066 (call pickups) on a migrated database: what goes with
 * a deleted tenant, user, group, switchboard or pickup, and the checks that keep rows sound.
 * Rows are written in SQL, as the tables' own rules are what is tested.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';

let database: MigratedTestDatabase;
const query = (text: string, values: unknown[] = []) => database.pool.query(text, values);
const count = async (table: string) => Number((await query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

async function tenantWithMembers() {
  const tenant = randomUUID();
  await query('INSERT INTO tenant (uuid) VALUES ($1)', [tenant]);
  const user = (
    await query('INSERT INTO users (tenant_uuid, firstname) VALUES ($1, $2) RETURNING id, uuid', [
      tenant,
      'Ann',
    ])
  ).rows[0];
  const group = (
    await query('INSERT INTO groups (uuid, tenant_uuid, name, label) VALUES ($1, $2, $3, $3) RETURNING id', [
      randomUUID(),
      tenant,
      `grp${randomUUID().slice(0, 8)}`,
    ])
  ).rows[0];
  const switchboard = (
    await query('INSERT INTO switchboard (tenant_uuid, name) VALUES ($1, $2) RETURNING uuid', [tenant, 'sb'])
  ).rows[0].uuid;
  await query('INSERT INTO switchboard_member_user (switchboard_uuid, user_uuid) VALUES ($1, $2)', [
    switchboard,
    user.uuid,
  ]);
  await query(
    `INSERT INTO switchboard_fallback (switchboard_uuid, event, destination) VALUES ($1, 'noanswer', '{"type":"none"}')`,
    [switchboard],
  );
  const pickup = (
    await query('INSERT INTO pickup (tenant_uuid, name) VALUES ($1, $2) RETURNING id', [tenant, 'p'])
  ).rows[0].id;
  await query(`INSERT INTO pickup_member (pickup_id, role, user_id) VALUES ($1, 'interceptor', $2)`, [
    pickup,
    user.id,
  ]);
  await query(`INSERT INTO pickup_member (pickup_id, role, group_id) VALUES ($1, 'target', $2)`, [
    pickup,
    group.id,
  ]);
  return { tenant, user, group, switchboard, pickup };
}

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_dao_0065' });
});
after(() => database?.drop());

describe('0065 switchboards and 0066 call pickups', () => {
  it('when a user and a group are deleted, then their memberships go and the rest stays', async () => {
    const { user, group, switchboard, pickup } = await tenantWithMembers();
    await query('DELETE FROM users WHERE id = $1', [user.id]);
    await query('DELETE FROM groups WHERE id = $1', [group.id]);
    const left = async (table: string, column: string, value: unknown) =>
      Number((await query(`SELECT count(*) AS n FROM ${table} WHERE ${column} = $1`, [value])).rows[0].n);
    assert.equal(await left('switchboard_member_user', 'switchboard_uuid', switchboard), 0);
    assert.equal(await left('pickup_member', 'pickup_id', pickup), 0);
    assert.equal(await left('switchboard_fallback', 'switchboard_uuid', switchboard), 1);
    assert.equal(await left('pickup', 'id', pickup), 1);
  });

  it('when a switchboard or a pickup is deleted, then its members and fallback go with it', async () => {
    const { switchboard, pickup } = await tenantWithMembers();
    const before = [
      await count('switchboard_member_user'),
      await count('switchboard_fallback'),
      await count('pickup_member'),
    ];
    await query('DELETE FROM switchboard WHERE uuid = $1', [switchboard]);
    await query('DELETE FROM pickup WHERE id = $1', [pickup]);
    assert.deepEqual(
      [
        await count('switchboard_member_user'),
        await count('switchboard_fallback'),
        await count('pickup_member'),
      ],
      [before[0]! - 1, before[1]! - 1, before[2]! - 2],
    );
  });

  it('when a tenant is deleted, then its switchboards and pickups go with everything they hold', async () => {
    const { tenant } = await tenantWithMembers();
    await query('DELETE FROM tenant WHERE uuid = $1', [tenant]);
    assert.equal(
      Number(
        (await query('SELECT count(*) AS n FROM switchboard WHERE tenant_uuid = $1', [tenant])).rows[0].n,
      ),
      0,
    );
    assert.equal(
      Number((await query('SELECT count(*) AS n FROM pickup WHERE tenant_uuid = $1', [tenant])).rows[0].n),
      0,
    );
  });

  it('when a row breaks a rule, then PostgreSQL refuses it', async () => {
    const { tenant, user, group, switchboard, pickup } = await tenantWithMembers();
    const refused = [
      ['INSERT INTO switchboard (tenant_uuid, name, timeout) VALUES ($1, $2, 0)', [tenant, 'x']],
      [
        `INSERT INTO switchboard_fallback (switchboard_uuid, event, destination) VALUES ($1, 'busy', '{}')`,
        [switchboard],
      ],
      [
        'INSERT INTO switchboard_member_user (switchboard_uuid, user_uuid) VALUES ($1, $2)',
        [switchboard, user.uuid],
      ],
      ['INSERT INTO pickup (tenant_uuid, name) VALUES ($1, $2)', [tenant, 'p']],
      [`INSERT INTO pickup_member (pickup_id, role) VALUES ($1, 'target')`, [pickup]],
      [
        `INSERT INTO pickup_member (pickup_id, role, user_id, group_id) VALUES ($1, 'target', $2, $3)`,
        [pickup, user.id, group.id],
      ],
      [`INSERT INTO pickup_member (pickup_id, role, user_id) VALUES ($1, 'other', $2)`, [pickup, user.id]],
      [
        `INSERT INTO pickup_member (pickup_id, role, user_id) VALUES ($1, 'interceptor', $2)`,
        [pickup, user.id],
      ],
    ] as const;
    for (const [text, values] of refused) await assert.rejects(query(text, [...values]), text);
    const other = randomUUID();
    await query('INSERT INTO tenant (uuid) VALUES ($1)', [other]);
    await query('INSERT INTO pickup (tenant_uuid, name) VALUES ($1, $2)', [other, 'p']);
  });
});
