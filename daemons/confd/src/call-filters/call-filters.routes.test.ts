/**
 * wazo-confd's test_call_filters checklist on a real PostgreSQL: minimal body and Wazo's
 * defaults, every field, Wazo's field errors changing nothing, a name unique per tenant, search,
 * filters and sort, 404s across tenants, the events' envelope, ACLs.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { caller, lastOutboxId, outboxNames, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { callFiltersPlugin } from './call-filters.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_call_filters' });
  api = await buildTestApi(database, [answerLinksPlugin, callFiltersPlugin]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'reader', acl: ['confd.callfilters.read'], metadata: { tenant_uuid: tenant1 } });
  for (const tenant of [tenant1, child1, tenant2]) await api.resources.services.tenants.ensure(tenant);
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

const minimal = { strategy: 'all', source: 'all' };
const create = async (body: object, token = 'admin1', tenant?: string) => {
  const res = await call('POST', '/callfilters', token, { ...minimal, ...body }, tenant);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};
const names = (list: { items: { name: string }[] }) => list.items.map((item) => item.name);

describe('call filters', () => {
  it('when created with the required fields, then Wazo defaults, a Location and call_filter_created', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/callfilters', 'admin1', { name: 'minimal', ...minimal });
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.deepEqual(created, {
      id: created.id,
      tenant_uuid: tenant1,
      name: 'minimal',
      strategy: 'all',
      source: 'all',
      surrogates_timeout: null,
      caller_id_mode: null,
      caller_id_name: null,
      description: null,
      enabled: true,
      recipients: { users: [] },
      surrogates: { users: [] },
      fallbacks: { noanswer_destination: null },
      links: [{ rel: 'callfilters', href: `http://localhost:80/1.1/callfilters/${created.id}` }],
    });
    assert.match(String(res.headers.location), new RegExp(`/1\\.1/callfilters/${created.id}$`));
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data],
      ['call_filter_created', 'config.callfilter.created', { id: created.id }],
    );
    assert.deepEqual(
      [event?.headers.tenant_uuid, event?.headers['user_uuid:*'], event?.headers.required_acl],
      [tenant1, true, 'events.config.callfilter.created'],
    );
    assert.deepEqual((await call('GET', `/callfilters/${created.id}`, 'admin1')).json(), created);
  });

  it('when created with every field and each enum, then each is kept', async () => {
    const body = {
      name: 'allparameter',
      source: 'internal',
      strategy: 'all-recipients-then-linear-surrogates',
      surrogates_timeout: 10,
      caller_id_mode: 'prepend',
      caller_id_name: 'callidname',
      description: 'Create description',
      enabled: false,
    };
    const created = await create(body);
    assert.deepEqual(
      { ...created, id: 0, links: [] },
      {
        ...body,
        id: 0,
        links: [],
        tenant_uuid: tenant1,
        recipients: { users: [] },
        surrogates: { users: [] },
        fallbacks: { noanswer_destination: null },
      },
    );
    const strategies = [
      'all-recipients-then-all-surrogates',
      'all-surrogates-then-all-recipients',
      'linear-surrogates-then-all-recipients',
    ];
    for (const [i, strategy] of strategies.entries()) await create({ name: `strategy ${i}`, strategy });
    for (const source of ['external', 'all']) await create({ name: `source ${source}`, source });
    for (const mode of ['append', 'overwrite']) await create({ name: `mode ${mode}`, caller_id_mode: mode });
    // Wazo stores no timeout as 0 and reads 0 back as null.
    assert.equal((await create({ name: 'zero', surrogates_timeout: 0 })).surrogates_timeout, null);
  });

  it("when a field is wrong, then Wazo's words and nothing is written", async () => {
    const before = await rowCount(database, 'call_filter');
    const cases: [object, string][] = [
      [{ strategy: 'all', source: 'all' }, "Input Error - name: ['Missing data for required field.']"],
      [{ name: 'x', source: 'all' }, "Input Error - strategy: ['Missing data for required field.']"],
      [{ name: 'x', strategy: 'all' }, "Input Error - source: ['Missing data for required field.']"],
      [{ ...minimal, name: 123 }, "Input Error - name: ['Not a valid string.']"],
      [{ ...minimal, name: null }, "Input Error - name: ['Field may not be null.']"],
      [{ ...minimal, name: 'x'.repeat(129) }, "Input Error - name: ['Longer than maximum length 128.']"],
      [
        { ...minimal, name: 'x', source: 'invalid' },
        "Input Error - source: ['Must be one of: internal, external, all.']",
      ],
      [
        { ...minimal, name: 'x', strategy: 'invalid' },
        "Input Error - strategy: ['Must be one of: all-recipients-then-linear-surrogates, all-recipients-then-all-surrogates, all-surrogates-then-all-recipients, linear-surrogates-then-all-recipients, all.']",
      ],
      [
        { ...minimal, name: 'x', surrogates_timeout: 'ten' },
        "Input Error - surrogates_timeout: ['Not a valid integer.']",
      ],
      [
        { ...minimal, name: 'x', surrogates_timeout: -1 },
        "Input Error - surrogates_timeout: ['Must be greater than or equal to 0.']",
      ],
      [
        { ...minimal, name: 'x', caller_id_mode: 'invalid' },
        "Input Error - caller_id_mode: ['Must be one of: prepend, overwrite, append.']",
      ],
      [
        { ...minimal, name: 'x', caller_id_name: 'x'.repeat(81) },
        "Input Error - caller_id_name: ['Longer than maximum length 80.']",
      ],
      [{ ...minimal, name: 'x', description: 123 }, "Input Error - description: ['Not a valid string.']"],
      [{ ...minimal, name: 'x', enabled: null }, "Input Error - enabled: ['Field may not be null.']"],
      [{ ...minimal, name: 'x', enabled: 'invalid' }, "Input Error - enabled: ['Not a valid boolean.']"],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', '/callfilters', 'admin1', body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(res.json(), [message], JSON.stringify(body));
    }
    const created = await create({ name: 'put errors' });
    for (const [body, message] of cases.slice(3)) {
      const res = await call('PUT', `/callfilters/${created.id}`, 'admin1', body);
      assert.deepEqual(res.json(), [message], `PUT ${JSON.stringify(body)}`);
    }
    assert.equal((await call('POST', '/callfilters', 'admin1')).statusCode, 400);
    assert.equal(await rowCount(database, 'call_filter'), before + 1);
  });

  it('when a name is taken in the tenant, then it already exists; another tenant may use it', async () => {
    await create({ name: 'unique' });
    const message = ["Resource Error - CallFilter already exists ('name': 'unique')"];
    assert.deepEqual(
      (await call('POST', '/callfilters', 'admin1', { ...minimal, name: 'unique' })).json(),
      message,
    );
    assert.equal((await create({ name: 'unique' }, 'admin2')).tenant_uuid, tenant2);
    const other = await create({ name: 'other' });
    assert.deepEqual(
      (await call('PUT', `/callfilters/${other.id}`, 'admin1', { name: 'unique' })).json(),
      message,
    );
    assert.equal(
      (await call('PUT', `/callfilters/${other.id}`, 'admin1', { name: 'other' })).statusCode,
      204,
    );
  });

  it('when edited with some fields or none, then only those change and call_filter_edited is sent', async () => {
    const created = await create({ name: 'edit me', surrogates_timeout: 5, caller_id_name: 'boss' });
    const from = await lastOutboxId(database);
    assert.equal((await call('PUT', `/callfilters/${created.id}`, 'admin1', {})).statusCode, 204);
    const res = await call('PUT', `/callfilters/${created.id}`, 'admin1', {
      surrogates_timeout: null,
      enabled: false,
      strategy: 'all-surrogates-then-all-recipients',
    });
    assert.equal(res.statusCode, 204, res.body);
    const read = (await call('GET', `/callfilters/${created.id}`, 'admin1')).json();
    assert.deepEqual(read, {
      ...created,
      surrogates_timeout: null,
      enabled: false,
      strategy: 'all-surrogates-then-all-recipients',
    });
    const sent = await sentSince(database, from);
    assert.deepEqual(
      sent.map((event) => [event.name, event.routing_key, event.data]),
      [
        ['call_filter_edited', 'config.callfilter.edited', { id: created.id }],
        ['call_filter_edited', 'config.callfilter.edited', { id: created.id }],
      ],
    );
  });

  it('when listed, then searched on name and description, filtered, sorted and paged', async () => {
    await create({ name: 'search', description: 'SearchDesc' });
    await create({ name: 'hidden', description: 'HiddenDesc' });
    const list = async (query: string) => (await call('GET', `/callfilters?${query}`, 'admin1')).json();
    assert.deepEqual(names(await list('search=search')), ['search']);
    assert.deepEqual(names(await list('search=SearchDesc')), ['search']);
    assert.deepEqual(names(await list('description=HiddenDesc')), ['hidden']);
    assert.deepEqual(names(await list('name=search')), ['search']);
    await create({ name: 'sort1', description: 'Sort 1' });
    await create({ name: 'sort2', description: 'Sort 2' });
    assert.deepEqual(names(await list('search=sort')), ['sort1', 'sort2']);
    assert.deepEqual(names(await list('search=sort&order=description&direction=desc')), ['sort2', 'sort1']);
    const page = await list('search=sort&limit=1&offset=1');
    assert.deepEqual([page.total, names(page)], [2, ['sort2']]);
    assert.deepEqual((await call('GET', '/callfilters?order=source', 'admin1')).json(), [
      "Input Error - order: column 'source' was not found",
    ]);
    assert.equal((await call('GET', '/callfilters?id=abc', 'admin1')).statusCode, 400);
  });

  it('when tenants list theirs, then each sees its own, recurse adds the sub-tenants', async () => {
    const main = await create({ name: 'main tenant' });
    const sub = await create({ name: 'sub tenant' }, 'admin1', child1);
    assert.equal(sub.tenant_uuid, child1);
    const ids = async (query: string, tenant?: string) =>
      (await call('GET', `/callfilters?${query}`, 'admin1', undefined, tenant))
        .json()
        .items.map((item: { id: number }) => item.id);
    assert.ok((await ids('')).includes(main.id) && !(await ids('')).includes(sub.id));
    assert.deepEqual(await ids('', child1), [sub.id]);
    assert.ok((await ids('recurse=true')).includes(sub.id));
    const other = (await call('GET', '/callfilters', 'admin2')).json();
    assert.ok(other.items.every((item: { tenant_uuid: string }) => item.tenant_uuid === tenant2));
    assert.equal((await call('GET', `/callfilters/${sub.id}`, 'admin1')).json().name, 'sub tenant');
    assert.equal((await call('PUT', `/callfilters/${sub.id}`, 'admin1', {})).statusCode, 204);
    const hidden = await call('GET', `/callfilters/${main.id}`, 'admin1', undefined, child1);
    assert.deepEqual(hidden.json(), [`Resource Not Found - CallFilter was not found ('id': ${main.id})`]);
  });

  it('when another tenant reads, edits or deletes one, then 404 and nothing changes', async () => {
    const created = await create({ name: 'private' });
    const message = [`Resource Not Found - CallFilter was not found ('id': ${created.id})`];
    const before = await outboxNames(database);
    assert.deepEqual((await call('GET', `/callfilters/${created.id}`, 'admin2')).json(), message);
    assert.deepEqual(
      (await call('PUT', `/callfilters/${created.id}`, 'admin2', { name: 'x' })).json(),
      message,
    );
    assert.deepEqual((await call('DELETE', `/callfilters/${created.id}`, 'admin2')).json(), message);
    assert.equal((await call('GET', '/callfilters/abc', 'admin1')).statusCode, 404);
    assert.deepEqual(await outboxNames(database), before);
    assert.equal((await call('GET', `/callfilters/${created.id}`, 'admin1')).json().name, 'private');
  });

  it('when deleted, then 404 afterwards and call_filter_deleted', async () => {
    const created = await create({ name: 'doomed' });
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/callfilters/${created.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', `/callfilters/${created.id}`, 'admin1')).statusCode, 404);
    assert.deepEqual(
      (await sentSince(database, from)).map((event) => [event.name, event.routing_key, event.data]),
      [['call_filter_deleted', 'config.callfilter.deleted', { id: created.id }]],
    );
  });

  it('when the token lacks the ACL, then 401', async () => {
    assert.equal((await call('GET', '/callfilters', 'reader')).statusCode, 200);
    assert.equal((await call('POST', '/callfilters', 'reader', { ...minimal, name: 'no' })).statusCode, 401);
  });
});
