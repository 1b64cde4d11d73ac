/**
 * wazo-chatd's room events: one per participant (wazo-bus UserEvents), so websocketd hands each
 * to that user alone. A message's room is a wazo-bus event attribute: a header and a key part.
 */
import { defineEvent } from './define.js';

export interface ChatdRoomUserPayload {
  uuid: string;
  tenant_uuid: string;
  wazo_uuid: string;
  identity: string | null;
}

export interface ChatdRoomPayload {
  uuid: string;
  tenant_uuid: string;
  name: string | null;
  users: ChatdRoomUserPayload[];
}

export interface ChatdMessageDeliveryPayload {
  type: string;
  backend: string | null;
  recipients: { identity: string; status: string; updated_at: string }[];
}

export interface ChatdRoomMessagePayload {
  uuid: string;
  content: string;
  alias: string | null;
  user_uuid: string;
  tenant_uuid: string;
  wazo_uuid: string;
  created_at: string;
  room: { uuid: string };
  delivery: ChatdMessageDeliveryPayload;
}

export const chatdUserRoomCreated = defineEvent<ChatdRoomPayload>()({
  name: 'chatd_user_room_created',
  routingKey: 'chatd.users.{user_uuid}.rooms.created',
  scope: 'user',
  service: 'chatd',
});

export const chatdUserRoomMessageCreated = defineEvent<ChatdRoomMessagePayload>()({
  name: 'chatd_user_room_message_created',
  routingKey: 'chatd.users.{user_uuid}.rooms.{room_uuid}.messages.created',
  scope: 'user',
  service: 'chatd',
  attributes: (data) => ({ room_uuid: data.room.uuid }),
});
