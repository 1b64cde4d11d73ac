import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chatdUserRoomCreated, chatdUserRoomMessageCreated, eventCatalogue } from './index.js';

const T = 'tenant-1';
const U = 'user-1';
const R = 'room-1';

describe('chatd room events', () => {
  it('when listed, then the catalogue holds both by Wazo name', () => {
    for (const name of ['chatd_user_room_created', 'chatd_user_room_message_created'])
      assert.equal(eventCatalogue.get(name)?.name, name);
  });

  it('when a room is announced to a participant, then the key and headers name that user alone', () => {
    const room = { uuid: R, tenant_uuid: T, name: null, users: [] };
    const event = chatdUserRoomCreated.build(room, { tenantUuid: T, userUuid: U });
    assert.equal(event.routingKey, `chatd.users.${U}.rooms.created`);
    assert.equal(event.requiredAcl, `events.chatd.users.${U}.rooms.created`);
    assert.deepEqual(event.headers, {
      tenant_uuid: T,
      name: 'chatd_user_room_created',
      [`user_uuid:${U}`]: true,
    });
  });

  it('when a message is announced, then its room is a header and a key part, as wazo-bus', () => {
    const message = {
      uuid: 'm',
      content: 'hi',
      alias: null,
      user_uuid: U,
      tenant_uuid: T,
      wazo_uuid: 'w',
      created_at: '2026-01-01T00:00:00+00:00',
      room: { uuid: R },
      delivery: { type: 'internal', backend: null, recipients: [] },
    };
    const event = chatdUserRoomMessageCreated.build(message, { tenantUuid: T, userUuid: U });
    assert.equal(event.routingKey, `chatd.users.${U}.rooms.${R}.messages.created`);
    assert.equal(event.requiredAcl, `events.chatd.users.${U}.rooms.${R}.messages.created`);
    assert.equal(event.headers.room_uuid, R);
    assert.equal(event.headers[`user_uuid:${U}`], true);
  });
});
