import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { scopeOf } from '../search/search.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { createUsersDao } from './users.dao.js';
import type { UserValues } from './users.model.js';

const dao = createUsersDao();
const A = randomUUID();
const B = randomUUID();
const scopeA = scopeOf(A);

describe('users dao', () => {
  let testDb: MigratedTestDatabase;
  let tx: Tx;
  const create = async (values: UserValues, tenant = A) => {
    const user = await dao.create(tx, scopeOf(tenant), tenant, values);
    assert.ok(user);
    return user;
  };

  before(async () => {
    testDb = await createMigratedTestDatabase();
    tx = { db: testDb.db, events: { add: () => assert.fail('a dao queues no event') } };
  });
  after(() => testDb.drop());
  beforeEach(async () => {
    await sql`TRUNCATE users, tenant CASCADE`.execute(testDb.db);
    await testDb.db
      .insertInto('tenant')
      .values([{ uuid: A }, { uuid: B }])
      .execute();
  });

  it('when given keys that are no writable column, then the row takes none of them', async () => {
    const hostile = {
      id: 314,
      uuid: randomUUID(),
      created_at: '2000-01-01',
      tenant_uuid: B,
      lines: [],
      x: 1,
    };
    const user = await create({ firstname: 'Mallory', ...hostile } as UserValues);
    assert.notEqual(user.id, 314);
    assert.notEqual(user.uuid, hostile.uuid);
    assert.equal(user.tenant_uuid, A);
    const edited = await dao.edit(tx, scopeA, user.id, { lastname: 'M', ...hostile } as Partial<UserValues>);
    assert.deepEqual(edited, { ...user, lastname: 'M' });
  });

  it("when a user is created with a first name only, then it has Wazo's defaults", async () => {
    const user = await create({ firstname: 'Charlie' });
    assert.match(user.uuid, /^[0-9a-f-]{36}$/);
    assert.match(user.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?$/);
    assert.equal(user.tenant_uuid, A);
    assert.equal(user.lastname, null);
    assert.equal(user.ring_seconds, 30);
    assert.equal(user.simultaneous_calls, 5);
    assert.equal(user.subscription_type, 0);
    assert.equal(user.supervision_enabled, true);
    assert.equal(user.enabled, true);
    assert.equal(user.call_transfer_enabled, false);
    assert.equal(user.call_record_enabled, false);
    assert.deepEqual(user.services, { dnd: { enabled: false }, incallfilter: { enabled: false } });
    assert.deepEqual(user.forwards.busy, { enabled: false, destination: null });
    assert.deepEqual([user.lines, user.groups, user.schedules], [[], [], []]);
  });

  it('when empty strings are written for Wazo\'s "none" fields, then they read as null', async () => {
    const user = await create({ firstname: 'A', lastname: '', userfield: '', username: '', password: '' });
    assert.deepEqual([user.lastname, user.userfield, user.username, user.password], [null, null, null, null]);
  });

  it('when a user is found by id, digit string or uuid, then it is the same user', async () => {
    const user = await create({ firstname: 'A' });
    assert.equal((await dao.find(tx, scopeA, user.id))?.uuid, user.uuid);
    assert.equal((await dao.find(tx, scopeA, String(user.id)))?.uuid, user.uuid);
    assert.equal((await dao.find(tx, scopeA, user.uuid.toUpperCase()))?.id, user.id);
    assert.equal(await dao.find(tx, scopeA, 'not-a-uuid'), undefined);
    assert.equal(await dao.find(tx, scopeA, 99999999999), undefined);
  });

  it('when a user belongs to tenant B, then scope A neither sees, edits nor deletes it', async () => {
    const user = await create({ firstname: 'B' }, B);
    assert.equal(await dao.find(tx, scopeA, user.id), undefined);
    assert.equal((await dao.search(tx, scopeA, {})).total, 0);
    assert.equal(await dao.edit(tx, scopeA, user.id, { firstname: 'X' }), undefined);
    assert.equal(await dao.delete(tx, scopeA, user.id), false);
    assert.equal((await dao.find(tx, scopeOf(B), user.id))?.firstname, 'B');
    assert.equal((await dao.search(tx, scopeOf(), {})).total, 0);
    assert.equal((await dao.search(tx, scopeOf(A, B), {})).total, 1);
  });

  it('when a user is edited, then only the given fields change', async () => {
    const user = await create({ firstname: 'A', lastname: 'L', email: 'a@x.io' });
    const edited = await dao.edit(tx, scopeA, user.id, { lastname: null, ring_seconds: 60 });
    assert.deepEqual(
      [edited?.firstname, edited?.lastname, edited?.email, edited?.ring_seconds],
      ['A', null, 'a@x.io', 60],
    );
  });

  it('when a user is deleted, then it is gone', async () => {
    const user = await create({ firstname: 'A' });
    assert.equal(await dao.delete(tx, scopeA, user.id), true);
    assert.equal(await dao.find(tx, scopeA, user.id), undefined);
  });

  it('when e-mails differ only by case, then the second is refused and the lookup finds it', async () => {
    const user = await create({ firstname: 'A', email: 'Jane@Example.com' });
    assert.equal(await dao.findIdByEmail(tx, 'jane@example.COM'), user.id);
    await assert.rejects(create({ firstname: 'B', email: 'jane@example.com' }, B), /users_email_lower_key/);
  });

  it('when a username is reused in another tenant, then it is refused (global)', async () => {
    const user = await create({ firstname: 'A', username: 'jdoe' });
    assert.equal(await dao.findIdByUsername(tx, 'jdoe'), user.id);
    assert.equal(await dao.findIdByUsername(tx, 'JDOE'), undefined);
    await assert.rejects(create({ firstname: 'B', username: 'jdoe' }, B), /users_username_key/);
  });

  it('when a user is created in a tenant outside the scope, or with an empty scope, then nothing is written', async () => {
    assert.equal(await dao.create(tx, scopeOf(B), A, { firstname: 'Elsewhere' }), undefined);
    assert.equal(await dao.create(tx, scopeOf(), A, { firstname: 'Nowhere' }), undefined);
    assert.equal((await dao.search(tx, scopeOf(A, B), { search: 'where' })).total, 0);
  });

  it('when the tenant is unknown, then the foreign key refuses the user', async () => {
    await assert.rejects(create({ firstname: 'A' }, randomUUID()), /foreign key/);
  });

  it('when the tenant is deleted, then its users go with it', async () => {
    await create({ firstname: 'A' });
    await testDb.db.deleteFrom('tenant').where('uuid', '=', A).execute();
    assert.equal((await dao.search(tx, scopeA, {})).total, 0);
  });

  it('when values break the checks, then PostgreSQL refuses them', async () => {
    await assert.rejects(create({ firstname: 'A', ring_seconds: 10801 }), /check constraint/);
    await assert.rejects(
      create({ firstname: 'A', mobile_fallback_enabled: true }),
      /users_mobile_fallback_number/,
    );
  });
});
