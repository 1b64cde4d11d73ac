import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Tx } from '../db/unit-of-work.js';
import type { SearchParams } from '../search/search.js';
import { scopeOf } from '../search/search.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { createUsersDao } from './users.dao.js';
import type { User } from './users.model.js';

const dao = createUsersDao();
const A = randomUUID();
const B = randomUUID();
const scopeA = scopeOf(A);

describe('users dao search', () => {
  let testDb: MigratedTestDatabase;
  let tx: Tx;
  let users: Record<string, User>;
  const names = async (params: SearchParams) =>
    (await dao.search(tx, scopeA, params)).items.map((u) => u.firstname);

  before(async () => {
    testDb = await createMigratedTestDatabase();
    tx = { db: testDb.db, events: { add: () => assert.fail('a dao queues no event') } };
    await testDb.db
      .insertInto('tenant')
      .values([{ uuid: A }, { uuid: B }])
      .execute();
    users = {};
    for (const [firstname, lastname, extra] of [
      ['Hélène', 'bernard', { email: 'helene@example.com', mobile_phone_number: '111' }],
      ['Alice', 'Zola', { username: 'alice', mobile_phone_number: '222' }],
      ['Bob', 'adams', { userfield: 'sales', subscription_type: 2 }],
      ['Nolast', null, { description: '100%_off' }],
    ] as const) {
      users[firstname] = (await dao.create(tx, scopeOf(A), A, { firstname, lastname, ...extra }))!;
    }
    await dao.create(tx, scopeOf(B), B, { firstname: 'Hidden', lastname: 'bernard' });
  });
  after(() => testDb.drop());

  it('when nothing is asked, then users sort by last name without regard to case, empties last', async () => {
    const result = await dao.search(tx, scopeA, {});
    assert.equal(result.total, 4);
    assert.deepEqual(
      result.items.map((u) => u.firstname),
      ['Bob', 'Hélène', 'Alice', 'Nolast'],
    );
  });

  it('when the direction is desc, then the order reverses (empties still last)', async () => {
    assert.deepEqual(await names({ direction: 'desc' }), ['Alice', 'Hélène', 'Bob', 'Nolast']);
  });

  it('when limit and offset are given, then total still counts every match', async () => {
    const result = await dao.search(tx, scopeA, { order: 'firstname', limit: 2, offset: 1 });
    assert.equal(result.total, 4);
    assert.deepEqual(
      result.items.map((u) => u.firstname),
      ['Bob', 'Hélène'],
    );
  });

  it('when searching the full name without accents, then it matches', async () => {
    assert.deepEqual(await names({ search: 'helene bern' }), ['Hélène']);
  });

  it('when searching other columns, then e-mail, username, userfield and subscription type match', async () => {
    assert.deepEqual(await names({ search: 'example.com' }), ['Hélène']);
    assert.deepEqual(await names({ search: 'alic' }), ['Alice']);
    assert.deepEqual(await names({ search: 'SALES' }), ['Bob']);
    assert.deepEqual(await names({ search: '2' }), ['Bob', 'Alice']);
  });

  it('when the search has LIKE wildcards, then they are literal', async () => {
    assert.deepEqual(await names({ search: '%_' }), ['Nolast']);
  });

  it('when filtering by a list of uuids, then exactly those match (malformed ones match nothing)', async () => {
    const wanted = [users.Alice!.uuid, users.Bob!.uuid, 'bogus'];
    assert.deepEqual(await names({ filters: { uuid: wanted } }), ['Bob', 'Alice']);
    assert.deepEqual(await names({ filters: { uuid: 'bogus' } }), []);
  });

  it('when filtering by mobile phone numbers, then any of them matches', async () => {
    assert.deepEqual(await names({ filters: { mobile_phone_number: ['111', '222'] } }), ['Hélène', 'Alice']);
  });

  it("when ordering by an unknown column, then the error is Wazo's", async () => {
    await assert.rejects(dao.search(tx, scopeA, { order: 'exten' }), {
      message: "Input Error - order: column 'exten' was not found",
    });
  });

  it('when a restriction lists user ids, then only those are searched', async () => {
    const result = await dao.search(tx, scopeA, {}, { ids: [users.Bob!.id] });
    assert.deepEqual(
      result.items.map((u) => u.firstname),
      ['Bob'],
    );
    assert.equal((await dao.search(tx, scopeA, {}, { ids: [] })).total, 0);
  });
});
