/**
 * Exact filters on every confd list, as Wazo's clients send them: `?firstname=Bob` keeps Bob,
 * `?enabled=False` (wazo-confd-client's spelling) the disabled users, `?exten=`/`?context=` the
 * users whose main line has that extension, and `search` also finds a user by extension. A value
 * of the wrong type is a 400, never a 500; an unknown name is ignored.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { contextsPlugin } from '../contexts/index.js';
import { extensionsPlugin } from '../extensions/index.js';
import { groupsPlugin } from '../groups/index.js';
import { linesPlugin } from '../lines/index.js';
import { schedulesPlugin } from '../schedules/index.js';
import { caller } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant = randomUUID();
let context: string;

const plugins = [usersPlugin, groupsPlugin, contextsPlugin, schedulesPlugin, extensionsPlugin, linesPlugin];

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_list_filters' });
  api = await buildTestApi(database, plugins);
  call = caller(api);
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: tenant } });
  const { tenants, contexts } = api.resources.services;
  await tenants.ensure(tenant);
  const range = { user_ranges: [{ start: '1000', end: '1999' }] };
  context = (await contexts.create(scopeOf(tenant), tenant, { label: 'Internal', ...range })).name;
  const line = { context, endpoint_sip: {}, extensions: [{ exten: '1777', context }] };
  const alice = await call('POST', '/users', 'admin', {
    firstname: 'Alice',
    lastname: 'Smith',
    lines: [line],
  });
  assert.equal(alice.statusCode, 201, alice.body);
  await call('POST', '/users', 'admin', { firstname: 'Bob', lastname: 'Smith', enabled: false });
  await call('POST', '/users', 'admin', { firstname: 'Bobby', lastname: 'Jones' });
  const closed = { closed_destination: { type: 'none' } };
  for (const [path, body] of [
    ['/groups', { label: 'Sales' }],
    ['/groups', { label: 'Support' }],
    ['/schedules', { name: 'Office', ...closed }],
    ['/schedules', { name: 'Weekend', ...closed }],
  ] as const) {
    const res = await call('POST', path, 'admin', body);
    assert.equal(res.statusCode, 201, res.body);
  }
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

async function firstnames(query: string): Promise<string[]> {
  const res = await call('GET', `/users?${query}`, 'admin');
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().total, res.json().items.length);
  return res
    .json()
    .items.map((u: { firstname: string }) => u.firstname)
    .sort();
}

describe('users list exact filters', () => {
  const cases: [string, string[]][] = [
    ['firstname=Bob', ['Bob']],
    ['lastname=Smith', ['Alice', 'Bob']],
    ['lastname=Smith&firstname=Alice', ['Alice']],
    ['enabled=False', ['Bob']],
    ['enabled=1', ['Alice', 'Bobby']],
    ['exten=1777', ['Alice']],
    ['extension=1777', ['Alice']],
    ['exten=1888', []],
    ['search=777', ['Alice']],
    ['search=bob', ['Bob', 'Bobby']],
    ['recurse=False&firstname=Bobby', ['Bobby']],
    ['no_such_column=x', ['Alice', 'Bob', 'Bobby']],
  ];
  for (const [query, expected] of cases) {
    it(`when GET /users?${query}, then ${JSON.stringify(expected)}`, async () => {
      assert.deepEqual(await firstnames(query), expected);
    });
  }

  it('when filtering on the main line context, then only users whose main extension is there', async () => {
    assert.deepEqual(await firstnames(`context=${context}`), ['Alice']);
    assert.deepEqual(await firstnames('context=other'), []);
  });

  it('when filtering by id, then that user only', async () => {
    const all = (await call('GET', '/users?firstname=Alice', 'admin')).json().items;
    assert.deepEqual(await firstnames(`id=${all[0].id}`), ['Alice']);
  });

  for (const query of ['id=abc', 'enabled=maybe', 'subscription_type=x']) {
    it(`when GET /users?${query}, then 400 (not 500)`, async () => {
      const res = await call('GET', `/users?${query}`, 'admin');
      assert.equal(res.statusCode, 400, res.body);
    });
  }
});

describe('other lists exact filters', () => {
  const cases: [string, string, string, string[]][] = [
    ['/groups', 'label=Sales', 'label', ['Sales']],
    ['/schedules', 'name=Weekend', 'name', ['Weekend']],
    ['/contexts', 'label=Internal', 'label', ['Internal']],
    ['/contexts', 'label=Nope', 'label', []],
    ['/extensions', 'exten=1777', 'exten', ['1777']],
    ['/lines', 'protocol=sip', 'protocol', ['sip']],
    ['/lines', 'protocol=sccp', 'protocol', []],
  ];
  for (const [path, query, key, expected] of cases) {
    it(`when GET ${path}?${query}, then ${JSON.stringify(expected)}`, async () => {
      const res = await call('GET', `${path}?${query}`, 'admin');
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(
        res.json().items.map((item: Record<string, unknown>) => item[key]),
        expected,
      );
    });
  }

  it('when GET /groups?id=abc, then 400', async () => {
    assert.equal((await call('GET', '/groups?id=abc', 'admin')).statusCode, 400);
  });
});
