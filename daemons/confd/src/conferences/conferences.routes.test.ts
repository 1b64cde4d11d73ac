/**
 * wazo-confd's test_conferences and test_conference_extension checklists on a real PostgreSQL:
 * minimal body and Wazo's defaults, every field, field errors changing nothing, search (also by
 * the extension's exten), sort and paging, tenants and `recurse`, events; the extension's rules
 * (conference ranges, internal context, one each way, one tenant), the extension showing its
 * conference and kept while held; a conference as a destination and a function key, both gone
 * with it.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { contextsPlugin } from '../contexts/index.js';
import { extensionsPlugin } from '../extensions/index.js';
import { userFallbacksPlugin } from '../fallbacks/index.js';
import { userFuncKeysPlugin } from '../funckeys/index.js';
import { groupExtensionsPlugin, groupsPlugin } from '../groups/index.js';
import { caller, lastOutboxId, outboxNames, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/index.js';
import { conferenceExtensionsPlugin, conferencesPlugin } from './conferences.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant1 = randomUUID();
const child1 = randomUUID();
const tenant2 = randomUUID();
const ext: Record<string, number> = {};

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_conferences' });
  api = await buildTestApi(database, [
    answerLinksPlugin,
    conferencesPlugin,
    conferenceExtensionsPlugin,
    contextsPlugin,
    extensionsPlugin,
    groupsPlugin,
    groupExtensionsPlugin,
    usersPlugin,
    userFallbacksPlugin,
    userFuncKeysPlugin,
  ]);
  call = caller(api);
  api.addSubtenant(tenant1, child1);
  api.verifier.add({ token: 'admin1', acl: ['confd.#'], metadata: { tenant_uuid: tenant1 } });
  api.verifier.add({ token: 'admin2', acl: ['confd.#'], metadata: { tenant_uuid: tenant2 } });
  api.verifier.add({ token: 'reader', acl: ['confd.conferences.read'], metadata: { tenant_uuid: tenant1 } });
  for (const tenant of [tenant1, child1, tenant2]) await api.resources.services.tenants.ensure(tenant);
  const ranges = {
    conference_room_ranges: [{ start: '4000', end: '4099' }],
    user_ranges: [{ start: '1000' }],
  };
  const ctx = (await call('POST', '/contexts', 'admin1', { label: 'internal', ...ranges })).json().name;
  const otherCtx = (await call('POST', '/contexts', 'admin2', { label: 'internal', ...ranges })).json().name;
  const incall = (await call('POST', '/contexts', 'admin1', { label: 'in', type: 'incall' })).json().name;
  for (const [name, exten, context, token] of [
    ['room', '4001', ctx, 'admin1'],
    ['second', '4002', ctx, 'admin1'],
    ['pattern', '_40XX', ctx, 'admin1'],
    ['outside', '1000', ctx, 'admin1'],
    ['incall', '4003', incall, 'admin1'],
    ['foreign', '4001', otherCtx, 'admin2'],
  ] as const) {
    const res = await call('POST', '/extensions', token, { exten, context });
    assert.equal(res.statusCode, 201, res.body);
    ext[name] = res.json().id;
  }
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

const create = async (body: object = {}, token = 'admin1', tenant?: string) => {
  const res = await call('POST', '/conferences', token, body, tenant);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};
const read = async (id: number) => (await call('GET', `/conferences/${id}`, 'admin1')).json();
const names = (list: { items: { name: string }[] }) => list.items.map((item) => item.name);
const link = (id: number) => `/conferences/${id}/extensions`;

describe('conferences', () => {
  it('when created with no field, then Wazo defaults, a Location and conference_created', async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/conferences', 'admin1', {});
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.deepEqual(created, {
      id: created.id,
      tenant_uuid: tenant1,
      name: null,
      preprocess_subroutine: null,
      max_users: 50,
      record: false,
      pin: null,
      admin_pin: null,
      quiet_join_leave: false,
      announce_join_leave: false,
      announce_user_count: false,
      announce_only_user: true,
      music_on_hold: null,
      extensions: [],
      incalls: [],
      links: [{ rel: 'conferences', href: `http://localhost:80/1.1/conferences/${created.id}` }],
    });
    assert.equal(res.headers.location, `http://localhost:80/1.1/conferences/${created.id}`);
    const [event] = await sentSince(database, from);
    assert.deepEqual(
      [event?.name, event?.routing_key, event?.data, event?.headers.tenant_uuid],
      ['conference_created', 'config.conferences.created', { id: created.id }, tenant1],
    );
    assert.deepEqual(await read(created.id), created);
  });

  it('when created or edited with every field, then each is kept', async () => {
    const all = {
      name: 'MyConference',
      preprocess_subroutine: 'subroutine',
      max_users: 150,
      record: true,
      pin: '7654',
      admin_pin: '1234',
      quiet_join_leave: true,
      announce_join_leave: true,
      announce_user_count: true,
      announce_only_user: false,
      music_on_hold: 'music',
    };
    const created = await create(all);
    assert.deepEqual(
      { ...created, id: 0, links: [] },
      { ...all, id: 0, links: [], tenant_uuid: tenant1, extensions: [], incalls: [] },
    );
    const other = await create({ name: 'other' });
    assert.equal((await call('PUT', `/conferences/${other.id}`, 'admin1', all)).statusCode, 204);
    assert.deepEqual({ ...(await read(other.id)), id: 0, links: [] }, { ...created, id: 0, links: [] });
    const from = await lastOutboxId(database);
    assert.equal((await call('PUT', `/conferences/${other.id}`, 'admin1', {})).statusCode, 204);
    assert.equal(
      (await call('PUT', `/conferences/${other.id}`, 'admin1', { pin: null, name: null })).statusCode,
      204,
    );
    assert.deepEqual(
      [(await read(other.id)).pin, (await read(other.id)).name, (await read(other.id)).max_users],
      [null, null, 150],
    );
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.routing_key, e.data]),
      [
        ['conference_edited', 'config.conferences.edited', { id: other.id }],
        ['conference_edited', 'config.conferences.edited', { id: other.id }],
      ],
    );
  });

  it("when a field is wrong, then Wazo's words and nothing is written", async () => {
    const before = await rowCount(database, 'conference');
    const cases: [object, string][] = [
      [{ name: true }, "Input Error - name: ['Not a valid string.']"],
      [{ name: 'x'.repeat(129) }, "Input Error - name: ['Longer than maximum length 128.']"],
      [{ name: [] }, "Input Error - name: ['Not a valid string.']"],
      [{ preprocess_subroutine: 123 }, "Input Error - preprocess_subroutine: ['Not a valid string.']"],
      [
        { preprocess_subroutine: 'x'.repeat(80) },
        "Input Error - preprocess_subroutine: ['Longer than maximum length 79.']",
      ],
      [
        { music_on_hold: 'x'.repeat(129) },
        "Input Error - music_on_hold: ['Longer than maximum length 128.']",
      ],
      [{ max_users: -1 }, "Input Error - max_users: ['Must be greater than or equal to 0.']"],
      [{ max_users: 'ten' }, "Input Error - max_users: ['Not a valid integer.']"],
      [{ record: null }, "Input Error - record: ['Field may not be null.']"],
      [{ announce_only_user: 'invalid' }, "Input Error - announce_only_user: ['Not a valid boolean.']"],
      [{ quiet_join_leave: {} }, "Input Error - quiet_join_leave: ['Not a valid boolean.']"],
      [{ pin: 'invalid' }, "Input Error - pin: ['Invalid input.']"],
      [{ pin: '' }, "Input Error - pin: ['Invalid input.']"],
      [{ admin_pin: 'x1' }, "Input Error - admin_pin: ['Invalid input.']"],
      [{ admin_pin: [] }, "Input Error - admin_pin: ['Not a valid string.']"],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', '/conferences', 'admin1', body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(res.json(), [message], JSON.stringify(body));
    }
    assert.equal((await call('POST', '/conferences', 'admin1')).statusCode, 400);
    const created = await create({ name: 'put errors', pin: '1' });
    const events = await outboxNames(database);
    for (const [body, message] of cases) {
      const res = await call('PUT', `/conferences/${created.id}`, 'admin1', body);
      assert.deepEqual(res.json(), [message], `PUT ${JSON.stringify(body)}`);
    }
    assert.equal((await call('PUT', `/conferences/${created.id}`, 'admin1')).statusCode, 400);
    assert.deepEqual(await outboxNames(database), events);
    assert.equal((await read(created.id)).pin, '1');
    assert.equal(await rowCount(database, 'conference'), before + 1);
  });

  it('when listed, then searched, filtered, sorted and paged', async () => {
    await create({ name: 'search', preprocess_subroutine: 'search' });
    await create({ name: 'hidden', preprocess_subroutine: 'hidden' });
    const list = async (query: string) => (await call('GET', `/conferences?${query}`, 'admin1')).json();
    assert.deepEqual(names(await list('search=search')), ['search']);
    assert.deepEqual(names(await list('preprocess_subroutine=hidden')), ['hidden']);
    assert.deepEqual(names(await list('name=search')), ['search']);
    await create({ name: 'sort1' });
    await create({ name: 'sort2' });
    assert.deepEqual(names(await list('search=sort')), ['sort1', 'sort2']);
    assert.deepEqual(names(await list('search=sort&direction=desc')), ['sort2', 'sort1']);
    const page = await list('search=sort&limit=1&offset=1');
    assert.deepEqual([page.total, names(page)], [2, ['sort2']]);
    assert.deepEqual((await call('GET', '/conferences?order=record', 'admin1')).json(), [
      "Input Error - order: column 'record' was not found",
    ]);
    assert.equal((await call('GET', '/conferences?id=abc', 'admin1')).statusCode, 400);
  });

  it('when tenants list, read, edit or delete, then each its own, recurse adds sub-tenants, others 404', async () => {
    const main = await create({ name: 'main tenant' });
    const sub = await create({ name: 'sub tenant' }, 'admin1', child1);
    assert.equal(sub.tenant_uuid, child1);
    const ids = async (query: string, tenant?: string) =>
      (await call('GET', `/conferences?${query}`, 'admin1', undefined, tenant))
        .json()
        .items.map((i: { id: number }) => i.id);
    assert.ok((await ids('')).includes(main.id) && !(await ids('')).includes(sub.id));
    assert.deepEqual(await ids('', child1), [sub.id]);
    assert.ok((await ids('recurse=true')).includes(sub.id));
    assert.equal((await call('GET', `/conferences/${sub.id}`, 'admin1')).json().name, 'sub tenant');
    const message = [`Resource Not Found - Conference was not found ('id': ${main.id})`];
    const events = await outboxNames(database);
    assert.deepEqual(
      (await call('GET', `/conferences/${main.id}`, 'admin1', undefined, child1)).json(),
      message,
    );
    assert.deepEqual((await call('PUT', `/conferences/${main.id}`, 'admin2', { name: 'x' })).json(), message);
    assert.deepEqual((await call('DELETE', `/conferences/${main.id}`, 'admin2')).json(), message);
    assert.deepEqual((await call('GET', '/conferences/999999', 'admin1')).json(), [
      "Resource Not Found - Conference was not found ('id': 999999)",
    ]);
    assert.equal((await call('GET', '/conferences/abc', 'admin1')).statusCode, 404);
    assert.deepEqual(await outboxNames(database), events);
    assert.equal((await call('DELETE', `/conferences/${sub.id}`, 'admin1')).statusCode, 204);
  });

  it('when deleted, then 404 afterwards and conference_deleted', async () => {
    const created = await create({ name: 'doomed' });
    const from = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/conferences/${created.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', `/conferences/${created.id}`, 'admin1')).statusCode, 404);
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.routing_key, e.data, e.headers.tenant_uuid]),
      [['conference_deleted', 'config.conferences.deleted', { id: created.id }, tenant1]],
    );
  });

  it('when the token lacks the ACL, then 401', async () => {
    assert.equal((await call('GET', '/conferences', 'reader')).statusCode, 200);
    assert.equal((await call('POST', '/conferences', 'reader', {})).statusCode, 401);
  });
});

describe('conference extensions', () => {
  it('when associated, then both sides show it, found by exten, once with one event; dissociated likewise', async () => {
    const conference = await create({ name: 'room' });
    const from = await lastOutboxId(database);
    assert.equal((await call('PUT', `${link(conference.id)}/${ext.room}`, 'admin1')).statusCode, 204);
    assert.equal((await call('PUT', `${link(conference.id)}/${ext.room}`, 'admin1')).statusCode, 204);
    const sent = await sentSince(database, from);
    assert.deepEqual(
      sent.map((e) => [e.name, e.routing_key, e.data, e.headers.tenant_uuid]),
      [
        [
          'conference_extension_associated',
          'config.conferences.extensions.updated',
          { conference_id: conference.id, extension_id: ext.room },
          tenant1,
        ],
      ],
    );
    const shown = (await read(conference.id)).extensions;
    assert.deepEqual(
      shown.map((e: { id: number; exten: string }) => [e.id, e.exten]),
      [[ext.room, '4001']],
    );
    assert.deepEqual(Object.keys(shown[0]).sort(), ['context', 'exten', 'id', 'links']);
    const extension = (await call('GET', `/extensions/${ext.room}`, 'admin1')).json();
    assert.deepEqual(extension.conference, {
      id: conference.id,
      name: 'room',
      links: [{ rel: 'conferences', href: `http://localhost:80/1.1/conferences/${conference.id}` }],
    });
    const byExten = (await call('GET', '/conferences?exten=4001', 'admin1')).json();
    assert.deepEqual(
      byExten.items.map((c: { id: number }) => c.id),
      [conference.id],
    );
    assert.equal((await call('GET', '/conferences?search=4001', 'admin1')).json().total, 1);

    assert.deepEqual((await call('DELETE', `/extensions/${ext.room}`, 'admin1')).json(), [
      `Resource Error - Extension is associated with a conference ('extension_id': ${ext.room}, 'associated_id': ${conference.id})`,
    ]);
    const edited = await call('PUT', `/extensions/${ext.room}`, 'admin1', { exten: '1500' });
    assert.deepEqual(edited.json(), [
      `Input Error - Extension '1500' is outside of range for context '${extension.context}'`,
    ]);

    const back = await lastOutboxId(database);
    assert.equal((await call('DELETE', `${link(conference.id)}/${ext.room}`, 'admin1')).statusCode, 204);
    assert.equal((await call('DELETE', `${link(conference.id)}/${ext.room}`, 'admin1')).statusCode, 204);
    assert.deepEqual(
      (await sentSince(database, back)).map((e) => [e.name, e.routing_key, e.data]),
      [
        [
          'conference_extension_dissociated',
          'config.conferences.extensions.deleted',
          { conference_id: conference.id, extension_id: ext.room },
        ],
      ],
    );
    assert.deepEqual((await read(conference.id)).extensions, []);
    assert.equal((await call('GET', `/extensions/${ext.room}`, 'admin1')).json().conference, null);
  });

  it("when the extension or the conference is not free, out of range or elsewhere, then Wazo's refusals", async () => {
    const first = await create({ name: 'first' });
    const second = await create({ name: 'second' });
    const group = (await call('POST', '/groups', 'admin1', { label: 'sales' })).json();
    await call('PUT', `${link(first.id)}/${ext.room}`, 'admin1');
    const events = await outboxNames(database);
    const refused = async (id: number, extension: number) =>
      (await call('PUT', `${link(id)}/${extension}`, 'admin1')).json();
    assert.deepEqual(await refused(first.id, ext.second!), [
      `Resource Error - Conference is associated with a Extension ('conference_id': ${first.id}, 'extension_id': ${ext.room})`,
    ]);
    assert.deepEqual((await call('PUT', `/groups/${group.id}/extensions/${ext.room}`, 'admin1')).json(), [
      `Resource Error - Extension is associated with a conference ('extension_id': ${ext.room}, 'associated_id': ${first.id})`,
    ]);
    assert.deepEqual(await refused(second.id, ext.room!), [
      `Resource Error - Conference is associated with a Extension ('conference_id': ${first.id}, 'extension_id': ${ext.room})`,
    ]);
    assert.match(
      (await refused(second.id, ext.outside!))[0],
      /^Input Error - Extension '1000' is outside of range for context/,
    );
    assert.match(
      (await refused(second.id, ext.incall!))[0],
      /^Resource Error - ContextType 'incall' cannot be associated/,
    );
    assert.match(
      (await refused(second.id, ext.foreign!))[0],
      /^Resource Not Found - Extension was not found/,
    );
    assert.deepEqual(await outboxNames(database), events);
    assert.equal(
      (await call('PUT', `${link(second.id)}/${ext.pattern}`, 'admin1')).statusCode,
      204,
      'a pattern passes',
    );
    assert.deepEqual((await call('PUT', `${link(999999)}/${ext.second}`, 'admin1')).json(), [
      "Resource Not Found - Conference was not found ('id': 999999)",
    ]);
    assert.equal((await call('PUT', `${link(first.id)}/abc`, 'admin1')).statusCode, 404);
    const sub = await create({ name: 'sub' }, 'admin1', child1);
    assert.match(
      (await refused(sub.id, ext.second!))[0],
      new RegExp(
        `^Resource Error - different tenants \\('extension_tenant_uuid': '${tenant1}', 'conference_tenant_uuid': '${child1}'\\)`,
      ),
    );
    assert.equal(
      (await call('PUT', `${link(first.id)}/${ext.second}`, 'admin1', undefined, child1)).statusCode,
      404,
    );
    assert.equal((await call('DELETE', `/conferences/${first.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', `/extensions/${ext.room}`, 'admin1')).json().conference, null, 'freed');
    await call('DELETE', `/conferences/${second.id}`, 'admin1');
  });
});

describe('conferences as destinations and function keys', () => {
  it('when a fallback or a key points at one, then named and checked; when it goes, they go', async () => {
    const conference = await create({ name: 'dest' });
    const user = (await call('POST', '/users', 'admin1', { firstname: 'Ann' })).json();
    const destination = { type: 'conference', conference_id: conference.id };
    const fallbacks = `/users/${user.uuid}/fallbacks`;
    assert.equal((await call('PUT', fallbacks, 'admin1', { busy_destination: destination })).statusCode, 204);
    assert.deepEqual((await call('GET', fallbacks, 'admin1')).json().busy_destination, {
      ...destination,
      conference_name: 'dest',
    });
    const foreign = await create({ name: 'foreign' }, 'admin2');
    const refused = await call('PUT', fallbacks, 'admin1', {
      busy_destination: { ...destination, conference_id: foreign.id },
    });
    assert.deepEqual(refused.json(), [
      `Input Error - field 'actionarg1': Conference was not found ('actionarg1': ${foreign.id})`,
    ]);
    const key = `/users/${user.id}/funckeys/1`;
    assert.equal((await call('PUT', key, 'admin1', { destination })).statusCode, 204);
    assert.deepEqual(
      (
        await call('PUT', key, 'admin1', { destination: { ...destination, conference_id: foreign.id } })
      ).json(),
      [`Input Error - field 'conference_id': Conference was not found ('conference_id': ${foreign.id})`],
    );
    assert.equal((await call('DELETE', `/conferences/${conference.id}`, 'admin1')).statusCode, 204);
    assert.equal((await call('GET', fallbacks, 'admin1')).json().busy_destination, null);
    assert.equal((await call('GET', key, 'admin1')).statusCode, 404);
  });
});
