import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { createEndpointCustomDao } from '../endpoint-custom/index.js';
import { createEndpointSccpDao } from '../endpoint-sccp/index.js';
import { createEndpointSipDao } from '../endpoint-sip/index.js';
import { scopeOf } from '../search/search.js';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '../testing/index.js';
import { createLinesDao } from './lines.dao.js';
import type { LineRecord } from './lines.model.js';

const dao = createLinesDao();
const sipDao = createEndpointSipDao();
const customDao = createEndpointCustomDao();
const sccpDao = createEndpointSccpDao();

type TestRecord = LineRecord & {
  endpoint_sip?: ReturnType<typeof sip> | null;
  /** A custom endpoint's interface. */
  endpoint_custom?: string;
  /** An SCCP endpoint's caller id name. */
  endpoint_sccp?: string;
};

const sip = (name: string, password = 'secret') => ({
  uuid: randomUUID(),
  name,
  label: null,
  asterisk_id: null,
  transport_uuid: null,
  template_uuids: [],
  auth_section_options: [
    ['username', name],
    ['password', password],
  ] as [string, string][],
  endpoint_section_options: [['callerid', '"Alice" <1000>']] as [string, string][],
  aor_section_options: [],
  identify_section_options: [],
  registration_section_options: [],
  registration_outbound_auth_section_options: [],
  outbound_auth_section_options: [],
});
const A = randomUUID();
const B = randomUUID();

describe('lines dao', () => {
  let testDb: MigratedTestDatabase;
  let tx: Tx;
  const both = scopeOf(A, B);

  /** A line, and its endpoint made in the line's tenant and associated, as the services do. */
  async function make({ endpoint_sip, endpoint_custom, endpoint_sccp, ...line }: TestRecord) {
    const id = await dao.create(tx, both, line);
    assert.ok(id !== null);
    const tenant = line.context_id === ctxB ? B : A;
    if (endpoint_sip) {
      const { uuid, ...rest } = endpoint_sip;
      await sipDao.create(tx, tenant, false, uuid, rest);
      await dao.setEndpoint(tx, id, 'sip', { key: uuid, name: endpoint_sip.name });
    }
    if (endpoint_custom) {
      const record = { interface: endpoint_custom, interface_suffix: null, enabled: true };
      const key = await customDao.create(tx, tenant, record);
      await dao.setEndpoint(tx, id, 'custom', { key, name: endpoint_custom });
    }
    if (endpoint_sccp !== undefined) {
      const record = { cid_name: endpoint_sccp, cid_num: '', allow: null, disallow: null };
      const key = await sccpDao.create(tx, tenant, `sccp${id}`, record);
      await dao.setEndpoint(tx, id, 'sccp', { key, name: `sccp${id}` });
    }
    return id;
  }
  let ctxA: number;
  let ctxB: number;

  const record = (overrides: Partial<TestRecord> = {}): TestRecord => ({
    context_id: ctxA,
    name: null,
    provisioning_code: String(100000 + Math.floor(Math.random() * 899999)),
    position: 1,
    registrar: 'default',
    ...overrides,
  });

  before(async () => {
    testDb = await createMigratedTestDatabase();
    tx = { db: testDb.db, events: { add: () => assert.fail('a dao queues no event') } };
  });
  after(() => testDb.drop());
  beforeEach(async () => {
    await sql`TRUNCATE line, endpoint_sip, endpoint_custom, endpoint_sccp, extension, context, users, tenant CASCADE`.execute(
      testDb.db,
    );
    await testDb.db
      .insertInto('tenant')
      .values([{ uuid: A }, { uuid: B }])
      .execute();
    const insert = (tenant: string, name: string) =>
      testDb.db
        .insertInto('context')
        .values({ tenant_uuid: tenant, name, label: name })
        .returning('id')
        .executeTakeFirstOrThrow();
    ctxA = (await insert(A, 'default')).id;
    ctxB = (await insert(B, 'other')).id;
  });

  it('when a SIP line is created, then it reads with protocol, caller id and no password', async () => {
    const id = await make(record({ name: 'abcd1234', endpoint_sip: sip('abcd1234'), position: 2 }));
    const line = await dao.find(tx, scopeOf(A), id);
    assert.equal(line?.protocol, 'sip');
    assert.equal(line?.name, 'abcd1234');
    assert.equal(line?.context, 'default');
    assert.equal(line?.tenant_uuid, A);
    assert.deepEqual([line?.position, line?.device_slot], [2, 2]);
    assert.deepEqual([line?.caller_id_name, line?.caller_id_num], ['Alice', '1000']);
    assert.deepEqual(line?.endpoint_sip?.auth_section_options, [['username', 'abcd1234']]);
    assert.equal(line?.endpoint_custom, null);
    assert.deepEqual([line?.extensions, line?.users], [[], []]);
    assert.equal(await dao.endpointSipUuid(tx, scopeOf(A), id), line?.endpoint_sip?.uuid);
    assert.equal(await dao.endpointSipUuid(tx, scopeOf(B), id), null);
  });

  it('when a custom line is created, then it has an endpoint id and its interface as name', async () => {
    const id = await make(record({ endpoint_custom: 'dahdi/1' }));
    const line = await dao.find(tx, scopeOf(A), id);
    assert.equal(line?.protocol, 'custom');
    assert.equal(line?.name, 'dahdi/1');
    assert.equal(line?.endpoint_custom?.interface, 'dahdi/1');
    assert.equal(typeof line?.endpoint_custom?.id, 'number');
    assert.equal(await dao.endpointSipUuid(tx, scopeOf(A), id), null);
    assert.equal(await dao.lineUsing(tx, 'custom', line!.endpoint_custom!.id), id);
  });

  it('when an SCCP line is created, then its protocol is sccp and its caller id is the endpoint cid_name', async () => {
    const id = await make(record({ endpoint_sccp: 'Carol' }));
    const line = await dao.find(tx, scopeOf(A), id);
    assert.deepEqual([line?.protocol, line?.name], ['sccp', `sccp${id}`]);
    assert.deepEqual([line?.caller_id_name, line?.caller_id_num], ['Carol', '']);
    assert.equal(await dao.lineUsing(tx, 'sccp', line!.endpoint_sccp!.id), id);
    assert.equal((await dao.search(tx, scopeOf(A), { filters: { protocol: 'sccp' } })).total, 1);
  });

  it('when a line of tenant B is read with scope A or none, then it is invisible', async () => {
    const id = await make(record({ context_id: ctxB }));
    assert.equal(await dao.find(tx, scopeOf(A), id), null);
    assert.equal(await dao.find(tx, scopeOf(), id), null);
    assert.equal((await dao.search(tx, scopeOf(A), {})).total, 0);
  });

  it('when lines have extensions and users, then reads list them (main first) and exten is searchable', async () => {
    const first = await make(record({ name: 'bbb', endpoint_sip: sip('bbb') }));
    await make(record({ name: 'aaa', endpoint_sip: sip('aaa') }));
    const ext = await testDb.db
      .insertInto('extension')
      .values({ context_id: ctxA, exten: '1000' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await testDb.db
      .insertInto('line_extension')
      .values({ line_id: first, extension_id: ext.id, main_extension: true })
      .execute();
    const user = await testDb.db
      .insertInto('users')
      .values({ tenant_uuid: A, firstname: 'Alice' })
      .returning(['id', 'uuid'])
      .executeTakeFirstOrThrow();
    await testDb.db
      .insertInto('user_line')
      .values({ user_id: user.id, line_id: first, main_user: true, main_line: true })
      .execute();
    const line = await dao.find(tx, scopeOf(A), first);
    assert.deepEqual(line?.extensions, [{ id: ext.id, exten: '1000', context: 'default' }]);
    assert.deepEqual(line?.users, [{ uuid: user.uuid, firstname: 'Alice', lastname: null }]);
    const all = await dao.search(tx, scopeOf(A), {});
    assert.deepEqual(
      all.items.map((l) => l.name),
      ['aaa', 'bbb'],
    );
    const byExten = await dao.search(tx, scopeOf(A), { filters: { exten: '1000' } });
    assert.deepEqual(
      byExten.items.map((l) => l.id),
      [first],
    );
    const page = await dao.search(tx, scopeOf(A), {
      search: 'sip',
      order: 'name',
      direction: 'desc',
      offset: 1,
    });
    assert.deepEqual([page.total, page.items.map((l) => l.name)], [2, ['aaa']]);
  });

  it('when a line is edited, then its fields change, its endpoint stays', async () => {
    const endpoint = sip('ccc');
    const id = await make(record({ name: 'ccc', endpoint_sip: endpoint }));
    const written = await dao.edit(tx, scopeOf(A), id, {
      context_id: ctxA,
      provisioning_code: '123456',
      position: 3,
      registrar: 'other',
    });
    assert.equal(written, true);
    const line = await dao.find(tx, scopeOf(A), id);
    assert.deepEqual(
      [
        line?.provisioning_code,
        line?.position,
        line?.registrar,
        line?.caller_id_name,
        line?.endpoint_sip?.uuid,
      ],
      ['123456', 3, 'other', 'Alice', endpoint.uuid],
    );
    assert.equal(await dao.exists(tx, 'provisioning_code', '123456'), true);
    assert.equal(await dao.delete(tx, scopeOf(A), id), true);
    assert.equal(await dao.find(tx, scopeOf(A), id), null);
  });

  it('when names or provisioning codes repeat, or two endpoints are set, then the database refuses', async () => {
    await make(record({ name: 'dup', provisioning_code: '111111' }));
    await assert.rejects(make(record({ name: 'dup' })), /line_name_key/);
    await assert.rejects(make(record({ provisioning_code: '111111' })), /line_provisioning_code_key/);
    await assert.rejects(
      make(record({ name: 'x', endpoint_sip: sip('x'), endpoint_custom: 'x' })),
      /line_one_endpoint_check/,
    );
    await assert.rejects(make(record({ position: 0 })), /line_position_check/);
  });

  it('when a line is created in a context outside the scope, then nothing is written', async () => {
    assert.equal(await dao.create(tx, scopeOf(B), record({ name: 'x1', context_id: ctxA })), null);
    assert.equal(await dao.create(tx, scopeOf(), record({ name: 'x2', context_id: ctxA })), null);
    assert.equal((await dao.search(tx, both, {})).total, 0);
  });

  it('when a line of tenant A is edited or deleted with scope B or none, or moved to B, then nothing changes', async () => {
    const id = await make(record({ name: 'kept', endpoint_sip: sip('kept') }));
    const before = await dao.find(tx, scopeOf(A), id);
    const edit = {
      context_id: ctxB,
      provisioning_code: '999999',
      position: 5,
      registrar: 'x',
    };
    for (const scope of [scopeOf(B), scopeOf()]) {
      assert.equal(await dao.edit(tx, scope, id, edit), false);
      assert.equal(await dao.delete(tx, scope, id), false);
    }
    assert.equal(await dao.edit(tx, scopeOf(A), id, edit), false);
    assert.deepEqual(await dao.find(tx, scopeOf(A), id), before);
  });
});
