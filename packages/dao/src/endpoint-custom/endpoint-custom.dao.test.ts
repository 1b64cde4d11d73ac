/**
 * The custom and SCCP endpoint daos on a real PostgreSQL: outside the scope (or with an empty
 * one) nothing is seen or changed; deleting an endpoint leaves its line without one and nameless.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Tx } from '../db/unit-of-work.js';
import { createEndpointSccpDao } from '../endpoint-sccp/index.js';
import { createLinesDao } from '../lines/index.js';
import { scopeOf } from '../search/search.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { createEndpointCustomDao } from './endpoint-custom.dao.js';

const A = randomUUID();
const B = randomUUID();
const custom = createEndpointCustomDao();
const sccp = createEndpointSccpDao();
const lines = createLinesDao();
const record = { interface: 'dao/1', interface_suffix: null, enabled: true };
const sccpRecord = { cid_name: 'A', cid_num: '', allow: null, disallow: null };

describe('custom and SCCP endpoint daos', () => {
  let testDb: MigratedTestDatabase;
  let tx: Tx;
  let lineId: number;

  before(async () => {
    testDb = await createMigratedTestDatabase();
    tx = { db: testDb.db, events: { add: () => assert.fail('a dao queues no event') } };
    await testDb.db
      .insertInto('tenant')
      .values([{ uuid: A }, { uuid: B }])
      .execute();
    const context = await testDb.db
      .insertInto('context')
      .values({ tenant_uuid: A, name: 'ctx', label: 'ctx' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = await lines.create(tx, scopeOf(A), {
      context_id: context.id,
      name: null,
      provisioning_code: '123456',
      position: 1,
      registrar: 'default',
    });
    lineId = id!;
  });
  after(() => testDb.drop());

  it('when another tenant or an empty scope reads, edits or deletes, then nothing is seen or changed', async () => {
    const id = await custom.create(tx, A, record);
    const sccpId = await sccp.create(tx, A, 'daosccp1', sccpRecord);
    for (const scope of [scopeOf(B), scopeOf()]) {
      assert.equal(await custom.find(tx, scope, id), null);
      assert.equal((await custom.search(tx, scope, {})).total, 0);
      assert.equal(await custom.update(tx, scope, id, { ...record, interface: 'dao/changed' }), false);
      assert.equal(await custom.delete(tx, scope, id), false);
      assert.equal(await sccp.find(tx, scope, sccpId), null);
      assert.equal(await sccp.update(tx, scope, sccpId, { ...sccpRecord, cid_name: 'B' }), false);
      assert.equal(await sccp.delete(tx, scope, sccpId), false);
    }
    assert.equal((await custom.find(tx, scopeOf(A), id))?.interface, 'dao/1');
    assert.deepEqual((await sccp.find(tx, scopeOf(A), sccpId))?.options, [['cid_name', 'A']]);
  });

  it('when a line uses an endpoint, then an edit renames it and a delete leaves it without endpoint nor name', async () => {
    const id = await custom.create(tx, A, { ...record, interface: 'dao/line' });
    await lines.setEndpoint(tx, lineId, 'custom', { key: id, name: 'dao/line' });
    assert.deepEqual((await custom.find(tx, scopeOf(A), id))?.line, { id: lineId });
    await custom.update(tx, scopeOf(A), id, { ...record, interface: 'dao/renamed' });
    assert.equal((await lines.find(tx, scopeOf(A), lineId))?.name, 'dao/renamed');
    // Another tenant's delete leaves the line as it is.
    await custom.delete(tx, scopeOf(B), id);
    assert.equal((await lines.find(tx, scopeOf(A), lineId))?.protocol, 'custom');
    assert.equal(await custom.delete(tx, scopeOf(A), id), true);
    const line = await lines.find(tx, scopeOf(A), lineId);
    assert.deepEqual([line?.name, line?.protocol, line?.endpoint_custom], [null, null, null]);
  });
});
