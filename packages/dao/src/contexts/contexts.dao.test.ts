import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { scopeOf } from '../search/search.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { createContextsDao } from './contexts.dao.js';
import type { ContextRecord } from './contexts.model.js';

const dao = createContextsDao();
const A = randomUUID();
const B = randomUUID();

const noRanges = {
  user_ranges: [],
  group_ranges: [],
  queue_ranges: [],
  conference_room_ranges: [],
  incall_ranges: [],
};

function record(label: string, overrides: Partial<ContextRecord> = {}): ContextRecord {
  const uuid = randomUUID();
  return {
    uuid,
    tenant_uuid: A,
    name: `ctx-a-internal-${uuid}`,
    label,
    type: 'internal',
    description: null,
    enabled: true,
    ...noRanges,
    ...overrides,
  };
}

describe('contexts dao', () => {
  let testDb: MigratedTestDatabase;
  let tx: Tx;
  const both = scopeOf(A, B);

  async function make(rec: ContextRecord) {
    const created = await dao.create(tx, both, rec);
    assert.ok(created);
    return created;
  }

  before(async () => {
    testDb = await createMigratedTestDatabase();
    tx = { db: testDb.db, events: { add: () => assert.fail('a dao queues no event') } };
  });
  after(() => testDb.drop());
  beforeEach(async () => {
    await sql`TRUNCATE context, tenant CASCADE`.execute(testDb.db);
    await testDb.db
      .insertInto('tenant')
      .values([
        { uuid: A, slug: 'a' },
        { uuid: B, slug: 'b' },
      ])
      .execute();
  });

  it('when a context is created with ranges, then it reads back with them in order', async () => {
    const ranges = {
      user_ranges: [
        { start: '1000', end: '1999' },
        { start: '100', end: '100' },
      ],
      incall_ranges: [{ start: '5551000', end: '5551999', did_length: 4 }],
    };
    const created = await make(record('Main', ranges));
    const found = await dao.find(tx, scopeOf(A), created.id);
    assert.deepEqual(found?.user_ranges, ranges.user_ranges);
    assert.deepEqual(found?.incall_ranges, ranges.incall_ranges);
    assert.deepEqual(found?.group_ranges, []);
    assert.equal(found?.enabled, true);
    assert.equal((await dao.findByName(tx, scopeOf(A), created.name))?.id, created.id);
  });

  it('when a context of tenant B is looked up with scope A or an empty scope, then it is not found', async () => {
    const other = await make(record('Other', { tenant_uuid: B }));
    assert.equal(await dao.find(tx, scopeOf(A), other.id), null);
    assert.equal(await dao.find(tx, scopeOf(), other.id), null);
    assert.equal(await dao.findByName(tx, scopeOf(A), other.name), null);
    assert.deepEqual(await dao.search(tx, scopeOf(), {}), { total: 0, items: [] });
    assert.equal((await dao.search(tx, scopeOf(A, B), {})).total, 1);
  });

  it('when searched, then search, filters, order, direction, limit and offset apply and total counts all', async () => {
    for (const [label, type] of [
      ['Sales', 'internal'],
      ['Support', 'incall'],
      ['Outbound', 'outcall'],
    ] as const) {
      await make(record(label, { type }));
    }
    const scope = scopeOf(A);
    const byId = await dao.search(tx, scope, {});
    assert.deepEqual(
      byId.items.map((c) => c.label),
      ['Sales', 'Support', 'Outbound'],
    );
    assert.deepEqual(
      (await dao.search(tx, scope, { search: 'su' })).items.map((c) => c.label),
      ['Support'],
    );
    assert.deepEqual(
      (await dao.search(tx, scope, { filters: { type: 'outcall' } })).items.map((c) => c.label),
      ['Outbound'],
    );
    const page = await dao.search(tx, scope, { order: 'label', direction: 'desc', limit: 1, offset: 1 });
    assert.equal(page.total, 3);
    assert.deepEqual(
      page.items.map((c) => c.label),
      ['Sales'],
    );
  });

  it('when a context is edited, then fields change and given range lists replace the old ones', async () => {
    const created = await make(record('Old', { group_ranges: [{ start: '2000', end: '2099' }] }));
    assert.equal(
      await dao.edit(tx, scopeOf(A), {
        ...created,
        label: 'New',
        enabled: false,
        group_ranges: [],
        queue_ranges: [{ start: '3000', end: '3000' }],
      }),
      true,
    );
    const found = await dao.find(tx, scopeOf(A), created.id);
    assert.equal(found?.label, 'New');
    assert.equal(found?.enabled, false);
    assert.equal(found?.name, created.name);
    assert.deepEqual(found?.group_ranges, []);
    assert.deepEqual(found?.queue_ranges, [{ start: '3000', end: '3000' }]);
  });

  it('when two contexts share a name, or a range has unequal lengths, then the database refuses', async () => {
    const created = await make(record('One'));
    await assert.rejects(make(record('Two', { name: created.name })), /context_name_key/);
    await assert.rejects(
      make(record('Three', { user_ranges: [{ start: '10', end: '100' }] })),
      /context_range_length_check/,
    );
  });

  it('when a context has an extension or a line, then they are reported and its deletion is refused', async () => {
    const created = await make(record('Used'));
    assert.equal(await dao.firstExtensionId(tx, scopeOf(A), created.id), null);
    const ext = await testDb.db
      .insertInto('extension')
      .values({ context_id: created.id, exten: '1000' })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.equal(await dao.firstExtensionId(tx, scopeOf(A), created.id), ext.id);
    assert.equal(await dao.firstExtensionId(tx, scopeOf(B), created.id), null);
    assert.equal(await dao.firstExtensionId(tx, scopeOf(), created.id), null);
    await assert.rejects(dao.delete(tx, scopeOf(A), created), /foreign key/);
    await testDb.db.deleteFrom('extension').execute();
    assert.equal(await dao.delete(tx, scopeOf(A), created), true);
    assert.equal(await dao.find(tx, scopeOf(A), created.id), null);
  });

  it('when a context has a line, then it is reported within the scope only', async () => {
    const created = await make(record('Lines'));
    assert.equal(await dao.firstLineId(tx, scopeOf(A), created.id), null);
    const line = await testDb.db
      .insertInto('line')
      .values({ context_id: created.id, provisioning_code: '123456' })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.equal(await dao.firstLineId(tx, scopeOf(A), created.id), line.id);
    assert.equal(await dao.firstLineId(tx, scopeOf(B), created.id), null);
    assert.equal(await dao.firstLineId(tx, scopeOf(), created.id), null);
    await testDb.db.deleteFrom('line').execute();
  });

  it('when the tenant slug is read, then a missing or out-of-scope tenant is undefined', async () => {
    assert.equal(await dao.tenantSlug(tx, scopeOf(A), A), 'a');
    assert.equal(await dao.tenantSlug(tx, scopeOf(B), A), undefined);
    assert.equal(await dao.tenantSlug(tx, scopeOf(), A), undefined);
    const unknown = randomUUID();
    assert.equal(await dao.tenantSlug(tx, scopeOf(unknown), unknown), undefined);
  });

  it('when a context is created in a tenant outside the scope, then nothing is written', async () => {
    assert.equal(await dao.create(tx, scopeOf(B), record('Elsewhere')), null);
    assert.equal(await dao.create(tx, scopeOf(), record('Nowhere')), null);
    assert.equal((await dao.search(tx, both, {})).total, 0);
  });

  it('when a context of tenant A is edited or deleted with scope B or an empty scope, then nothing changes', async () => {
    const created = await make(record('Kept', { user_ranges: [{ start: '1000', end: '1999' }] }));
    const edit = { ...created, label: 'Hijacked', enabled: false, user_ranges: [] };
    for (const scope of [scopeOf(B), scopeOf()]) {
      assert.equal(await dao.edit(tx, scope, edit), false);
      assert.equal(await dao.delete(tx, scope, created), false);
    }
    assert.deepEqual(await dao.find(tx, scopeOf(A), created.id), created);
  });
});
