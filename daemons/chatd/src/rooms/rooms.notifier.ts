/**
 * The rooms' events, one per participant as Wazo sends them (so websocketd hands each to that
 * user alone); queued in the unit of work, published after commit.
 */
import { chatdUserRoomCreated, chatdUserRoomMessageCreated } from '@wazo-ts/bus';
import type { EventSink } from '@wazo-ts/db';
import type { MessageRow, RoomRow } from './rooms.dao.js';
import type { Message, Room } from './rooms.schema.js';

export const roomBody = (room: RoomRow): Room => ({
  uuid: room.uuid,
  tenant_uuid: room.tenant_uuid,
  name: room.name,
  users: room.users,
});

export const messageBody = (message: MessageRow): Message => ({
  uuid: message.uuid,
  content: message.content,
  alias: message.alias,
  user_uuid: message.user_uuid,
  tenant_uuid: message.tenant_uuid,
  wazo_uuid: message.wazo_uuid,
  created_at: message.created_at,
  room: { uuid: message.room_uuid },
  // No connector here: every message is internal (Wazo's dump of a message without delivery).
  delivery: { type: 'internal', backend: null, recipients: [] },
});

export function roomCreated(events: EventSink, room: RoomRow): void {
  const body = roomBody(room);
  for (const user of room.users)
    events.add(chatdUserRoomCreated.build(body, { tenantUuid: room.tenant_uuid, userUuid: user.uuid }));
}

/** To every participant without an external identity, the sender included. */
export function messageCreated(events: EventSink, room: RoomRow, message: MessageRow): void {
  const body = messageBody(message);
  for (const user of room.users.filter((u) => u.identity === null))
    events.add(
      chatdUserRoomMessageCreated.build(body, { tenantUuid: room.tenant_uuid, userUuid: user.uuid }),
    );
}
