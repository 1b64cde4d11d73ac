/**
 * The rules of rooms and messages: who may be in a room, when an existing room is answered
 * instead of a new one, who may read and write in it. No SQL here (rooms.dao.ts), no HTTP.
 */
import type { UnitOfWork } from '@wazo-ts/db';
import type { ChatdDatabase } from '../db/schema.js';
import * as dao from './rooms.dao.js';
import { duplicateUser, invalidUsers, missingSearch, unknownRoom } from './rooms.errors.js';
import { messageCreated, roomCreated } from './rooms.notifier.js';
import type {
  MessageCreateBody,
  RoomCreateBody,
  RoomMessagesQuery,
  UserMessagesQuery,
} from './rooms.schema.js';

/** Who calls: the user of the token and the token's tenant. */
export interface Caller {
  userUuid: string;
  tenantUuid: string;
}

export interface RoomsServiceOptions {
  uow: UnitOfWork<ChatdDatabase>;
  /** This platform's uuid, the participants' and messages' `wazo_uuid` by default. */
  wazoUuid: string;
}

const MIN_USERS = 2;
const MAX_USERS = 100;

export function createRoomsService({ uow, wazoUuid }: RoomsServiceOptions) {
  /** The room if the caller is in it; another tenant's room, or one without the caller, is unknown. */
  async function memberRoom(db: dao.RoomsDb, caller: Caller, roomUuid: string) {
    const room = await dao.getRoom(db, caller.tenantUuid, roomUuid);
    if (!room?.users.some((user) => user.uuid === caller.userUuid)) throw unknownRoom(roomUuid);
    return room;
  }

  async function checkParticipants(db: dao.RoomsDb, caller: Caller, users: dao.RoomRow['users']) {
    const foreign = users.filter((u) => u.tenant_uuid !== caller.tenantUuid).map((u) => u.uuid);
    if (foreign.length > 0) throw invalidUsers('Users of another tenant cannot join this room', { foreign });
    const others = users.map((u) => u.uuid).filter((uuid) => uuid !== caller.userUuid);
    const known = await dao.findKnownUsers(db, others);
    const inTenant = new Set(known.filter((u) => u.tenant_uuid === caller.tenantUuid).map((u) => u.uuid));
    const unknown = others.filter((uuid) => !inTenant.has(uuid));
    if (unknown.length > 0) throw invalidUsers('No such user in the tenant of the room', { unknown });
  }

  return {
    /** The room of exactly these users if there is one (no event), else a new one announced to each. */
    async createRoom(caller: Caller, body: RoomCreateBody) {
      const asked = body.users ?? [];
      if (new Set(asked.map((u) => u.uuid)).size !== asked.length) throw duplicateUser();
      const users = asked.map((u) => ({
        uuid: u.uuid,
        tenant_uuid: u.tenant_uuid ?? caller.tenantUuid,
        wazo_uuid: u.wazo_uuid ?? wazoUuid,
        identity: u.identity ?? null,
      }));
      if (!users.some((u) => u.uuid === caller.userUuid))
        users.push({
          uuid: caller.userUuid,
          tenant_uuid: caller.tenantUuid,
          wazo_uuid: wazoUuid,
          identity: null,
        });
      if (users.length < MIN_USERS || users.length > MAX_USERS)
        throw invalidUsers(`A room has ${MIN_USERS} to ${MAX_USERS} users`, {
          constraint: { min: MIN_USERS, max: MAX_USERS },
        });
      return uow.run(async ({ db, events }) => {
        await checkParticipants(db, caller, users);
        const uuids = users.map((u) => u.uuid);
        const existing = await dao.findRoomWithExactly(db, caller.tenantUuid, uuids);
        if (existing) return existing;
        const uuid = await dao.createRoom(db, {
          tenant_uuid: caller.tenantUuid,
          name: body.name ?? null,
          users,
        });
        const room = await dao.getRoom(db, caller.tenantUuid, uuid);
        if (!room) throw unknownRoom(uuid);
        roomCreated(events, room);
        return room;
      });
    },

    /** Rooms holding the caller and every one of `userUuids`. */
    listRooms(caller: Caller, userUuids: string[]) {
      const wanted = [...new Set([...userUuids, caller.userUuid])];
      return uow.read(({ db }) => dao.listRooms(db, caller.tenantUuid, wanted));
    },

    async createMessage(caller: Caller, roomUuid: string, body: MessageCreateBody) {
      return uow.run(async ({ db, events }) => {
        const room = await memberRoom(db, caller, roomUuid);
        const message = await dao.addMessage(db, {
          room_uuid: room.uuid,
          content: body.content,
          alias: body.alias ?? null,
          user_uuid: caller.userUuid,
          tenant_uuid: caller.tenantUuid,
          wazo_uuid: wazoUuid,
        });
        messageCreated(events, room, message);
        return message;
      });
    },

    listRoomMessages(caller: Caller, roomUuid: string, query: RoomMessagesQuery) {
      return uow.read(async ({ db }) => {
        const room = await memberRoom(db, caller, roomUuid);
        return dao.listRoomMessages(
          db,
          room.uuid,
          { search: query.search, fromDate: query.from_date },
          query,
        );
      });
    },

    listUserMessages(caller: Caller, query: UserMessagesQuery) {
      if (!query.search && !query.distinct) throw missingSearch();
      return uow.read(({ db }) =>
        dao.listUserMessages(
          db,
          caller.tenantUuid,
          caller.userUuid,
          { search: query.search || undefined, distinctRoom: query.distinct === 'room_uuid' },
          query,
        ),
      );
    },
  };
}

export type RoomsService = ReturnType<typeof createRoomsService>;
