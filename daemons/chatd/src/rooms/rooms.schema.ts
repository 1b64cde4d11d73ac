/**
 * Rooms and messages as Wazo's API shows them (wazo-chatd's RoomSchema and MessageSchema), and
 * the requests that list them. One declaration: validation, serialization, OpenAPI and types.
 */
import { Nullable, type Static, StringEnum, Type } from '@wazo-ts/daemon/schema';

const Uuid = (description?: string) =>
  Type.String({ format: 'uuid', ...(description ? { description } : {}) });

export const RoomUser = Type.Object({
  uuid: Uuid('The participant (a user of the room’s tenant).'),
  tenant_uuid: Uuid('The room’s tenant (another one is refused).'),
  wazo_uuid: Uuid('The platform of the participant; this one by default.'),
  identity: Nullable(Type.String({ minLength: 1 }), {
    description: 'An external address; always null here.',
  }),
});
export type RoomUser = Static<typeof RoomUser>;

export const Room = Type.Object({
  uuid: Uuid(),
  tenant_uuid: Uuid(),
  name: Nullable(Type.String()),
  users: Type.Array(RoomUser),
});
export type Room = Static<typeof Room>;

export const RoomCreateBody = Type.Object({
  name: Type.Optional(Nullable(Type.String())),
  users: Type.Optional(
    Type.Array(
      Type.Object({
        uuid: Uuid(),
        tenant_uuid: Type.Optional(Uuid()),
        wazo_uuid: Type.Optional(Uuid()),
        identity: Type.Optional(Nullable(Type.String({ minLength: 1 }))),
      }),
      { description: 'The participants; the caller is added when absent. 2 to 100 in all.' },
    ),
  ),
});
export type RoomCreateBody = Static<typeof RoomCreateBody>;

export const RoomListQuery = Type.Object({
  user_uuid: Type.Optional(
    Type.String({ description: 'Comma-separated user uuids: rooms holding all of them (and the caller).' }),
  ),
});

const Delivery = Type.Object({
  type: Type.String(),
  backend: Nullable(Type.String()),
  recipients: Type.Array(
    Type.Object({ identity: Type.String(), status: Type.String(), updated_at: Type.String() }),
  ),
});

export const Message = Type.Object({
  uuid: Uuid(),
  content: Type.String(),
  alias: Nullable(Type.String({ maxLength: 256 })),
  user_uuid: Uuid('The sender.'),
  tenant_uuid: Uuid(),
  wazo_uuid: Uuid(),
  created_at: Type.String({ format: 'date-time' }),
  room: Type.Object({ uuid: Uuid() }),
  delivery: Delivery,
});
export type Message = Static<typeof Message>;

/** `maxLength` is the configured bound (rooms.message_max_length). */
export function messageCreateBody(maxLength: number) {
  return Type.Object({
    content: Type.String({ maxLength, description: `The text, at most ${maxLength} characters.` }),
    alias: Type.Optional(Nullable(Type.String({ maxLength: 256 }))),
    sender_identity_uuid: Type.Optional(
      Nullable(Uuid('An external identity of the sender; no connector here, so ignored.')),
    ),
  });
}
export type MessageCreateBody = Static<ReturnType<typeof messageCreateBody>>;

const listParameters = {
  limit: Type.Optional(Type.Integer({ minimum: 0 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  order: Type.Optional(StringEnum(['created_at'], { default: 'created_at' })),
  direction: Type.Optional(StringEnum(['asc', 'desc'], { default: 'desc' })),
  search: Type.Optional(
    Type.String({ description: 'Words found in this order in the content, any case and accent.' }),
  ),
};

export const RoomMessagesQuery = Type.Object({
  ...listParameters,
  from_date: Type.Optional(Type.String({ format: 'date-time', description: 'Messages from this time on.' })),
});
export type RoomMessagesQuery = Static<typeof RoomMessagesQuery>;

export const UserMessagesQuery = Type.Object({
  ...listParameters,
  distinct: Type.Optional(StringEnum(['room_uuid'], { description: 'The latest message of each room.' })),
});
export type UserMessagesQuery = Static<typeof UserMessagesQuery>;

const listOf = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item), filtered: Type.Integer(), total: Type.Integer() });

export const RoomList = listOf(Room);
export const MessageList = listOf(Message);
// Not `format: uuid`: a room that cannot exist is an unknown room (404), as Wazo's uuid route.
export const RoomParams = Type.Object({ room_uuid: Type.String() });
