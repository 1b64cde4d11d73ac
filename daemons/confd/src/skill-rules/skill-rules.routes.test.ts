/**
 * wazo-confd's test_skill_rules checklist on a real PostgreSQL: minimal and full bodies, Wazo's
 * field errors changing nothing, 404s (unknown, non-numeric, other tenant), search, exact filters,
 * sort, offset and limit, `recurse` over sub-tenants, a parent tenant reaching its sub-tenant's
 * rule, the events (name, routing key, payload, tenant header), and the rules going with their
 * tenant.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { caller, lastOutboxId, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { skillRulesPlugin } from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const main = randomUUID();
const sub = randomUUID();

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_skill_rules' });
  api = await buildTestApi(database, [answerLinksPlugin, skillRulesPlugin]);
  call = caller(api);
  api.verifier.add({ token: 'main', acl: ['confd.#'], metadata: { tenant_uuid: main } });
  api.verifier.add({ token: 'sub', acl: ['confd.#'], metadata: { tenant_uuid: sub } });
  api.verifier.add({
    token: 'reader',
    acl: ['confd.queues.skillrules.read'],
    metadata: { tenant_uuid: main },
  });
  api.addSubtenant(main, sub);
  for (const tenant of [main, sub]) await api.resources.services.tenants.ensure(tenant);
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

const create = async (body: object, token = 'main') => {
  const res = await call('POST', '/queues/skillrules', token, body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};

describe('skill rules: create, read, edit, delete', () => {
  it('when created with a name only, then no rules, its link, a Location and skill_rule_created to its tenant', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/queues/skillrules', 'main', { name: 'MySkillRule' });
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.deepEqual(created, {
      id: created.id,
      tenant_uuid: main,
      name: 'MySkillRule',
      rules: [],
      links: [{ rel: 'skillrules', href: `http://localhost:80/1.1/queues/skillrules/${created.id}` }],
    });
    assert.match(res.headers.location as string, new RegExp(`/1.1/queues/skillrules/${created.id}$`));
    const sent = await sentSince(database, from);
    assert.deepEqual(
      sent.map((e) => [e.name, e.routing_key, e.data, e.headers.tenant_uuid]),
      [['skill_rule_created', 'config.queues.skillrules.created', { id: created.id }, main]],
    );
  });

  it('when created with rules, then they read back in order; null rules are none', async () => {
    const rules = [{ definition: 'asterisk rule definition' }, { definition: 'another rule definition' }];
    const created = await create({ name: 'full', rules });
    const got = (await call('GET', `/queues/skillrules/${created.id}`, 'main')).json();
    assert.deepEqual([got.name, got.rules], ['full', rules]);
    const none = await create({ name: 'none', rules: null });
    assert.deepEqual(none.rules, []);
    const { rows } = await database.pool.query('SELECT rule FROM queueskillrule WHERE id = $1', [created.id]);
    assert.equal(rows[0].rule, 'asterisk rule definition;another rule definition', "Wazo's storage");
  });

  it("when a sub-tenant creates one, then it is the sub-tenant's", async () => {
    const created = await create({ name: 'subrule' }, 'sub');
    assert.equal(created.tenant_uuid, sub);
    const viaHeader = await call('POST', '/queues/skillrules', 'main', { name: 'named' }, sub);
    assert.equal(viaHeader.json().tenant_uuid, sub);
  });

  it('when edited with {}, then nothing changes but skill_rule_edited is sent; all fields change them', async () => {
    const rule = await create({ name: 'before', rules: [{ definition: 'a' }] });
    let from = await lastOutboxId(database);
    assert.equal((await call('PUT', `/queues/skillrules/${rule.id}`, 'main', {})).statusCode, 204);
    const sent = await sentSince(database, from);
    assert.deepEqual(
      sent.map((e) => [e.name, e.routing_key, e.data, e.headers.tenant_uuid]),
      [['skill_rule_edited', 'config.queues.skillrules.edited', { id: rule.id }, main]],
    );
    const unchanged = (await call('GET', `/queues/skillrules/${rule.id}`, 'main')).json();
    assert.deepEqual([unchanged.name, unchanged.rules], ['before', [{ definition: 'a' }]]);
    const parameters = {
      name: 'UpdatedSkillRule',
      rules: [{ definition: 'updated rule definition' }, { definition: 'another rule definition' }],
    };
    assert.equal((await call('PUT', `/queues/skillrules/${rule.id}`, 'main', parameters)).statusCode, 204);
    const got = (await call('GET', `/queues/skillrules/${rule.id}`, 'main')).json();
    assert.deepEqual([got.name, got.rules], [parameters.name, parameters.rules]);
    assert.equal((await call('PUT', `/queues/skillrules/${rule.id}`, 'main', { rules: [] })).statusCode, 204);
    assert.deepEqual((await call('GET', `/queues/skillrules/${rule.id}`, 'main')).json().rules, []);
    from = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/queues/skillrules/${rule.id}`, 'main')).statusCode, 204);
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.routing_key, e.data, e.headers.tenant_uuid]),
      [['skill_rule_deleted', 'config.queues.skillrules.deleted', { id: rule.id }, main]],
    );
    const gone = await call('GET', `/queues/skillrules/${rule.id}`, 'main');
    assert.equal(gone.statusCode, 404);
    assert.deepEqual(gone.json(), [`Resource Not Found - SkillRule was not found ('id': ${rule.id})`]);
  });

  it('when the rule is unknown or the id not a number, then 404 SkillRule for get, put and delete', async () => {
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const res = await call(method, '/queues/skillrules/999999', 'main', method === 'PUT' ? {} : undefined);
      assert.equal(res.statusCode, 404, method);
      assert.deepEqual(res.json(), ["Resource Not Found - SkillRule was not found ('id': 999999)"]);
      const word = await call(method, '/queues/skillrules/abc', 'main', method === 'PUT' ? {} : undefined);
      assert.equal(word.statusCode, 404, `${method} abc`);
    }
  });
});

describe('skill rules: refused bodies', () => {
  const bogus: [string, unknown][] = [
    ['name', true],
    ['name', null],
    ['name', 1234],
    ['name', 'x'.repeat(65)],
    ['name', []],
    ['name', {}],
    ['rules', true],
    ['rules', 1234],
    ['rules', {}],
    ['rules', 'string'],
    ['rules', ['string']],
    ['rules', [{}]],
    ['rules', [{ definition: true }]],
    ['rules', [{ definition: 1234 }]],
    ['rules', [{ definition: [] }]],
    ['rules', [{ definition: {} }]],
  ];
  it('when a POST or PUT has a bogus field, then 400 naming it, and nothing is written', async () => {
    const rule = await create({ name: 'target' });
    const rows = await rowCount(database, 'queueskillrule');
    const from = await lastOutboxId(database);
    for (const [field, value] of bogus) {
      const body = { name: 'ok', [field]: value };
      for (const [method, url] of [
        ['POST', '/queues/skillrules'],
        ['PUT', `/queues/skillrules/${rule.id}`],
      ] as const) {
        const res = await call(method, url, 'main', body);
        assert.equal(res.statusCode, 400, `${method} ${field}=${JSON.stringify(value)}: ${res.body}`);
        assert.match(
          res.body,
          field === 'rules' && JSON.stringify(value).includes('definition')
            ? /rules.*definition/
            : new RegExp(field),
        );
      }
    }
    for (const method of ['POST', 'PUT'] as const) {
      const url = method === 'POST' ? '/queues/skillrules' : `/queues/skillrules/${rule.id}`;
      assert.equal((await call(method, url, 'main')).statusCode, 400, `${method} without a body`);
    }
    assert.equal((await call('POST', '/queues/skillrules', 'main', {})).statusCode, 400, 'name is required');
    assert.equal(await rowCount(database, 'queueskillrule'), rows);
    assert.deepEqual(await sentSince(database, from), []);
    assert.equal((await call('GET', `/queues/skillrules/${rule.id}`, 'main')).json().name, 'target');
  });
});

describe('skill rules: lists and tenants', () => {
  it('when searched, then the search matches the name; a name filter is exact', async () => {
    const found = await create({ name: 'search' });
    const hidden = await create({ name: 'hidden' });
    const searched = (await call('GET', '/queues/skillrules?search=search', 'main')).json();
    const ids = searched.items.map((r: { id: number }) => r.id);
    assert.ok(ids.includes(found.id) && !ids.includes(hidden.id));
    const exact = (await call('GET', '/queues/skillrules?name=search', 'main')).json();
    assert.deepEqual(
      exact.items.map((r: { id: number }) => r.id),
      [found.id],
    );
    assert.equal(exact.total, 1);
  });

  it('when sorted, offset and limited, then by name as asked', async () => {
    const one = await create({ name: 'sort1' });
    const two = await create({ name: 'sort2' });
    const names = async (query: string) =>
      (await call('GET', `/queues/skillrules?search=sort&${query}`, 'main'))
        .json()
        .items.map((r: { id: number }) => r.id);
    assert.deepEqual(await names('order=name'), [one.id, two.id]);
    assert.deepEqual(await names('order=name&direction=desc'), [two.id, one.id]);
    assert.deepEqual(await names('order=name&offset=1'), [two.id]);
    assert.deepEqual(await names('order=name&limit=1'), [one.id]);
    assert.equal((await call('GET', '/queues/skillrules?limit=-1', 'main')).statusCode, 400);
    assert.equal((await call('GET', '/queues/skillrules?order=rules', 'main')).statusCode, 400);
  });

  it('when listing per tenant, then each sees its own; recurse adds the sub-tenants', async () => {
    const mine = await create({ name: 'mt-main' });
    const theirs = await create({ name: 'mt-sub' }, 'sub');
    const ids = async (token: string, query = '', tenant?: string) =>
      (await call('GET', `/queues/skillrules?search=mt-${query}`, token, undefined, tenant))
        .json()
        .items.map((r: { id: number }) => r.id);
    assert.deepEqual(await ids('main'), [mine.id]);
    assert.deepEqual(await ids('sub'), [theirs.id]);
    assert.deepEqual(await ids('main', '', sub), [theirs.id]);
    assert.deepEqual((await ids('main', '&recurse=true')).sort(), [mine.id, theirs.id].sort());
  });

  it("when another tenant names a rule, then 404; the parent reaches its sub-tenant's", async () => {
    const mine = await create({ name: 'main-only' });
    const theirs = await create({ name: 'sub-only' }, 'sub');
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', {}],
      ['DELETE', undefined],
    ] as const) {
      const res = await call(method, `/queues/skillrules/${mine.id}`, 'sub', body);
      assert.equal(res.statusCode, 404, method);
      assert.match(res.body, /SkillRule was not found/);
    }
    assert.equal((await call('GET', `/queues/skillrules/${theirs.id}`, 'main')).json().id, theirs.id);
    assert.equal(
      (await call('PUT', `/queues/skillrules/${theirs.id}`, 'main', { name: 'x' })).statusCode,
      204,
    );
    assert.equal((await call('DELETE', `/queues/skillrules/${theirs.id}`, 'main')).statusCode, 204);
  });

  it('when a token lacks the ACL, then 401', async () => {
    assert.equal((await call('GET', '/queues/skillrules', 'reader')).statusCode, 200);
    assert.equal((await call('POST', '/queues/skillrules', 'reader', { name: 'x' })).statusCode, 401);
  });

  it('when a tenant is deleted, then its skill rules go with it', async () => {
    const gone = randomUUID();
    await api.resources.services.tenants.ensure(gone);
    api.verifier.add({ token: 'gone', acl: ['confd.#'], metadata: { tenant_uuid: gone } });
    await create({ name: 'doomed' }, 'gone');
    await api.resources.services.tenants.delete(gone);
    const { rows } = await database.pool.query('SELECT 1 FROM queueskillrule WHERE tenant_uuid = $1', [gone]);
    assert.equal(rows.length, 0);
  });
});
