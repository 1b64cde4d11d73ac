/**
 * wazo-confd's test_incalls checklist on a real PostgreSQL: minimal body and Wazo's defaults,
 * every field, Wazo's field errors changing nothing, destinations (every type, the target looked
 * up in the tenant, named, `none` once deleted), search on the extension's number, the user_id
 * filter, sort and paging, 404s across tenants and recurse, the events' envelope, ACLs.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { caller, lastOutboxId, outboxNames, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { incallExtensionsPlugin } from './incall-links.routes.js';
import { incallsPlugin } from './incalls.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();
let user: { id: number; uuid: string };
let otherTenantUser: { id: number };
let group: { id: number; name: string; label: string };
let incallContext: string;

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_incalls' });
  api = await buildTestApi(database, [answerLinksPlugin, incallsPlugin, incallExtensionsPlugin]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'reader', acl: ['confd.incalls.read'], metadata: { tenant_uuid: tenant1 } });
  const { services } = api.resources;
  for (const tenant of [tenant1, child1, tenant2]) await services.tenants.ensure(tenant);
  user = await services.users.create(scopeOf(tenant1), tenant1, { firstname: 'Ann', lastname: 'Lee' });
  otherTenantUser = await services.users.create(scopeOf(tenant2), tenant2, { firstname: 'Far' });
  group = await services.groups.create(scopeOf(tenant1), tenant1, { label: 'Sales' });
  const context = await services.contexts.create(scopeOf(tenant1), tenant1, {
    label: 'Incoming',
    type: 'incall',
    incall_ranges: [{ start: '5551000', end: '5551999' }],
  });
  incallContext = context.name;
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

const create = async (body: object = {}, token = 'admin1', tenant?: string) => {
  const res = await call('POST', '/incalls', token, { destination: { type: 'none' }, ...body }, tenant);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};
const extension = async (exten: string) =>
  api.resources.services.extensions.create(scopeOf(tenant1), { exten, context: incallContext });
const ids = (list: { items: { id: number }[] }) => list.items.map((item) => item.id);

describe('incalls', () => {
  it('when created with a destination only, then Wazo defaults, a Location and incall_created', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/incalls', 'admin1', { destination: { type: 'none' } });
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.deepEqual(created, {
      id: created.id,
      tenant_uuid: tenant1,
      preprocess_subroutine: null,
      greeting_sound: null,
      caller_id_mode: null,
      caller_id_name: null,
      description: null,
      destination: { type: 'none' },
      extensions: [],
      schedules: [],
      links: [{ rel: 'incalls', href: `http://localhost:80/1.1/incalls/${created.id}` }],
    });
    assert.match(String(res.headers.location), new RegExp(`/1\\.1/incalls/${created.id}$`));
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data],
      ['incall_created', 'config.incalls.created', { id: created.id }],
    );
    assert.deepEqual(
      [event?.headers.tenant_uuid, event?.headers['user_uuid:*'], event?.headers.required_acl],
      [tenant1, true, 'events.config.incalls.created'],
    );
    assert.deepEqual((await call('GET', `/incalls/${created.id}`, 'admin1')).json(), created);
  });

  it('when created with every field in a sub-tenant, then each is kept there', async () => {
    const body = {
      preprocess_subroutine: 'default',
      greeting_sound: 'sound',
      description: 'description',
      caller_id_mode: 'prepend',
      caller_id_name: 'name_',
      destination: { type: 'none' },
    };
    const created = await create(body, 'admin1', child1);
    assert.deepEqual(
      { ...created, id: 0, links: [] },
      { ...body, id: 0, links: [], tenant_uuid: child1, extensions: [], schedules: [] },
    );
  });

  it("when a field is wrong, then Wazo's words and nothing is written", async () => {
    const before = await rowCount(database, 'incall');
    const cases: [object, string][] = [
      [{ preprocess_subroutine: 123 }, "Input Error - preprocess_subroutine: ['Not a valid string.']"],
      [
        { preprocess_subroutine: 'x'.repeat(80) },
        "Input Error - preprocess_subroutine: ['Longer than maximum length 79.']",
      ],
      [{ preprocess_subroutine: [] }, "Input Error - preprocess_subroutine: ['Not a valid string.']"],
      [{ greeting_sound: {} }, "Input Error - greeting_sound: ['Not a valid string.']"],
      [
        { greeting_sound: 'x'.repeat(256) },
        "Input Error - greeting_sound: ['Longer than maximum length 255.']",
      ],
      [
        { caller_id_mode: 'invalid' },
        "Input Error - caller_id_mode: ['Must be one of: prepend, overwrite, append.']",
      ],
      [{ caller_id_mode: true }, "Input Error - caller_id_mode: ['Not a valid string.']"],
      [
        { caller_id_name: 'x'.repeat(81) },
        "Input Error - caller_id_name: ['Longer than maximum length 80.']",
      ],
      [{ caller_id_name: 1234 }, "Input Error - caller_id_name: ['Not a valid string.']"],
      [{ description: 1234 }, "Input Error - description: ['Not a valid string.']"],
      [{ destination: null }, "Input Error - destination: ['Field may not be null.']"],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', '/incalls', 'admin1', { destination: { type: 'none' }, ...body });
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(res.json(), [message], JSON.stringify(body));
    }
    const invalid: object[] = [
      {},
      { type: 'invalid' },
      { type: 'user' },
      { type: 'user', user_id: 'abc' },
      { type: 'group', group_id: 1, ring_time: -1 },
      { type: 'hangup', cause: 'unknown' },
      { type: 'extension', exten: 'abc', context: 'default' },
    ];
    for (const destination of invalid) {
      const res = await call('POST', '/incalls', 'admin1', { destination });
      assert.equal(res.statusCode, 400, JSON.stringify(destination));
      assert.match(String(res.json()[0]), /^Input Error - destination/, JSON.stringify(destination));
    }
    const missing = await call('POST', '/incalls', 'admin1', {});
    assert.deepEqual(missing.json(), ["Input Error - destination: ['Missing data for required field.']"]);
    const created = await create();
    for (const [body, message] of cases) {
      const res = await call('PUT', `/incalls/${created.id}`, 'admin1', body);
      assert.deepEqual(res.json(), [message], `PUT ${JSON.stringify(body)}`);
    }
    assert.equal((await call('PUT', `/incalls/${created.id}`, 'admin1')).statusCode, 400);
    assert.equal(await rowCount(database, 'incall'), before + 1);
  });

  it('when the destination names a target of no tenant or of another, then not found and nothing written', async () => {
    const before = await rowCount(database, 'incall');
    const cases: [object, string][] = [
      [
        { type: 'user', user_id: 999999 },
        "Input Error - field 'actionarg1': User was not found ('actionarg1': 999999)",
      ],
      [
        { type: 'user', user_id: otherTenantUser.id },
        `Input Error - field 'actionarg1': User was not found ('actionarg1': ${otherTenantUser.id})`,
      ],
      [
        { type: 'group', group_id: 999999 },
        "Input Error - field 'actionarg1': Group was not found ('actionarg1': 999999)",
      ],
      [
        { type: 'voicemail', voicemail_id: 999999 },
        "Input Error - field 'actionarg1': Voicemail was not found ('actionarg1': 999999)",
      ],
    ];
    for (const [destination, message] of cases) {
      const res = await call('POST', '/incalls', 'admin1', { destination });
      assert.deepEqual([res.statusCode, res.json()], [400, [message]], JSON.stringify(destination));
    }
    const created = await create();
    const res = await call('PUT', `/incalls/${created.id}`, 'admin1', { destination: cases[0]![0] });
    assert.equal(res.statusCode, 400);
    assert.deepEqual((await call('GET', `/incalls/${created.id}`, 'admin1')).json().destination, {
      type: 'none',
    });
    assert.equal(await rowCount(database, 'incall'), before + 1);
  });

  it('when a destination of each kind is given, then it is kept, with the names Wazo shows', async () => {
    const destinations: [object, object][] = [
      [
        { type: 'user', user_id: user.id, ring_time: 10, moh_uuid: null },
        { user_firstname: 'Ann', user_lastname: 'Lee' },
      ],
      [
        { type: 'group', group_id: group.id, ring_time: 5 },
        { group_name: group.name, group_label: 'Sales' },
      ],
      [{ type: 'hangup', cause: 'busy', timeout: 10 }, {}],
      [{ type: 'hangup', cause: 'normal' }, {}],
      [{ type: 'custom', command: 'Playback(hello)' }, {}],
      [{ type: 'extension', exten: '1234', context: 'default' }, {}],
      [{ type: 'sound', filename: 'hello', skip: true, no_answer: false }, {}],
      [{ type: 'application', application: 'directory', context: 'default' }, {}],
      [{ type: 'application', application: 'disa', context: 'default', pin: '123' }, {}],
      [{ type: 'none' }, {}],
    ];
    const incall = await create();
    for (const [destination, names] of destinations) {
      const created = await create({ destination });
      assert.deepEqual(created.destination, { ...destination, ...names }, JSON.stringify(destination));
      assert.equal((await call('PUT', `/incalls/${incall.id}`, 'admin1', { destination })).statusCode, 204);
      const read = (await call('GET', `/incalls/${incall.id}`, 'admin1')).json();
      assert.deepEqual(read.destination, { ...destination, ...names });
    }
  });

  it("when the destination's user is deleted, then the incall shows none", async () => {
    const { services } = api.resources;
    const doomed = await services.users.create(scopeOf(tenant1), tenant1, { firstname: 'Gone' });
    const created = await create({ destination: { type: 'user', user_id: doomed.id } });
    await services.users.delete(scopeOf(tenant1), doomed.uuid);
    assert.deepEqual((await call('GET', `/incalls/${created.id}`, 'admin1')).json().destination, {
      type: 'none',
    });
  });

  it("when the destination's group, voicemail or custom application is deleted, then the incall shows none", async () => {
    const { services } = api.resources;
    const doomedGroup = await services.groups.create(scopeOf(tenant1), tenant1, { label: 'Gone' });
    const application = await services.applications.create(tenant1, { name: 'gone-app' });
    const toGroup = await create({ destination: { type: 'group', group_id: doomedGroup.id } });
    const toApp = await create({
      destination: { type: 'application', application: 'custom', application_uuid: application.uuid },
    });
    assert.equal(toApp.destination.application_name, 'gone-app');
    await services.groups.delete(scopeOf(tenant1), doomedGroup.uuid);
    await services.applications.delete(scopeOf(tenant1), application.uuid);
    for (const incall of [toGroup, toApp])
      assert.deepEqual((await call('GET', `/incalls/${incall.id}`, 'admin1')).json().destination, {
        type: 'none',
      });
  });

  it('when edited with some fields or none, then only those change and incall_edited is sent', async () => {
    const created = await create({ description: 'keep', caller_id_name: 'old' });
    const from = await lastOutboxId(database);
    assert.equal((await call('PUT', `/incalls/${created.id}`, 'admin1', {})).statusCode, 204);
    const changes = { caller_id_name: null, caller_id_mode: 'append', greeting_sound: 'hi' };
    assert.equal((await call('PUT', `/incalls/${created.id}`, 'admin1', changes)).statusCode, 204);
    const read = (await call('GET', `/incalls/${created.id}`, 'admin1')).json();
    assert.deepEqual(read, { ...created, ...changes });
    assert.deepEqual(
      (await sentSince(database, from)).map((event) => [event.name, event.routing_key, event.data]),
      [
        ['incall_edited', 'config.incalls.edited', { id: created.id }],
        ['incall_edited', 'config.incalls.edited', { id: created.id }],
      ],
    );
  });

  it('when listed, then searched on description and number, filtered by user, sorted and paged', async () => {
    const search = await create({ description: 'search-me' });
    const hidden = await create({ description: 'hidden-me' });
    const list = async (query: string) => (await call('GET', `/incalls?${query}`, 'admin1')).json();
    assert.deepEqual(ids(await list('search=search-me')), [search.id]);
    assert.deepEqual(ids(await list('description=hidden-me')), [hidden.id]);
    const number = await extension('5551234');
    const put = await call('PUT', `/incalls/${search.id}/extensions/${number.id}`, 'admin1');
    assert.equal(put.statusCode, 204, put.body);
    assert.deepEqual(ids(await list('search=551234')), [search.id]);
    assert.deepEqual(ids(await list('exten=5551234')), [search.id]);
    const routed = await create({ destination: { type: 'user', user_id: user.id } });
    const byUser = await list(`user_id=${user.id}`);
    assert.ok(ids(byUser).includes(routed.id) && !ids(byUser).includes(hidden.id));
    assert.ok(
      byUser.items.every(
        (item: { destination: { user_id: number } }) => item.destination.user_id === user.id,
      ),
    );
    // Sorted by number by default: an incall with one comes before those without.
    assert.equal((await list('')).items[0].id, search.id);
    await create({ description: 'sort1' });
    await create({ description: 'sort2' });
    const descriptions = (page: { items: { description: string }[] }) => page.items.map((i) => i.description);
    assert.deepEqual(descriptions(await list('search=sort&order=description')), ['sort1', 'sort2']);
    assert.deepEqual(descriptions(await list('search=sort&order=description&direction=desc')), [
      'sort2',
      'sort1',
    ]);
    const page = await list('search=sort&order=description&limit=1&offset=1');
    assert.deepEqual([page.total, descriptions(page)], [2, ['sort2']]);
    assert.deepEqual((await call('GET', '/incalls?user_id=abc', 'admin1')).json(), [
      "Input Error - user_id: ['Not a valid integer.']",
    ]);
    assert.deepEqual((await call('GET', '/incalls?order=id', 'admin1')).json(), [
      "Input Error - order: column 'id' was not found",
    ]);
  });

  it('when tenants list theirs, then each sees its own, recurse adds the sub-tenants', async () => {
    const main = await create({ description: 'main tenant' });
    const sub = await create({ description: 'sub tenant' }, 'admin1', child1);
    assert.ok((await ids((await call('GET', '/incalls', 'admin1')).json())).includes(main.id));
    assert.ok(!ids((await call('GET', '/incalls', 'admin1')).json()).includes(sub.id));
    const inChild = ids((await call('GET', '/incalls', 'admin1', undefined, child1)).json());
    assert.ok(inChild.includes(sub.id) && !inChild.includes(main.id));
    assert.ok(ids((await call('GET', '/incalls?recurse=true', 'admin1')).json()).includes(sub.id));
    const other = (await call('GET', '/incalls', 'admin2')).json();
    assert.ok(other.items.every((item: { tenant_uuid: string }) => item.tenant_uuid === tenant2));
    assert.equal((await call('PUT', `/incalls/${sub.id}`, 'admin1', {})).statusCode, 204);
    const hidden = await call('PUT', `/incalls/${main.id}`, 'admin1', {}, child1);
    assert.deepEqual(hidden.json(), [`Resource Not Found - Incall was not found ('id': ${main.id})`]);
  });

  it('when another tenant reads, edits or deletes one, then 404 and nothing changes', async () => {
    const created = await create({ description: 'private' });
    const message = [`Resource Not Found - Incall was not found ('id': ${created.id})`];
    const before = await outboxNames(database);
    assert.deepEqual((await call('GET', `/incalls/${created.id}`, 'admin2')).json(), message);
    assert.deepEqual(
      (await call('PUT', `/incalls/${created.id}`, 'admin2', { description: 'x' })).json(),
      message,
    );
    assert.deepEqual((await call('DELETE', `/incalls/${created.id}`, 'admin2')).json(), message);
    assert.deepEqual((await call('GET', '/incalls/999999', 'admin1')).json(), [
      "Resource Not Found - Incall was not found ('id': 999999)",
    ]);
    assert.equal((await call('GET', '/incalls/abc', 'admin1')).statusCode, 404);
    assert.deepEqual(await outboxNames(database), before);
    assert.equal((await call('GET', `/incalls/${created.id}`, 'admin1')).json().description, 'private');
  });

  it('when deleted, then 404 afterwards, its extension is free again and incall_deleted', async () => {
    const created = await create({ destination: { type: 'group', group_id: group.id } });
    const number = await extension('5551500');
    await call('PUT', `/incalls/${created.id}/extensions/${number.id}`, 'admin1');
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/incalls/${created.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', `/incalls/${created.id}`, 'admin1')).statusCode, 404);
    assert.deepEqual(
      (await sentSince(database, from)).map((event) => [event.name, event.routing_key, event.data]),
      [['incall_deleted', 'config.incalls.deleted', { id: created.id }]],
    );
    const again = await create();
    assert.equal(
      (await call('PUT', `/incalls/${again.id}/extensions/${number.id}`, 'admin1')).statusCode,
      204,
    );
  });

  it('when the token lacks the ACL, then 401', async () => {
    assert.equal((await call('GET', '/incalls', 'reader')).statusCode, 200);
    assert.equal(
      (await call('POST', '/incalls', 'reader', { destination: { type: 'none' } })).statusCode,
      401,
    );
  });
});
