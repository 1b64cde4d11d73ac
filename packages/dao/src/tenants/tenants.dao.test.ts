import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { scopeOf } from '../search/search.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { createTenantsDao } from './tenants.dao.js';

const dao = createTenantsDao();
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

describe('tenants dao', () => {
  let testDb: MigratedTestDatabase;
  let tx: Tx;
  before(async () => {
    testDb = await createMigratedTestDatabase();
    tx = { db: testDb.db, events: { add: () => assert.fail('the tenants dao queues no events') } };
    await dao.insert(tx, { uuid: B, slug: 'beta', name: 'Beta' });
    await dao.insert(tx, { uuid: A, slug: 'alpha', name: null });
    await dao.insert(tx, { uuid: C, slug: null, name: 'Gamma' });
  });
  after(() => testDb.drop());

  it('when a tenant is in scope, then get finds it; out of scope or unknown, then not', async () => {
    assert.deepEqual(await dao.get(tx, scopeOf(A), A), {
      uuid: A,
      slug: 'alpha',
      name: null,
      sip_templates_generated: false,
      global_sip_template_uuid: null,
      webrtc_sip_template_uuid: null,
      registration_trunk_sip_template_uuid: null,
      meeting_guest_sip_template_uuid: null,
      twilio_trunk_sip_template_uuid: null,
    });
    assert.equal(await dao.get(tx, scopeOf(B), A), undefined);
    assert.equal(await dao.get(tx, scopeOf(A), randomUUID()), undefined);
    assert.equal(await dao.get(tx, scopeOf(A), 'not-a-uuid'), undefined);
  });

  it('when the scope is empty, then nothing is visible', async () => {
    assert.deepEqual(await dao.search(tx, scopeOf(), {}), { total: 0, items: [] });
    assert.equal(await dao.get(tx, scopeOf(), A), undefined);
  });

  it('when searching, then scope, search, order, direction, limit, offset and total apply', async () => {
    const all = scopeOf(A, B, C);
    const byUuid = await dao.search(tx, all, {});
    assert.deepEqual(
      byUuid.items.map((t) => t.uuid),
      [A, B, C],
    );
    const bySlugDesc = await dao.search(tx, all, { order: 'slug', direction: 'desc', limit: 1, offset: 1 });
    assert.equal(bySlugDesc.total, 3);
    assert.deepEqual(
      bySlugDesc.items.map((t) => t.slug),
      ['alpha'],
    );
    const found = await dao.search(tx, all, { search: '00B' });
    assert.deepEqual(
      found.items.map((t) => t.uuid),
      [B],
    );
    const filtered = await dao.search(tx, scopeOf(A, B), { filters: { uuid: [B, C] } });
    assert.deepEqual(
      filtered.items.map((t) => t.uuid),
      [B],
    );
  });

  it('when inserting a uuid twice, then the second insert reports false and changes nothing', async () => {
    assert.equal(await dao.insert(tx, { uuid: A, slug: 'other', name: 'x' }), false);
    assert.equal((await dao.find(tx, A))?.slug, 'alpha');
  });

  it('when updating with empty strings, then the mirror stores null', async () => {
    await dao.update(tx, { uuid: C, slug: 'gamma', name: '' });
    assert.deepEqual(await dao.find(tx, C), { uuid: C, slug: 'gamma', name: null });
  });

  it('when a slug breaks wazo-auth’s format, then the table refuses it', async () => {
    await assert.rejects(
      dao.insert(tx, { uuid: randomUUID(), slug: 'has space', name: null }),
      /tenant_slug_format/,
    );
    await assert.rejects(dao.insert(tx, { uuid: randomUUID(), slug: 'elevenchars', name: null }));
  });

  it('when listing all, then every tenant comes back ordered by uuid', async () => {
    assert.deepEqual(
      (await dao.listAll(tx)).map((t) => t.uuid),
      [A, B, C],
    );
  });

  it('when a tenant is removed, then rows referencing it are purged and a second remove is false', async () => {
    const doomed = randomUUID();
    await dao.insert(tx, { uuid: doomed, slug: 'doomed', name: null });
    await sql`CREATE TABLE tenant_child (tenant_uuid uuid NOT NULL REFERENCES tenant (uuid) ON DELETE CASCADE)`.execute(
      testDb.db,
    );
    await sql`INSERT INTO tenant_child VALUES (${doomed}), (${A})`.execute(testDb.db);
    assert.equal(await dao.remove(tx, doomed), true);
    const { rows } = await sql<{ tenant_uuid: string }>`SELECT tenant_uuid FROM tenant_child`.execute(
      testDb.db,
    );
    assert.deepEqual(rows, [{ tenant_uuid: A }]);
    assert.equal(await dao.remove(tx, doomed), false);
    assert.equal(await dao.remove(tx, 'nope'), false);
    await sql`DROP TABLE tenant_child`.execute(testDb.db);
  });

  it('when any table of the schema references tenant, then it does so ON DELETE CASCADE', async () => {
    const { rows } = await sql<{ table: string; rule: string }>`
      SELECT conrelid::regclass::text AS table, confdeltype AS rule
      FROM pg_constraint WHERE contype = 'f' AND confrelid = 'tenant'::regclass`.execute(testDb.db);
    const notCascading = rows.filter((r) => r.rule !== 'c').map((r) => r.table);
    assert.deepEqual(notCascading, [], 'deleting a tenant must purge its rows');
  });
});
