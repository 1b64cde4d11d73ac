import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { scopeOf } from '../search/search.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { createGroupsDao } from './groups.dao.js';
import type { GroupRow } from './groups.model.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const dao = createGroupsDao();
let test: MigratedTestDatabase;
let tx: Tx;
const UNKNOWN = '00000000-0000-4000-8000-0000000000ff';
// Every tenant the tests write to, the unknown one too (so that its foreign key is what refuses it).
const ALL = scopeOf(A, B, UNKNOWN);

async function create(groupRow: GroupRow) {
  const group = await dao.create(tx, ALL, groupRow);
  assert.ok(group);
  return group;
}

const row = (tenant: string, label: string, extra = {}) => {
  const uuid = globalThis.crypto.randomUUID();
  return { uuid, tenant_uuid: tenant, name: `grp-x-${uuid}`, label, ...extra };
};

before(async () => {
  test = await createMigratedTestDatabase();
  tx = { db: test.db, events: { add: () => {} } };
  await sql`INSERT INTO tenant (uuid, slug) VALUES (${A}, 'alpha'), (${B}, 'beta')`.execute(test.db);
});
after(() => test.drop());
beforeEach(() => sql`DELETE FROM groups`.execute(test.db));

describe('groups dao', () => {
  it('when a group is created with a label only, then it has Wazo defaults', async () => {
    const group = await create(row(A, 'sales'));
    assert.equal(group.ring_strategy, 'all');
    assert.equal(group.user_timeout, 15);
    assert.equal(group.retry_delay, 5);
    assert.equal(group.max_calls, 0);
    assert.equal(group.ring_in_use, true);
    assert.equal(group.enabled, true);
    assert.equal(group.ignore_forward, false);
    assert.equal(group.timeout, null);
    assert.deepEqual(await dao.find(tx, scopeOf(A), group.id), group);
    assert.deepEqual(await dao.find(tx, scopeOf(A), group.uuid), group);
  });

  it('when the tenant is asked for its slug, then the tenant table answers', async () => {
    assert.equal(await dao.findTenantSlug(tx, scopeOf(A), A), 'alpha');
    assert.equal(await dao.findTenantSlug(tx, ALL, UNKNOWN), null);
    assert.equal(await dao.findTenantSlug(tx, scopeOf('not-a-uuid'), 'not-a-uuid'), null);
  });

  it('when a group of tenant B is read with scope A, then it is invisible', async () => {
    const group = await create(row(B, 'other'));
    assert.equal(await dao.find(tx, scopeOf(A), group.id), null);
    assert.equal(await dao.find(tx, scopeOf(), group.id), null);
    assert.equal(await dao.edit(tx, scopeOf(A), group.id, { label: 'x' }), null);
    assert.equal(await dao.delete(tx, scopeOf(A), group.id), false);
    assert.equal((await dao.search(tx, scopeOf(A), {})).total, 0);
    assert.equal((await dao.search(tx, scopeOf(A, B), {})).total, 1);
  });

  it('when groups are searched, then search, filters, order, direction, limit, offset and total apply', async () => {
    await create(row(A, 'b-sales', { preprocess_subroutine: 'sub-one' }));
    await create(row(A, 'a-support'));
    await create(row(A, 'c-sales'));
    const all = await dao.search(tx, scopeOf(A), {});
    assert.deepEqual(
      all.items.map((g) => g.label),
      ['a-support', 'b-sales', 'c-sales'],
    );
    const found = await dao.search(tx, scopeOf(A), { search: 'SALES', direction: 'desc' });
    assert.deepEqual(
      found.items.map((g) => g.label),
      ['c-sales', 'b-sales'],
    );
    const paged = await dao.search(tx, scopeOf(A), { limit: 1, offset: 1 });
    assert.equal(paged.total, 3);
    assert.deepEqual(
      paged.items.map((g) => g.label),
      ['b-sales'],
    );
    const filtered = await dao.search(tx, scopeOf(A), { filters: { preprocess_subroutine: 'sub-one' } });
    assert.deepEqual(
      filtered.items.map((g) => g.label),
      ['b-sales'],
    );
  });

  it('when a group is edited and deleted, then the row changes and goes', async () => {
    const group = await create(row(A, 'sales'));
    const edited = await dao.edit(tx, scopeOf(A), group.id, { label: 'sales2', ring_strategy: 'linear' });
    assert.equal(edited?.label, 'sales2');
    assert.equal(edited?.ring_strategy, 'linear');
    assert.equal(await dao.delete(tx, scopeOf(A), group.id), true);
    assert.equal(await dao.find(tx, scopeOf(A), group.id), null);
  });

  it('when rows break the constraints, then PostgreSQL refuses them', async () => {
    const first = row(A, 'one');
    await create(first);
    await assert.rejects(create({ ...row(A, 'two'), name: first.name }), /unique/);
    await assert.rejects(create(row(A, 'bad label!')), /check/);
    await assert.rejects(create(row(UNKNOWN, 'x')), /foreign key/);
    await assert.rejects(create(row(A, 'x', { max_calls: -1 })), /check/);
  });

  it('when the tenant is deleted, then its groups go with it', async () => {
    await create(row(B, 'other'));
    await sql`DELETE FROM tenant WHERE uuid = ${B}`.execute(test.db);
    assert.equal((await dao.search(tx, scopeOf(B), {})).total, 0);
    await sql`INSERT INTO tenant (uuid, slug) VALUES (${B}, 'beta')`.execute(test.db);
  });

  it('when a group is created in a tenant outside the scope, or the slug read out of scope, then nothing is written or seen', async () => {
    assert.equal(await dao.create(tx, scopeOf(B), row(A, 'elsewhere')), null);
    assert.equal(await dao.create(tx, scopeOf(), row(A, 'nowhere')), null);
    assert.equal((await dao.search(tx, scopeOf(A, B), {})).total, 0);
    assert.equal(await dao.findTenantSlug(tx, scopeOf(B), A), null);
    assert.equal(await dao.findTenantSlug(tx, scopeOf(), A), null);
  });
});
