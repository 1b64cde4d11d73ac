/**
 * wazo-confd's test_meeting on a real PostgreSQL: minimal and full bodies with Wazo's defaults,
 * the guest SIP endpoint (from the tenant's meeting_guest template, deleted with the meeting),
 * `exten` from the meetingjoin feature extension, the ingress URI (the tenant's, else the master
 * tenant's, none: 503), owners, `/users/me/meetings` and the guest's read, search and sort,
 * 404 across tenants, edit and delete, the events, and the purge of expired meetings.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { endpointSipPlugin } from '../endpoints/index.js';
import { caller, lastOutboxId, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, fixedServiceToken, type TestApi } from '../testing/test-app.js';
import { ingressHttpPlugin } from './ingress-http.routes.js';
import { meetingsPlugin } from './meetings.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const master = randomUUID();
const sub = randomUUID();
const other = randomUUID();
let me: string;
let owner: string;
let stranger: string;

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_meetings' });
  api = await buildTestApi(
    database,
    [answerLinksPlugin, endpointSipPlugin, ingressHttpPlugin, meetingsPlugin],
    {
      serviceToken: fixedServiceToken('confd', master),
    },
  );
  call = caller(api);
  api.addSubtenant(master, sub);
  const { tenants, users } = api.resources.services;
  for (const tenant of [master, sub, other]) await tenants.ensureWithSipTemplates(tenant);
  me = (await users.create(scopeOf(master), master, { firstname: 'Me' })).uuid;
  owner = (await users.create(scopeOf(master), master, { firstname: 'Owner' })).uuid;
  stranger = (await users.create(scopeOf(other), other, { firstname: 'Stranger' })).uuid;
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: master } });
  api.verifier.add({ token: 'sub', acl: ['confd.#'], metadata: { tenant_uuid: sub } });
  api.verifier.add({ token: 'other', acl: ['confd.#'], metadata: { tenant_uuid: other } });
  api.verifier.add({ token: 'me', acl: ['confd.users.me.#'], metadata: { tenant_uuid: master, uuid: me } });
  api.verifier.add({
    token: 'owner',
    acl: ['confd.users.me.#'],
    metadata: { tenant_uuid: master, uuid: owner },
  });
  await call('POST', '/ingresses/http', 'admin', { uri: 'https://main.example.com:10443' });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

type Meeting = Record<string, unknown> & { uuid: string; owner_uuids: string[] };

const create = async (body: object, token = 'admin', path = '/meetings'): Promise<Meeting> => {
  const res = await call('POST', path, token, body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};
const get = async (uuid: string, token = 'admin') => call('GET', `/meetings/${uuid}`, token);
const endpointOf = async (uuid: string) =>
  (await call('GET', `/endpoints/sip?name=wazo-meeting-${uuid}-guest`, 'admin')).json().items;

describe('meetings', () => {
  it("when created with a name only, then Wazo's defaults, its exten, the ingress URI and its guest SIP endpoint", async () => {
    const from = await lastOutboxId(database);
    const res = await call('POST', '/meetings', 'admin', { name: 'minimal' });
    assert.equal(res.statusCode, 201, res.body);
    const meeting = res.json();
    assert.match(String(res.headers.location), new RegExp(`/1\\.1/meetings/${meeting.uuid}$`));
    const [endpoint] = await endpointOf(meeting.uuid);
    const auth = Object.fromEntries(endpoint.auth_section_options);
    assert.equal(auth.username, `wazo-meeting-${meeting.uuid}-guest`);
    assert.match(auth.password, /^[a-z]{16}$/);
    assert.deepEqual(endpoint.endpoint_section_options, [['context', 'wazo-meeting-guest']]);
    assert.equal(endpoint.label, 'External meeting guest minimal');
    const guestTemplate = (await call('GET', `/endpoints/sip/templates?search=meeting_guest`, 'admin')).json()
      .items[0];
    assert.deepEqual(endpoint.templates, [{ uuid: guestTemplate.uuid, label: 'meeting_guest' }]);
    const sipAuthorization = Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
    assert.match(meeting.exten, /^\*41\d{6}$/);
    assert.match(meeting.creation_time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    assert.deepEqual(meeting, {
      uuid: meeting.uuid,
      tenant_uuid: master,
      name: 'minimal',
      owner_uuids: [],
      ingress_http_uri: 'https://main.example.com:10443',
      guest_sip_authorization: sipAuthorization,
      persistent: false,
      require_authorization: false,
      creation_time: meeting.creation_time,
      exten: meeting.exten,
      links: [{ rel: 'meetings', href: `http://localhost:80/1.1/meetings/${meeting.uuid}` }],
    });
    assert.deepEqual((await get(meeting.uuid)).json(), meeting);

    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => e.name),
      ['sip_endpoint_created', 'meeting_created', 'meeting_progress'],
    );
    const created = events[1]!;
    assert.equal(created.routing_key, 'config.meetings.created');
    assert.deepEqual(created.data, {
      uuid: meeting.uuid,
      name: 'minimal',
      owner_uuids: [],
      ingress_http_uri: 'https://main.example.com:10443',
      guest_sip_authorization: sipAuthorization,
    });
    assert.deepEqual(
      [created.headers.tenant_uuid, created.headers.meeting_uuid, created.headers['user_uuid:*']],
      [master, meeting.uuid, true],
    );
    assert.deepEqual(events[2]!.data, { ...created.data, status: 'ready' });

    const deleted = await lastOutboxId(database);
    assert.equal((await call('DELETE', `/meetings/${meeting.uuid}`, 'admin')).statusCode, 204);
    assert.equal((await get(meeting.uuid)).statusCode, 404);
    assert.deepEqual(await endpointOf(meeting.uuid), []);
    const [gone] = await sentSince(database, deleted);
    assert.deepEqual(
      [gone?.name, gone?.routing_key, gone?.headers.meeting_uuid],
      ['meeting_deleted', 'config.meetings.deleted', meeting.uuid],
    );
  });

  it('when created with every field, then each is kept; owners get their progress event', async () => {
    const from = await lastOutboxId(database);
    const body = {
      name: 'allparameter',
      owner_uuids: [owner],
      persistent: true,
      require_authorization: true,
    };
    const meeting = await create(body);
    assert.deepEqual(
      [meeting.name, meeting.owner_uuids, meeting.persistent, meeting.require_authorization],
      ['allparameter', [owner], true, true],
    );
    // An authorization is required: the guests' SIP credentials are not shown.
    assert.equal(meeting.guest_sip_authorization, null);
    const progress = (await sentSince(database, from)).find((e) => e.name === 'meeting_user_progress');
    assert.deepEqual(
      [
        progress?.routing_key,
        progress?.headers[`user_uuid:${owner}`],
        progress?.data.user_uuid,
        progress?.data.status,
      ],
      [`config.users.${owner}.meetings.progress`, true, owner, 'ready'],
    );

    const mine = await create(body, 'me', '/users/me/meetings');
    assert.deepEqual(mine.owner_uuids, [owner, me]);
    assert.equal(mine.persistent, true);
  });

  it('when a field is wrong or an owner unknown, then 400 or 404 and nothing is written', async () => {
    const before = await rowCount(database, 'meeting');
    const endpoints = await rowCount(database, 'endpoint_sip');
    const bad: object[] = [
      {},
      { name: 123 },
      { name: null },
      { name: true },
      { name: {} },
      { name: [] },
      { name: 'a'.repeat(513) },
      ...[null, 42, 'invalid', [], {}].map((persistent) => ({ name: 'x', persistent })),
      { name: 'x', owner_uuids: ['not-a-uuid'] },
    ];
    for (const body of bad) {
      for (const path of ['/meetings', '/users/me/meetings']) {
        const res = await call('POST', path, path === '/meetings' ? 'admin' : 'me', body);
        assert.equal(res.statusCode, 400, `${path} ${JSON.stringify(body)}`);
      }
    }
    const unknown = randomUUID();
    const res = await call('POST', '/meetings', 'admin', { name: 'x', owner_uuids: [unknown] });
    assert.equal(res.statusCode, 404);
    assert.deepEqual(res.json(), [`Resource Not Found - User was not found ('uuid': '${unknown}')`]);
    // A user of another tenant is no owner here.
    assert.equal(
      (await call('POST', '/meetings', 'admin', { name: 'x', owner_uuids: [stranger] })).statusCode,
      404,
    );
    assert.equal(await rowCount(database, 'meeting'), before);
    assert.equal(await rowCount(database, 'endpoint_sip'), endpoints);
  });

  it("when neither the tenant nor the master tenant has an ingress, then 503; the master tenant's is the fallback", async () => {
    // The sub-tenant has none of its own: the master tenant's is shown.
    const child = await create({ name: 'child' }, 'sub');
    assert.equal(child.ingress_http_uri, 'https://main.example.com:10443');
    const [ingress] = (await call('GET', '/ingresses/http', 'admin')).json().items;
    const before = await rowCount(database, 'meeting');
    await call('DELETE', `/ingresses/http/${ingress.uuid}`, 'admin');
    try {
      const res = await call('POST', '/meetings', 'sub', { name: 'error' });
      assert.equal(res.statusCode, 503);
      assert.deepEqual(res.json(), ['no Ingress HTTP configured']);
      assert.equal((await get(child.uuid, 'sub')).statusCode, 503);
      assert.equal(await rowCount(database, 'meeting'), before);
    } finally {
      await call('POST', '/ingresses/http', 'admin', { uri: 'https://main.example.com:10443' });
    }
    await call('POST', '/ingresses/http', 'sub', { uri: 'http://sub' });
    assert.equal((await get(child.uuid, 'sub')).json().ingress_http_uri, 'http://sub');
  });

  it('when the tenant has no meeting_guest template, then 503 and nothing is written', async () => {
    const before = await rowCount(database, 'meeting');
    await database.pool.query(
      'UPDATE tenant SET meeting_guest_sip_template_uuid = NULL WHERE uuid = $1 RETURNING meeting_guest_sip_template_uuid',
      [other],
    );
    await call('POST', '/ingresses/http', 'other', { uri: 'http://other' });
    const res = await call('POST', '/meetings', 'other', { name: 'testing' });
    assert.equal(res.statusCode, 503);
    assert.deepEqual(res.json(), [`Could not find SIP template for meeting guests in tenant ${other}`]);
    assert.equal(await rowCount(database, 'meeting'), before);
  });

  it('when meetingjoin is disabled, then exten is null', async () => {
    await database.pool.query("UPDATE feature_extension SET enabled = false WHERE feature = 'meetingjoin'");
    try {
      assert.equal((await create({ name: 'no exten' })).exten, null);
    } finally {
      await database.pool.query("UPDATE feature_extension SET enabled = true WHERE feature = 'meetingjoin'");
    }
  });

  it('when listed, then per tenant or recursive, searched, filtered, sorted and paged', async () => {
    const search = await create({ name: 'search', persistent: true, require_authorization: true });
    const hidden = await create({ name: 'hidden', persistent: false, require_authorization: false });
    const names = async (query: string, token = 'admin') =>
      (await call('GET', `/meetings${query}`, token)).json().items.map((m: Meeting) => m.name);
    assert.deepEqual(await names('?search=sear'), ['search']);
    assert.deepEqual(await names('?name=hidden'), ['hidden']);
    assert.ok((await names('?persistent=true')).includes('search'));
    assert.ok(!(await names('?persistent=true')).includes('hidden'));
    assert.ok((await names('?require_authorization=false')).includes('hidden'));
    assert.ok(!(await names('?require_authorization=false')).includes('search'));
    const both = '?search=e&order=name';
    const all = await names(both);
    assert.deepEqual(await names(`${both}&direction=desc`), [...all].reverse());
    assert.deepEqual(await names(`${both}&offset=1`), all.slice(1));
    assert.deepEqual(await names(`${both}&limit=1`), all.slice(0, 1));
    assert.ok(!(await names('')).includes('child'));
    assert.ok((await names('?recurse=true')).includes('child'));
    assert.deepEqual(await names('', 'sub'), ['child']);
    const list = (await call('GET', '/meetings?name=search', 'admin')).json();
    assert.deepEqual(list, { total: 1, items: [search] });
    assert.ok(hidden.uuid);
  });

  it("when another tenant's meeting is read, edited or deleted, then 404; a parent reaches its sub-tenant's", async () => {
    const main = await create({ name: 'main' });
    const [child] = (await call('GET', '/meetings?name=child', 'sub')).json().items;
    const notFound = [`Resource Not Found - Meeting was not found ('uuid': '${main.uuid}')`];
    for (const [method, body] of [['GET'], ['PUT', {}], ['DELETE']] as const) {
      const res = await call(method, `/meetings/${main.uuid}`, 'sub', body);
      assert.equal(res.statusCode, 404);
      assert.deepEqual(res.json(), notFound);
    }
    assert.equal((await get('not-a-uuid')).statusCode, 404);
    assert.equal((await call('PUT', `/meetings/${child.uuid}`, 'admin', {})).statusCode, 204);
  });

  it('when edited, then the given fields change, owners become the given ones, creation_time stays', async () => {
    const meeting = await create({ name: 'edit', owner_uuids: [owner] });
    const from = await lastOutboxId(database);
    const body = { name: 'editallparameter', owner_uuids: [me], require_authorization: true };
    const put = await call('PUT', `/meetings/${meeting.uuid}`, 'admin', {
      ...body,
      creation_time: '2021-12-06T18:55:58+00:00',
    });
    assert.equal(put.statusCode, 204, put.body);
    const edited = (await get(meeting.uuid)).json();
    assert.deepEqual(
      [edited.name, edited.owner_uuids, edited.require_authorization, edited.creation_time, edited.exten],
      ['editallparameter', [me], true, meeting.creation_time, meeting.exten],
    );
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => e.name),
      ['meeting_updated', 'meeting_progress', 'meeting_user_progress'],
    );
    assert.deepEqual(
      [events[0]?.routing_key, events[0]?.headers.meeting_uuid],
      ['config.meetings.updated', meeting.uuid],
    );

    // Wazo's PUT without owner_uuids leaves the meeting without owner.
    assert.equal((await call('PUT', `/meetings/${meeting.uuid}`, 'admin', {})).statusCode, 204);
    assert.deepEqual((await get(meeting.uuid)).json().owner_uuids, []);
    for (const bad of [{ name: null }, { name: 'a'.repeat(513) }, { persistent: 'invalid' }]) {
      assert.equal((await call('PUT', `/meetings/${meeting.uuid}`, 'admin', bad)).statusCode, 400);
    }
    assert.equal((await get(meeting.uuid)).json().name, 'editallparameter');
  });

  it('when a user lists, reads, edits and deletes its meetings, then only its own are listed, edited and deleted', async () => {
    const fresh = (await api.resources.services.users.create(scopeOf(master), master, { firstname: 'Fresh' }))
      .uuid;
    api.verifier.add({
      token: 'fresh',
      acl: ['confd.users.me.#'],
      metadata: { tenant_uuid: master, uuid: fresh },
    });
    const other = await create({ name: 'ignored' });
    const mine1 = await create({ name: 'mine 1' }, 'fresh', '/users/me/meetings');
    const mine2 = await create({ name: 'mine 2' }, 'fresh', '/users/me/meetings');
    assert.deepEqual(mine1.owner_uuids, [fresh]);
    const list = (await call('GET', '/users/me/meetings', 'fresh')).json();
    assert.equal(list.total, 2);
    assert.deepEqual(
      list.items.map((m: Meeting) => m.uuid),
      [mine1.uuid, mine2.uuid],
    );
    // Any meeting of the tenant can be read, by a user or a guest without token.
    assert.equal((await call('GET', `/users/me/meetings/${other.uuid}`, 'fresh')).json().uuid, other.uuid);
    const guest = await api.app.inject({ method: 'GET', url: `/1.1/guests/me/meetings/${other.uuid}` });
    assert.equal(guest.statusCode, 200);
    assert.deepEqual(guest.json(), (await get(other.uuid)).json());
    const unknown = await api.app.inject({ method: 'GET', url: `/1.1/guests/me/meetings/${randomUUID()}` });
    assert.equal(unknown.statusCode, 404);

    const put = await call('PUT', `/users/me/meetings/${mine1.uuid}`, 'fresh', {
      name: 'renamed',
      owner_uuids: [me],
    });
    assert.equal(put.statusCode, 204);
    assert.deepEqual((await get(mine1.uuid)).json().owner_uuids, [me, fresh]);
    const notMine = await call('PUT', `/users/me/meetings/${other.uuid}`, 'fresh', { name: 'x' });
    assert.equal(notMine.statusCode, 404);
    assert.deepEqual(notMine.json(), [
      `Resource Not Found - Meeting was not found ('uuid': '${other.uuid}')`,
    ]);
    assert.equal((await call('DELETE', `/users/me/meetings/${other.uuid}`, 'fresh')).statusCode, 404);
    assert.equal((await call('DELETE', `/users/me/meetings/${mine2.uuid}`, 'fresh')).statusCode, 204);
    assert.equal((await get(mine2.uuid)).statusCode, 404);
    assert.equal((await get(other.uuid)).statusCode, 200);

    // A token of no user has no meetings of its own.
    const res = await call('GET', '/users/me/meetings', 'admin');
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json(), ["Input Error - field 'user_uuid': meetings was not found"]);
  });

  it('when a user is deleted, then it is no longer an owner', async () => {
    const { users } = api.resources.services;
    const gone = await users.create(scopeOf(master), master, { firstname: 'Gone' });
    const meeting = await create({ name: 'owned', owner_uuids: [gone.uuid, owner] });
    await users.delete(scopeOf(master), gone.uuid);
    assert.deepEqual((await get(meeting.uuid)).json().owner_uuids, [owner]);
  });

  it('when the purge runs, then meetings not persistent older than a day go, with their event', async () => {
    const old = await create({ name: 'too old' });
    const young = await create({ name: 'too young' });
    const kept = await create({ name: 'persistent', persistent: true });
    await database.pool.query(
      "UPDATE meeting SET created_at = now() - interval '25 hours' WHERE uuid = ANY($1)",
      [[old.uuid, kept.uuid]],
    );
    const from = await lastOutboxId(database);
    const purged = await api.resources.services.meetings.purgeExpired(new Date(), {
      masterTenantUuid: master,
    });
    assert.deepEqual(purged, { meetings: 1, authorizations: 0 });
    assert.equal((await get(old.uuid)).statusCode, 404);
    assert.equal((await get(young.uuid)).statusCode, 200);
    assert.equal((await get(kept.uuid)).statusCode, 200);
    assert.deepEqual(await endpointOf(old.uuid), []);
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.data.uuid]),
      [['meeting_deleted', old.uuid]],
    );
  });

  it('when the token lacks the ACL, then 401; the guest route needs no token', async () => {
    assert.equal((await call('GET', '/meetings', 'me')).statusCode, 401);
    assert.equal((await call('POST', '/meetings', 'me', { name: 'x' })).statusCode, 401);
    assert.equal((await api.app.inject({ method: 'GET', url: '/1.1/meetings' })).statusCode, 401);
  });
});
