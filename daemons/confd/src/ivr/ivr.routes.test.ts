/**
 * wazo-confd's test_ivr checklist on a real PostgreSQL: minimal body and Wazo's defaults, every
 * field, field errors changing nothing, destinations checked (target in the tenant, choice extens
 * unique), search, sort and paging, 404s across tenants, events, an IVR as a destination (named,
 * dropped when it is deleted), and a choice's target deleted leaving the choice without one.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { applicationsPlugin } from '../applications/index.js';
import { answerLinksPlugin } from '../common/answer-links.js';
import { userFallbacksPlugin } from '../fallbacks/index.js';
import { caller, lastOutboxId, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/index.js';
import { ivrPlugin } from './ivr.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_ivr' });
  api = await buildTestApi(database, [
    answerLinksPlugin,
    usersPlugin,
    userFallbacksPlugin,
    applicationsPlugin,
    ivrPlugin,
  ]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'reader', acl: ['confd.ivr.read'], metadata: { tenant_uuid: tenant1 } });
  for (const tenant of [tenant1, child1, tenant2]) await api.resources.services.tenants.ensure(tenant);
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

type Ivr = { id: number; tenant_uuid: string; name: string } & Record<string, unknown>;
let count = 0;
const create = async (body: object = {}, token = 'admin1', tenant?: string): Promise<Ivr> => {
  count += 1;
  const res = await call('POST', '/ivr', token, { name: `ivr${count}`, menu_sound: 'menu', ...body }, tenant);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};
const user = async (tenant = tenant1) => {
  count += 1;
  return api.resources.services.users.create(scopeOf(tenant), tenant, {
    firstname: 'Ann',
    lastname: `L${count}`,
  });
};
const names = (list: { items: { name: string }[] }) => list.items.map((item) => item.name);

describe('ivr', () => {
  it('when created with the required fields, then Wazo defaults, a Location and ivr_created', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/ivr', 'admin1', { name: 'minimal', menu_sound: 'menu' });
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.deepEqual(created, {
      id: created.id,
      tenant_uuid: tenant1,
      name: 'minimal',
      description: null,
      greeting_sound: null,
      menu_sound: 'menu',
      invalid_sound: null,
      abort_sound: null,
      timeout: 5,
      max_tries: 3,
      invalid_destination: null,
      timeout_destination: null,
      abort_destination: null,
      choices: [],
      incalls: [],
      links: [{ rel: 'ivr', href: `http://localhost:80/1.1/ivr/${created.id}` }],
    });
    assert.match(String(res.headers.location), new RegExp(`/1\\.1/ivr/${created.id}$`));
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data, event?.headers.tenant_uuid],
      ['ivr_created', 'config.ivr.created', { id: created.id }, tenant1],
    );
    assert.deepEqual((await call('GET', `/ivr/${created.id}`, 'admin1')).json(), created);
  });

  it('when created with every field, then each is kept, destinations named', async () => {
    const [u1, u2, u3] = [await user(), await user(), await user()];
    const created = await create({
      name: 'full',
      greeting_sound: 'greeting',
      invalid_sound: 'invalid',
      abort_sound: 'abort',
      timeout: 4,
      max_tries: 2,
      description: 'description',
      invalid_destination: { type: 'user', user_id: u1.id, ring_time: 10, extra: 'dropped' },
      timeout_destination: { type: 'user', user_id: u2.id },
      abort_destination: { type: 'user', user_id: u3.id },
      choices: [
        { exten: '1', destination: { type: 'none' } },
        { exten: '2', destination: { type: 'hangup', cause: 'busy', timeout: 3 } },
      ],
    });
    assert.deepEqual(
      [
        created.greeting_sound,
        created.invalid_sound,
        created.abort_sound,
        created.timeout,
        created.max_tries,
      ],
      ['greeting', 'invalid', 'abort', 4, 2],
    );
    assert.deepEqual(created.invalid_destination, {
      type: 'user',
      user_id: u1.id,
      ring_time: 10,
      user_firstname: 'Ann',
      user_lastname: u1.lastname,
    });
    assert.equal((created.abort_destination as { user_id: number }).user_id, u3.id);
    assert.deepEqual(created.choices, [
      { exten: '1', destination: { type: 'none' } },
      { exten: '2', destination: { type: 'hangup', cause: 'busy', timeout: 3 } },
    ]);
  });

  it('when fields are wrong, then Wazo words the error and nothing is written', async () => {
    const before = await rowCount(database, 'ivr');
    const other = await user(tenant2);
    const cases: [object, string][] = [
      [{ menu_sound: 'm' }, "Input Error - name: ['Missing data for required field.']"],
      [{ name: 'x' }, "Input Error - menu_sound: ['Missing data for required field.']"],
      [{ name: null, menu_sound: 'm' }, "Input Error - name: ['Field may not be null.']"],
      [{ name: 'x'.repeat(129), menu_sound: 'm' }, "Input Error - name: ['Longer than maximum length 128.']"],
      [
        { name: 'x', menu_sound: 'm'.repeat(256) },
        "Input Error - menu_sound: ['Longer than maximum length 255.']",
      ],
      [
        { name: 'x', menu_sound: 'm', abort_sound: 123 },
        "Input Error - abort_sound: ['Not a valid string.']",
      ],
      [
        { name: 'x', menu_sound: 'm', timeout: -1 },
        "Input Error - timeout: ['Must be greater than or equal to 0.']",
      ],
      [
        { name: 'x', menu_sound: 'm', max_tries: 0 },
        "Input Error - max_tries: ['Must be greater than or equal to 1.']",
      ],
      [
        { name: 'x', menu_sound: 'm', max_tries: 'invalid' },
        "Input Error - max_tries: ['Not a valid integer.']",
      ],
      [
        { name: 'x', menu_sound: 'm', description: 1234 },
        "Input Error - description: ['Not a valid string.']",
      ],
      [
        {
          name: 'x',
          menu_sound: 'm',
          choices: [
            { exten: '1', destination: { type: 'none' } },
            { exten: '1', destination: { type: 'none' } },
          ],
        },
        "Input Error - exten '1' used in more than one choice",
      ],
      [
        { name: 'x', menu_sound: 'm', abort_destination: { type: 'user', user_id: other.id } },
        `Input Error - field 'actionarg1': User was not found ('actionarg1': ${other.id})`,
      ],
      [
        {
          name: 'x',
          menu_sound: 'm',
          choices: [{ exten: '1', destination: { type: 'ivr', ivr_id: 999999 } }],
        },
        "Input Error - field 'actionarg1': IVR was not found ('actionarg1': 999999)",
      ],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', '/ivr', 'admin1', body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(res.json(), [message], JSON.stringify(body));
    }
    for (const body of [
      { name: 'x', menu_sound: 'm', choices: {} },
      { name: 'x', menu_sound: 'm', choices: ['invalid'] },
      { name: 'x', menu_sound: 'm', choices: [{ exten: '1' }] },
      { name: 'x', menu_sound: 'm', choices: [{ exten: 'abc', destination: { type: 'none' } }] },
      { name: 'x', menu_sound: 'm', choices: [{ exten: '1', destination: 'invalid' }] },
      { name: 'x', menu_sound: 'm', invalid_destination: { type: 'user' } },
      { name: 'x', menu_sound: 'm', timeout_destination: { type: 'invalid' } },
    ]) {
      const res = await call('POST', '/ivr', 'admin1', body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
    }
    const created = await create();
    for (const [body, message] of cases.slice(2)) {
      const res = await call('PUT', `/ivr/${created.id}`, 'admin1', body);
      assert.deepEqual(res.json(), [message], `PUT ${JSON.stringify(body)}`);
    }
    assert.equal((await call('POST', '/ivr', 'admin1')).statusCode, 400);
    assert.equal(await rowCount(database, 'ivr'), before + 1);
    assert.deepEqual((await call('GET', `/ivr/${created.id}`, 'admin1')).json(), created);
  });

  it('when edited, then the given fields change, choices are replaced, null removes a destination', async () => {
    const u = await user();
    const created = await create({
      abort_destination: { type: 'user', user_id: u.id },
      invalid_destination: { type: 'none' },
      choices: [{ exten: '1', destination: { type: 'none' } }],
    });
    const from = await lastOutboxId(database);
    let res = await call('PUT', `/ivr/${created.id}`, 'admin1', { name: 'renamed', timeout: 1337 });
    assert.equal(res.statusCode, 204, res.body);
    assert.deepEqual((await call('GET', `/ivr/${created.id}`, 'admin1')).json(), {
      ...created,
      name: 'renamed',
      timeout: 1337,
    });
    res = await call('PUT', `/ivr/${created.id}`, 'admin1', {
      invalid_destination: null,
      timeout_destination: { type: 'none' },
      choices: [
        { exten: '0', destination: { type: 'user', user_id: u.id } },
        { exten: '9', destination: { type: 'none' } },
      ],
    });
    assert.equal(res.statusCode, 204, res.body);
    const read = (await call('GET', `/ivr/${created.id}`, 'admin1')).json();
    assert.deepEqual(
      [read.invalid_destination, read.timeout_destination, read.abort_destination.user_id],
      [null, { type: 'none' }, u.id],
    );
    assert.deepEqual(
      read.choices.map((c: { exten: string }) => c.exten),
      ['0', '9'],
    );
    assert.equal(await rowCount(database, `ivr_choice WHERE ivr_id = ${created.id}`), 2);
    assert.equal((await call('PUT', `/ivr/${created.id}`, 'admin1', {})).statusCode, 204);
    const sent = await sentSince(database, from);
    assert.deepEqual(
      sent.map((event) => [event.name, event.routing_key, event.data]),
      [
        ['ivr_edited', 'config.ivr.edited', { id: created.id }],
        ['ivr_edited', 'config.ivr.edited', { id: created.id }],
        ['ivr_edited', 'config.ivr.edited', { id: created.id }],
      ],
    );
  });

  it('when listed, then searched on name and description, filtered, sorted by id and paged', async () => {
    const a = await create({ name: 'search', description: 'SearchDesc' });
    await create({ name: 'hidden', description: 'HiddenDesc' });
    const list = async (query: string) => (await call('GET', `/ivr?${query}`, 'admin1')).json();
    assert.deepEqual(names(await list('search=search')), ['search']);
    assert.deepEqual(names(await list('search=SearchDesc')), ['search']);
    assert.deepEqual(names(await list('description=HiddenDesc')), ['hidden']);
    assert.deepEqual(names(await list(`id=${a.id}`)), ['search']);
    await create({ name: 'sort2', description: 'Sort 2' });
    await create({ name: 'sort1', description: 'Sort 1' });
    assert.deepEqual(names(await list('search=sort')), ['sort2', 'sort1']);
    assert.deepEqual(names(await list('search=sort&order=description')), ['sort1', 'sort2']);
    assert.deepEqual(names(await list('search=sort&order=name&direction=desc')), ['sort2', 'sort1']);
    const page = await list('search=sort&order=name&limit=1&offset=1');
    assert.deepEqual([page.total, names(page)], [2, ['sort2']]);
    assert.deepEqual((await call('GET', '/ivr?order=timeout', 'admin1')).json(), [
      "Input Error - order: column 'timeout' was not found",
    ]);
  });

  it('when tenants list, read, edit and delete, then each sees its own, recurse adds the sub-tenants', async () => {
    const main = await create({ name: 'main tenant' });
    const sub = await create({ name: 'sub tenant' }, 'admin1', child1);
    assert.equal(sub.tenant_uuid, child1);
    const ids = async (query: string, tenant?: string) =>
      (await call('GET', `/ivr?${query}`, 'admin1', undefined, tenant)).json().items.map((i: Ivr) => i.id);
    assert.ok((await ids('')).includes(main.id) && !(await ids('')).includes(sub.id));
    assert.deepEqual(await ids('', child1), [sub.id]);
    assert.ok((await ids('recurse=true')).includes(sub.id));
    const message = [`Resource Not Found - IVR was not found ('id': ${main.id})`];
    assert.deepEqual((await call('GET', `/ivr/${main.id}`, 'admin1', undefined, child1)).json(), message);
    assert.deepEqual((await call('GET', `/ivr/${main.id}`, 'admin2')).json(), message);
    assert.deepEqual((await call('PUT', `/ivr/${main.id}`, 'admin2', {})).json(), message);
    assert.deepEqual((await call('DELETE', `/ivr/${main.id}`, 'admin2')).json(), message);
    assert.equal((await call('GET', '/ivr/abc', 'admin1')).statusCode, 404);
    assert.equal((await call('PUT', `/ivr/${sub.id}`, 'admin1', {})).statusCode, 204);
    assert.equal((await call('DELETE', `/ivr/${sub.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', '/ivr', 'reader')).statusCode, 200);
    assert.equal((await call('POST', '/ivr', 'reader', { name: 'x', menu_sound: 'm' })).statusCode, 401);
  });

  it('when an IVR is a destination, then it is named, checked in the tenant, and dropped when deleted', async () => {
    const target = await create({ name: 'target' });
    const u = await user();
    const owner = await create({
      choices: [{ exten: '5', destination: { type: 'ivr', ivr_id: target.id } }],
    });
    assert.deepEqual(owner.choices, [
      { exten: '5', destination: { type: 'ivr', ivr_id: target.id, ivr_name: 'target' } },
    ]);
    let res = await call('PUT', `/users/${u.id}/fallbacks`, 'admin1', {
      busy_destination: { type: 'ivr', ivr_id: target.id },
    });
    assert.equal(res.statusCode, 204, res.body);
    const foreign = await create({ name: 'foreign' }, 'admin2');
    res = await call('POST', '/ivr', 'admin1', {
      name: 'x',
      menu_sound: 'm',
      timeout_destination: { type: 'ivr', ivr_id: foreign.id },
    });
    assert.deepEqual(res.json(), [
      `Input Error - field 'actionarg1': IVR was not found ('actionarg1': ${foreign.id})`,
    ]);
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/ivr/${target.id}`, 'admin1')).statusCode, 204);
    const [event] = await sentSince(database, from);
    assert.deepEqual([event?.name, event?.data], ['ivr_deleted', { id: target.id }]);
    assert.deepEqual((await call('GET', `/ivr/${target.id}`, 'admin1')).json(), [
      `Resource Not Found - IVR was not found ('id': ${target.id})`,
    ]);
    assert.deepEqual((await call('GET', `/ivr/${owner.id}`, 'admin1')).json().choices, [
      { exten: '5', destination: null },
    ]);
    assert.equal((await call('GET', `/users/${u.id}/fallbacks`, 'admin1')).json().busy_destination, null);
  });

  it('when a user a choice or a destination sends calls to is deleted, then those destinations go', async () => {
    const u = await user();
    const ivr = await create({
      abort_destination: { type: 'user', user_id: u.id },
      choices: [
        { exten: '1', destination: { type: 'user', user_id: u.id } },
        { exten: '2', destination: { type: 'none' } },
      ],
    });
    assert.equal((await call('DELETE', `/users/${u.uuid}`, 'admin1')).statusCode, 204);
    const read = (await call('GET', `/ivr/${ivr.id}`, 'admin1')).json();
    assert.equal(read.abort_destination, null);
    assert.deepEqual(read.choices, [
      { exten: '1', destination: null },
      { exten: '2', destination: { type: 'none' } },
    ]);
  });

  it('when a custom application a choice sends calls to is deleted, then the choice keeps no destination', async () => {
    const app = (await call('POST', '/applications', 'admin1', { name: 'app' })).json();
    const destination = { type: 'application', application: 'custom', application_uuid: app.uuid };
    const ivr = await create({ choices: [{ exten: '1', destination }] });
    assert.deepEqual(ivr.choices, [{ exten: '1', destination: { ...destination, application_name: 'app' } }]);
    assert.equal((await call('DELETE', `/applications/${app.uuid}`, 'admin1')).statusCode, 204);
    assert.deepEqual((await call('GET', `/ivr/${ivr.id}`, 'admin1')).json().choices, [
      { exten: '1', destination: null },
    ]);
  });

  it('when an IVR or its tenant is deleted, then its choices and destinations go with it', async () => {
    const ivr = await create({
      invalid_destination: { type: 'none' },
      choices: [{ exten: '1', destination: { type: 'none' } }],
    });
    assert.equal((await call('DELETE', `/ivr/${ivr.id}`, 'admin1')).statusCode, 204);
    assert.equal(await rowCount(database, `ivr_choice WHERE ivr_id = ${ivr.id}`), 0);
    assert.equal(await rowCount(database, `ivr_dialaction WHERE ivr_id = ${ivr.id}`), 0);
    assert.equal((await call('DELETE', `/ivr/${ivr.id}`, 'admin1')).statusCode, 404);
  });
});
