/**
 * wazo-confd's test_meeting_authorization on a real PostgreSQL: a guest asks without token
 * (accepted at once unless the meeting requires authorizations, 128 at most), reads its answer;
 * the owners list, search, sort, read, accept, reject and delete; the tenant-wide and per-owner
 * events; a meeting no longer requiring authorizations accepts the pending ones; the purge.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '@wazo-ts/dao';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { answerLinksPlugin } from '../common/answer-links.js';
import { caller, lastOutboxId, rowCount, sentSince } from '../testing/route-calls.js';
import { buildTestApi, fixedServiceToken, type TestApi } from '../testing/test-app.js';
import { ingressHttpPlugin } from './ingress-http.routes.js';
import { meetingAuthorizationsPlugin } from './meeting-authorizations.routes.js';
import { meetingsPlugin } from './meetings.routes.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant = randomUUID();
let me: string;

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_meeting_auth' });
  api = await buildTestApi(
    database,
    [answerLinksPlugin, ingressHttpPlugin, meetingsPlugin, meetingAuthorizationsPlugin],
    {
      serviceToken: fixedServiceToken('confd', tenant),
    },
  );
  call = caller(api);
  await api.resources.services.tenants.ensureWithSipTemplates(tenant);
  me = (await api.resources.services.users.create(scopeOf(tenant), tenant, { firstname: 'Me' })).uuid;
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: tenant } });
  api.verifier.add({ token: 'me', acl: ['confd.users.me.#'], metadata: { tenant_uuid: tenant, uuid: me } });
  await call('POST', '/ingresses/http', 'admin', { uri: 'https://example.com' });
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

type Meeting = { uuid: string; tenant_uuid: string; guest_sip_authorization: string | null };
type Authorization = Record<string, unknown> & { uuid: string; status: string };

const myMeeting = async (body: object = {}): Promise<Meeting> =>
  (await call('POST', '/users/me/meetings', 'me', { name: 'mine', ...body })).json();
const otherMeeting = async (body: object = {}): Promise<Meeting> =>
  (await call('POST', '/meetings', 'admin', { name: 'other', ...body })).json();
const anonymous = (method: 'GET' | 'POST', url: string, payload?: object) =>
  api.app.inject({ method, url: `/1.1${url}`, ...(payload ? { payload } : {}) });
const ask = async (guest: string, meeting: string, guestName = 'jane doe'): Promise<Authorization> => {
  const res = await anonymous('POST', `/guests/${guest}/meetings/${meeting}/authorizations`, {
    guest_name: guestName,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
};
const guestGet = (guest: string, meeting: string, uuid: string) =>
  anonymous('GET', `/guests/${guest}/meetings/${meeting}/authorizations/${uuid}`);

describe('meeting authorizations', () => {
  it('when a guest asks without token, then 201 with the authorization, its events, and errors as Wazo', async () => {
    const meeting = await myMeeting();
    const guest = randomUUID();
    const url = `/guests/${guest}/meetings/${meeting.uuid}/authorizations`;
    assert.equal((await anonymous('POST', url, {})).statusCode, 400);
    assert.equal((await anonymous('POST', url, { guest_name: '' })).statusCode, 400);
    assert.equal((await anonymous('POST', url, { guest_name: 'a'.repeat(129) })).statusCode, 400);
    const invalid = await anonymous('POST', `/guests/invalid/meetings/${meeting.uuid}/authorizations`, {
      guest_name: 'x',
    });
    assert.equal(invalid.statusCode, 400);
    assert.deepEqual(invalid.json(), ["Input Error - guest_uuid: ['Not a valid UUID.']"]);
    const unknown = randomUUID();
    const missing = await anonymous('POST', `/guests/${guest}/meetings/${unknown}/authorizations`, {
      guest_name: 'x',
    });
    assert.equal(missing.statusCode, 404);
    assert.deepEqual(missing.json(), [`Resource Not Found - Meeting was not found ('uuid': '${unknown}')`]);
    assert.equal(await rowCount(database, 'meeting_authorization'), 0);

    const from = await lastOutboxId(database);
    const res = await anonymous('POST', url, { guest_name: 'jane doe' });
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.match(String(res.headers.location), new RegExp(`${url}/${created.uuid}$`));
    assert.match(created.creation_time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    assert.deepEqual(created, {
      uuid: created.uuid,
      meeting_uuid: meeting.uuid,
      guest_uuid: guest,
      guest_name: 'jane doe',
      status: 'accepted',
      guest_sip_authorization: meeting.guest_sip_authorization,
      creation_time: created.creation_time,
    });
    const { guest_sip_authorization: _, ...payload } = created;
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.routing_key, e.headers.tenant_uuid, e.headers.meeting_uuid]),
      [
        [
          'meeting_guest_authorization_created',
          'config.meeting_guest_authorizations.created',
          tenant,
          meeting.uuid,
        ],
        [
          'meeting_user_guest_authorization_created',
          `config.users.${me}.meeting_guest_authorizations.created`,
          tenant,
          meeting.uuid,
        ],
      ],
    );
    assert.deepEqual(events[0]?.data, payload);
    assert.deepEqual(events[1]?.data, { ...payload, user_uuid: me });
    assert.equal(events[1]?.headers[`user_uuid:${me}`], true);
    assert.equal(events[0]?.headers['user_uuid:*'], true);
    assert.equal(events[1]?.headers.required_acl, `events.users.${me}.meeting_guest_authorizations.created`);
  });

  it('when a meeting has 128 authorizations, then another is refused', async () => {
    const meeting = await otherMeeting();
    const guest = randomUUID();
    await database.pool.query(
      `INSERT INTO meeting_authorization (guest_uuid, meeting_uuid, guest_name, status)
       SELECT $1, $2, 'g' || n, 'accepted' FROM generate_series(1, 128) AS n`,
      [guest, meeting.uuid],
    );
    const res = await anonymous('POST', `/guests/${guest}/meetings/${meeting.uuid}/authorizations`, {
      guest_name: 'x',
    });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json(), ['Resource Error - Quota for Meeting Authorization exceeded. Maximum: 128']);
  });

  it('when a guest reads its authorization, then only its own of that meeting; pending while required', async () => {
    const meeting = await otherMeeting();
    const another = await otherMeeting();
    const required = await otherMeeting({ require_authorization: true });
    const guest = randomUUID();
    const anotherGuest = randomUUID();
    const mine = await ask(guest, meeting.uuid);
    const theirs = await ask(anotherGuest, another.uuid);
    const pending = await ask(guest, required.uuid);
    const unknown = randomUUID();
    assert.equal((await guestGet('invalid', meeting.uuid, mine.uuid)).statusCode, 400);
    for (const [g, m, a] of [
      [unknown, meeting.uuid, mine.uuid],
      [guest, 'invalid', mine.uuid],
      [guest, unknown, mine.uuid],
      [guest, meeting.uuid, 'invalid'],
      [guest, meeting.uuid, unknown],
      [guest, another.uuid, theirs.uuid],
      [anotherGuest, meeting.uuid, theirs.uuid],
      [anotherGuest, another.uuid, mine.uuid],
      [anotherGuest, meeting.uuid, mine.uuid],
    ] as const) {
      assert.equal((await guestGet(g, m, a)).statusCode, 404, `${g} ${m} ${a}`);
    }
    assert.equal((await guestGet(guest, meeting.uuid, mine.uuid)).json().status, 'accepted');
    const waiting = (await guestGet(guest, required.uuid, pending.uuid)).json();
    assert.deepEqual([waiting.status, waiting.guest_sip_authorization], ['pending', null]);
  });

  it('when the owner lists, then search, filters, order, offset and limit; not its meeting: 404', async () => {
    const meeting = await myMeeting();
    const another = await otherMeeting();
    const found = await ask(randomUUID(), meeting.uuid, 'found sort1');
    const hidden = await ask(randomUUID(), meeting.uuid, 'hidden sort2');
    const names = async (query: string, prefix = '/users/me') => {
      const res = await call('GET', `${prefix}/meetings/${meeting.uuid}/authorizations${query}`, 'me');
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items.map((a: Authorization) => a.guest_name);
    };
    assert.deepEqual(await names(''), ['found sort1', 'hidden sort2']);
    assert.deepEqual(await names('', '/user/me'), ['found sort1', 'hidden sort2']);
    assert.deepEqual(await names('?search=found'), ['found sort1']);
    assert.deepEqual(await names('?guest_name=hidden sort2'), ['hidden sort2']);
    assert.deepEqual(await names('?order=guest_name&direction=desc'), ['hidden sort2', 'found sort1']);
    assert.deepEqual(await names('?offset=1'), ['hidden sort2']);
    assert.deepEqual(await names('?limit=1'), ['found sort1']);
    const list = (
      await call('GET', `/users/me/meetings/${meeting.uuid}/authorizations?search=found`, 'me')
    ).json();
    assert.deepEqual(list, { total: 1, items: [found] });
    for (const uuid of [randomUUID(), another.uuid]) {
      const res = await call('GET', `/users/me/meetings/${uuid}/authorizations`, 'me');
      assert.equal(res.statusCode, 404);
    }
    assert.ok(hidden.uuid);
  });

  it('when the owner reads, accepts, rejects and deletes, then the status changes with its events; not its own: 404', async () => {
    const meeting = await myMeeting({ require_authorization: true });
    const another = await otherMeeting();
    const guest = randomUUID();
    const first = await ask(guest, meeting.uuid);
    const second = await ask(guest, meeting.uuid);
    const theirs = await ask(randomUUID(), another.uuid);
    assert.deepEqual([first.status, first.guest_sip_authorization], ['pending', null]);
    const item = (m: string, a: string, suffix = '') =>
      `/users/me/meetings/${m}/authorizations/${a}${suffix}`;
    const unknown = randomUUID();
    for (const suffix of ['', '/accept', '/reject']) {
      const method = suffix ? 'PUT' : 'GET';
      for (const [m, a] of [
        ['invalid', first.uuid],
        [unknown, first.uuid],
        [another.uuid, theirs.uuid],
        [meeting.uuid, 'invalid'],
        [meeting.uuid, unknown],
      ] as const)
        assert.equal((await call(method, item(m, a, suffix), 'me')).statusCode, 404, `${method} ${m} ${a}`);
    }
    assert.deepEqual((await call('GET', item(meeting.uuid, first.uuid), 'me')).json(), first);

    const from = await lastOutboxId(database);
    const accepted = await call('PUT', item(meeting.uuid, first.uuid, '/accept'), 'me');
    assert.equal(accepted.statusCode, 200);
    assert.equal(accepted.json().status, 'accepted');
    const rejected = await call(
      'PUT',
      `/user/me/meetings/${meeting.uuid}/authorizations/${second.uuid}/reject`,
      'me',
    );
    assert.equal(rejected.json().status, 'rejected');
    const events = await sentSince(database, from);
    assert.deepEqual(
      events.map((e) => [e.name, e.data.uuid, e.data.status, e.headers.meeting_uuid]),
      [
        ['meeting_guest_authorization_updated', first.uuid, 'accepted', meeting.uuid],
        ['meeting_user_guest_authorization_updated', first.uuid, 'accepted', meeting.uuid],
        ['meeting_guest_authorization_updated', second.uuid, 'rejected', meeting.uuid],
        ['meeting_user_guest_authorization_updated', second.uuid, 'rejected', meeting.uuid],
      ],
    );
    // The accepted guest now sees the meeting's SIP credentials; the rejected one does not.
    const meetingSip = (await call('GET', `/meetings/${meeting.uuid}?`, 'admin')).json();
    assert.equal(meetingSip.guest_sip_authorization, null);
    const seen = (await guestGet(guest, meeting.uuid, first.uuid)).json();
    assert.match(seen.guest_sip_authorization, /^[A-Za-z0-9+/=]+$/);
    const refused = (await guestGet(guest, meeting.uuid, second.uuid)).json();
    assert.deepEqual([refused.status, refused.guest_sip_authorization], ['rejected', null]);

    const deleting = await lastOutboxId(database);
    assert.equal((await call('DELETE', item(meeting.uuid, first.uuid), 'me')).statusCode, 204);
    assert.equal((await call('DELETE', item(meeting.uuid, first.uuid), 'me')).statusCode, 404);
    assert.equal((await call('DELETE', item(another.uuid, theirs.uuid), 'me')).statusCode, 404);
    assert.deepEqual(
      (await sentSince(database, deleting)).map((e) => [e.name, e.data.uuid, e.headers[`user_uuid:${me}`]]),
      [
        ['meeting_guest_authorization_deleted', first.uuid, undefined],
        ['meeting_user_guest_authorization_deleted', first.uuid, true],
      ],
    );
    assert.equal((await call('GET', `/users/me/meetings/${meeting.uuid}`, 'me')).statusCode, 200);
  });

  it('when the meeting stops requiring authorizations, then pending ones are accepted, rejected ones stay', async () => {
    const meeting = await myMeeting({ require_authorization: true });
    const guest = randomUUID();
    const pending = await ask(guest, meeting.uuid);
    const rejected = await ask(guest, meeting.uuid);
    await call('PUT', `/users/me/meetings/${meeting.uuid}/authorizations/${rejected.uuid}/reject`, 'me');
    assert.equal(
      (await call('PUT', `/meetings/${meeting.uuid}`, 'admin', { require_authorization: false })).statusCode,
      204,
    );
    assert.equal((await guestGet(guest, meeting.uuid, pending.uuid)).json().status, 'accepted');
    assert.equal((await guestGet(guest, meeting.uuid, rejected.uuid)).json().status, 'rejected');
  });

  it('when a meeting is deleted, then its authorizations go with it', async () => {
    const meeting = await otherMeeting();
    await ask(randomUUID(), meeting.uuid);
    await call('DELETE', `/meetings/${meeting.uuid}`, 'admin');
    const { rows } = await database.pool.query(
      'SELECT 1 FROM meeting_authorization WHERE meeting_uuid = $1',
      [meeting.uuid],
    );
    assert.equal(rows.length, 0);
  });

  it('when the purge runs, then authorizations older than a day go, with their events', async () => {
    const meeting = await myMeeting({ persistent: true });
    const old = await ask(randomUUID(), meeting.uuid);
    const young = await ask(randomUUID(), meeting.uuid);
    await database.pool.query(
      "UPDATE meeting_authorization SET created_at = now() - interval '25 hours' WHERE uuid = $1",
      [old.uuid],
    );
    const from = await lastOutboxId(database);
    await api.resources.services.meetings.purgeExpired(new Date(), { masterTenantUuid: tenant });
    const url = (a: string) => `/users/me/meetings/${meeting.uuid}/authorizations/${a}`;
    assert.equal((await call('GET', url(old.uuid), 'me')).statusCode, 404);
    assert.equal((await call('GET', url(young.uuid), 'me')).statusCode, 200);
    assert.deepEqual(
      (await sentSince(database, from)).map((e) => [e.name, e.data.uuid]),
      [
        ['meeting_guest_authorization_deleted', old.uuid],
        ['meeting_user_guest_authorization_deleted', old.uuid],
      ],
    );
  });

  it('when the token is not a user or lacks the ACL, then 400 or 401', async () => {
    const meeting = await myMeeting();
    const res = await call('GET', `/users/me/meetings/${meeting.uuid}/authorizations`, 'admin');
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json(), ["Input Error - field 'user_uuid': meeting_authorizations was not found"]);
    const anonymousList = await anonymous('GET', `/users/me/meetings/${meeting.uuid}/authorizations`);
    assert.equal(anonymousList.statusCode, 401);
  });
});
