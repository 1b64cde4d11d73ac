/**
 * The rooms' routes under /1.0/users/me/rooms: each declares its ACL and schemas and makes one
 * service call. The caller is the token's user in the token's tenant, as Wazo's `token.user_uuid`.
 */
import type { DaemonApi } from '@wazo-ts/daemon';
import { UnauthorizedError } from '@wazo-ts/errors';
import type { FastifyRequest } from 'fastify';
import { messageBody, roomBody } from './rooms.notifier.js';
import {
  MessageList,
  Message as MessageSchema,
  messageCreateBody,
  RoomCreateBody,
  RoomList,
  RoomListQuery,
  RoomMessagesQuery,
  RoomParams,
  Room as RoomSchema,
  UserMessagesQuery,
} from './rooms.schema.js';
import type { Caller, RoomsService } from './rooms.service.js';

export function callerOf(request: FastifyRequest): Caller {
  const metadata = request.auth?.token.metadata;
  const userUuid = metadata?.uuid;
  const tenantUuid = metadata?.tenant_uuid;
  if (!userUuid || !tenantUuid) throw new UnauthorizedError('A user token is required');
  return { userUuid, tenantUuid };
}

const tags = ['rooms'];

export function registerRoomsRoutes(api: DaemonApi, service: RoomsService, messageMaxLength: number): void {
  api.post(
    '/users/me/rooms',
    {
      config: { acl: 'chatd.users.me.rooms.create' },
      schema: {
        tags,
        summary: 'Create a room (or get the one of exactly these users)',
        body: RoomCreateBody,
        response: { 201: RoomSchema },
      },
    },
    async (request, reply) => {
      const room = await service.createRoom(callerOf(request), request.body ?? {});
      return reply.code(201).send(roomBody(room));
    },
  );

  api.get(
    '/users/me/rooms',
    {
      config: { acl: 'chatd.users.me.rooms.read' },
      schema: { tags, summary: 'List my rooms', querystring: RoomListQuery, response: { 200: RoomList } },
    },
    async (request) => {
      const users = (request.query.user_uuid ?? '').split(',').filter((uuid) => uuid !== '');
      const { items, total } = await service.listRooms(callerOf(request), users);
      return { items: items.map(roomBody), filtered: total, total };
    },
  );

  api.get(
    '/users/me/rooms/messages',
    {
      config: { acl: 'chatd.users.me.rooms.messages.read' },
      schema: {
        tags,
        summary: 'Search the messages of all my rooms (or the latest of each)',
        querystring: UserMessagesQuery,
        response: { 200: MessageList },
      },
    },
    async (request) => {
      const page = await service.listUserMessages(callerOf(request), request.query);
      return { ...page, items: page.items.map(messageBody) };
    },
  );

  api.post(
    '/users/me/rooms/:room_uuid/messages',
    {
      config: { acl: 'chatd.users.me.rooms.{room_uuid}.messages.create' },
      schema: {
        tags,
        summary: 'Send a message to a room',
        params: RoomParams,
        body: messageCreateBody(messageMaxLength),
        response: { 201: MessageSchema },
      },
    },
    async (request, reply) => {
      const message = await service.createMessage(callerOf(request), request.params.room_uuid, request.body);
      return reply.code(201).send(messageBody(message));
    },
  );

  api.get(
    '/users/me/rooms/:room_uuid/messages',
    {
      config: { acl: 'chatd.users.me.rooms.{room_uuid}.messages.read' },
      schema: {
        tags,
        summary: 'List the messages of a room',
        params: RoomParams,
        querystring: RoomMessagesQuery,
        response: { 200: MessageList },
      },
    },
    async (request) => {
      const page = await service.listRoomMessages(callerOf(request), request.params.room_uuid, request.query);
      return { ...page, items: page.items.map(messageBody) };
    },
  );
}
