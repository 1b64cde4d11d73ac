/**
 * The rooms routes on a real PostgreSQL: Wazo's fields, the same room for the same users, the
 * events to each participant, tenants kept apart, messages bounded, lists paged and searched.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { type RoomsHarness, startRoomsHarness } from '../testing/rooms-harness.js';

const ROOMS = '/1.0/users/me/rooms';

describe('rooms', () => {
  let h: RoomsHarness;
  let tenant: string;
  before(async () => {
    h = await startRoomsHarness({ rooms: { message_max_length: 20 } });
  });
  after(() => h.close());
  beforeEach(async () => {
    tenant = await h.seedTenant();
    await h.clearEvents();
  });

  const createRoom = (token: string, payload: object) => h.as(token, { method: 'POST', url: ROOMS, payload });
  const send = (token: string, room: string, payload: object) =>
    h.as(token, { method: 'POST', url: `${ROOMS}/${room}/messages`, payload });

  it('when alice creates a room with bob, then she is added, each gets chatd_user_room_created, and the same pair gets the same room', async () => {
    const alice = await h.seedUser(tenant);
    const bob = await h.seedUser(tenant);
    const res = await createRoom(alice.token, { name: 'lunch', users: [{ uuid: bob.uuid }] });
    assert.equal(res.statusCode, 201, res.body);
    const room = res.json();
    assert.equal(room.name, 'lunch');
    assert.equal(room.tenant_uuid, tenant);
    assert.deepEqual(room.users.map((u: { uuid: string }) => u.uuid).sort(), [alice.uuid, bob.uuid].sort());
    for (const user of room.users) {
      assert.equal(user.tenant_uuid, tenant);
      assert.equal(user.identity, null);
      assert.match(user.wazo_uuid, /^[0-9a-f-]{36}$/);
    }
    const events = await h.events();
    assert.deepEqual(events.map((e) => e.routingKey).sort(), [
      ...[alice.uuid, bob.uuid].map((u) => `chatd.users.${u}.rooms.created`).sort(),
    ]);
    for (const event of events) {
      assert.equal(event.name, 'chatd_user_room_created');
      assert.deepEqual(event.data, room);
      const users = Object.keys(event.headers).filter((k) => k.startsWith('user_uuid:'));
      assert.equal(users.length, 1);
      assert.equal(event.headers.tenant_uuid, tenant);
    }
    await h.clearEvents();
    const again = await createRoom(bob.token, { users: [{ uuid: alice.uuid }, { uuid: bob.uuid }] });
    assert.equal(again.statusCode, 201);
    assert.equal(again.json().uuid, room.uuid);
    assert.deepEqual(await h.events(), []);
    const trio = await createRoom(alice.token, {
      users: [{ uuid: bob.uuid }, { uuid: (await h.seedUser(tenant)).uuid }],
    });
    assert.notEqual(trio.json().uuid, room.uuid, 'a superset is another room');
  });

  it('when the participants are wrong, then 400 and no room: duplicates, alone, another tenant, unknown', async () => {
    const alice = await h.seedUser(tenant);
    const bob = await h.seedUser(tenant);
    const other = await h.seedTenant();
    const stranger = await h.seedUser(other);
    const duplicate = await createRoom(alice.token, { users: [{ uuid: bob.uuid }, { uuid: bob.uuid }] });
    assert.equal(duplicate.statusCode, 400);
    assert.equal(duplicate.json().error_id, 'duplicate-user');
    const alone = await createRoom(alice.token, { users: [] });
    assert.equal(alone.statusCode, 400);
    assert.ok(alone.json().details.users);
    const foreign = await createRoom(alice.token, { users: [{ uuid: stranger.uuid }] });
    assert.equal(foreign.statusCode, 400, foreign.body);
    assert.deepEqual(foreign.json().details.users, { unknown: [stranger.uuid] });
    const claimed = await createRoom(alice.token, { users: [{ uuid: bob.uuid, tenant_uuid: other }] });
    assert.equal(claimed.statusCode, 400);
    assert.deepEqual(claimed.json().details.users, { foreign: [bob.uuid] });
    const unknown = await createRoom(alice.token, { users: [{ uuid: randomUUID() }] });
    assert.equal(unknown.statusCode, 400);
    const notUuid = await createRoom(alice.token, { users: [{ uuid: 'bob' }] });
    assert.equal(notUuid.statusCode, 400);
    assert.equal(
      (await h.db.selectFrom('chatd_room').selectAll().where('tenant_uuid', '=', tenant).execute()).length,
      0,
    );
    assert.deepEqual(await h.events(), []);
  });

  it('when listing rooms, then mine only, narrowed to those holding every user_uuid given', async () => {
    const [alice, bob, carol] = [
      await h.seedUser(tenant),
      await h.seedUser(tenant),
      await h.seedUser(tenant),
    ];
    const ab = (await createRoom(alice.token, { users: [{ uuid: bob.uuid }] })).json();
    const abc = (await createRoom(alice.token, { users: [{ uuid: bob.uuid }, { uuid: carol.uuid }] })).json();
    await createRoom(bob.token, { users: [{ uuid: carol.uuid }] });
    const mine = (await h.as(alice.token, { url: ROOMS })).json();
    assert.equal(mine.total, 2);
    assert.equal(mine.filtered, 2);
    assert.deepEqual(mine.items.map((r: { uuid: string }) => r.uuid).sort(), [ab.uuid, abc.uuid].sort());
    const withCarol = (await h.as(alice.token, { url: `${ROOMS}?user_uuid=${carol.uuid}` })).json();
    assert.deepEqual(
      withCarol.items.map((r: { uuid: string }) => r.uuid),
      [abc.uuid],
    );
    const stranger = await h.seedUser(await h.seedTenant());
    assert.equal((await h.as(stranger.token, { url: ROOMS })).json().total, 0);
  });

  it('when a member sends, then 201 with Wazo fields and every member gets chatd_user_room_message_created', async () => {
    const alice = await h.seedUser(tenant);
    const bob = await h.seedUser(tenant);
    const room = (await createRoom(alice.token, { users: [{ uuid: bob.uuid }] })).json();
    await h.clearEvents();
    const res = await send(bob.token, room.uuid, { content: 'hello', alias: 'Bob' });
    assert.equal(res.statusCode, 201, res.body);
    const message = res.json();
    assert.equal(message.content, 'hello');
    assert.equal(message.alias, 'Bob');
    assert.equal(message.user_uuid, bob.uuid);
    assert.equal(message.tenant_uuid, tenant);
    assert.deepEqual(message.room, { uuid: room.uuid });
    assert.deepEqual(message.delivery, { type: 'internal', backend: null, recipients: [] });
    assert.match(message.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    const events = await h.events();
    assert.deepEqual(events.map((e) => e.routingKey).sort(), [
      ...[alice.uuid, bob.uuid].map((u) => `chatd.users.${u}.rooms.${room.uuid}.messages.created`).sort(),
    ]);
    for (const event of events) {
      assert.equal(event.name, 'chatd_user_room_message_created');
      assert.equal(event.headers.room_uuid, room.uuid);
      assert.deepEqual(event.data, message);
    }
  });

  it('when the message is too long, the alias too, or the room not mine, then refused and nothing stored', async () => {
    const alice = await h.seedUser(tenant);
    const bob = await h.seedUser(tenant);
    const carol = await h.seedUser(tenant);
    const stranger = await h.seedUser(await h.seedTenant());
    const room = (await createRoom(alice.token, { users: [{ uuid: bob.uuid }] })).json();
    await h.clearEvents();
    const long = await send(alice.token, room.uuid, { content: 'x'.repeat(21) });
    assert.equal(long.statusCode, 400);
    assert.ok(long.json().details.content, long.body);
    assert.equal((await send(alice.token, room.uuid, { content: 'x'.repeat(20) })).statusCode, 201);
    const alias = await send(alice.token, room.uuid, { content: 'hi', alias: 'a'.repeat(257) });
    assert.equal(alias.statusCode, 400);
    assert.equal((await send(alice.token, room.uuid, {})).statusCode, 400);
    for (const [who, status] of [
      [carol, 404],
      [stranger, 404],
    ] as const) {
      const res = await send(who.token, room.uuid, { content: 'intrusion' });
      assert.equal(res.statusCode, status);
      assert.equal(res.json().error_id, 'unknown-room');
      const read = await h.as(who.token, { url: `${ROOMS}/${room.uuid}/messages` });
      assert.equal(read.statusCode, 404);
    }
    assert.equal((await send(alice.token, 'not-a-room', { content: 'x' })).statusCode, 404);
    const stored = await h.db
      .selectFrom('chatd_room_message')
      .select('content')
      .where('room_uuid', '=', room.uuid)
      .execute();
    assert.deepEqual(
      stored.map((m) => m.content),
      ['x'.repeat(20)],
    );
    assert.equal((await h.events()).length, 2);
  });

  it('when reading a room, then newest first by default, paged, from a date, searched without accents', async () => {
    const alice = await h.seedUser(tenant);
    const bob = await h.seedUser(tenant);
    const room = (await createRoom(alice.token, { users: [{ uuid: bob.uuid }] })).json();
    const sent = [];
    for (const content of ['un café', 'deux', 'trois cafés', 'quatre'])
      sent.push((await send(alice.token, room.uuid, { content })).json());
    const url = `${ROOMS}/${room.uuid}/messages`;
    const all = (await h.as(bob.token, { url })).json();
    assert.equal(all.total, 4);
    assert.deepEqual(
      all.items.map((m: { content: string }) => m.content),
      ['quatre', 'trois cafés', 'deux', 'un café'],
    );
    const page = (await h.as(bob.token, { url: `${url}?direction=asc&limit=2&offset=1` })).json();
    assert.deepEqual(
      page.items.map((m: { content: string }) => m.content),
      ['deux', 'trois cafés'],
    );
    assert.equal(page.filtered, 4);
    const from = encodeURIComponent(sent[2].created_at);
    const recent = (await h.as(bob.token, { url: `${url}?from_date=${from}` })).json();
    assert.deepEqual(
      recent.items.map((m: { content: string }) => m.content),
      ['quatre', 'trois cafés'],
    );
    assert.equal(recent.total, 4);
    const search = (await h.as(bob.token, { url: `${url}?search=CAFE` })).json();
    assert.deepEqual(
      search.items.map((m: { content: string }) => m.content),
      ['trois cafés', 'un café'],
    );
    assert.equal(search.filtered, 2);
    assert.equal((await h.as(bob.token, { url: `${url}?search=100%25` })).json().filtered, 0);
    assert.equal((await h.as(bob.token, { url: `${url}?direction=sideways` })).statusCode, 400);
  });

  it('when searching all my rooms, then search or distinct is required, and distinct gives the latest of each room', async () => {
    const alice = await h.seedUser(tenant);
    const bob = await h.seedUser(tenant);
    const carol = await h.seedUser(tenant);
    const ab = (await createRoom(alice.token, { users: [{ uuid: bob.uuid }] })).json();
    const ac = (await createRoom(alice.token, { users: [{ uuid: carol.uuid }] })).json();
    const bc = (await createRoom(bob.token, { users: [{ uuid: carol.uuid }] })).json();
    await send(alice.token, ab.uuid, { content: 'meeting at noon' });
    await send(bob.token, ab.uuid, { content: 'ok' });
    await send(carol.token, ac.uuid, { content: 'the meeting moved' });
    await send(bob.token, bc.uuid, { content: 'meeting? secret' });
    const url = `${ROOMS}/messages`;
    const missing = await h.as(alice.token, { url });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(missing.json().details, { _schema: ['Missing search or distinct'] });
    const found = (await h.as(alice.token, { url: `${url}?search=meeting` })).json();
    assert.deepEqual(
      found.items.map((m: { content: string }) => m.content),
      ['the meeting moved', 'meeting at noon'],
    );
    assert.equal(found.filtered, 2);
    assert.equal(found.total, 3);
    const latest = (await h.as(alice.token, { url: `${url}?distinct=room_uuid` })).json();
    assert.deepEqual(
      latest.items.map((m: { content: string }) => m.content),
      ['the meeting moved', 'ok'],
    );
    assert.deepEqual(
      latest.items.map((m: { room: { uuid: string } }) => m.room.uuid),
      [ac.uuid, ab.uuid],
    );
  });

  it('when the token lacks the ACL, then 401 and nothing done', async () => {
    const alice = await h.seedUser(tenant, ['chatd.users.me.rooms.read']);
    const bob = await h.seedUser(tenant);
    const res = await createRoom(alice.token, { users: [{ uuid: bob.uuid }] });
    assert.equal(res.statusCode, 401);
    assert.equal((await h.as(alice.token, { url: ROOMS })).statusCode, 200);
    assert.equal((await h.as('nope', { url: ROOMS })).statusCode, 401);
  });
});
