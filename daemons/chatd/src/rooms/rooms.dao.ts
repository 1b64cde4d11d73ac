/**
 * The rooms queries: rooms with their participants, messages, and the lists with Wazo's filters.
 * Queries only; the rules are in rooms.service.ts.
 */
import { countRows, escapeLike, isUuid, sortedPage } from '@wazo-ts/db';
import { type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import type { ChatdDatabase } from '../db/schema.js';

/** The rooms tables, and the users chatd knows (presence's copy) for the participants' tenant. */
export type RoomsDb = Kysely<ChatdDatabase> | Transaction<ChatdDatabase>;

export interface RoomRow {
  uuid: string;
  tenant_uuid: string;
  name: string | null;
  users: { uuid: string; tenant_uuid: string; wazo_uuid: string; identity: string | null }[];
}

export interface MessageRow {
  uuid: string;
  room_uuid: string;
  content: string;
  alias: string | null;
  user_uuid: string;
  tenant_uuid: string;
  wazo_uuid: string;
  created_at: string;
}

export interface MessageFilter {
  search?: string | undefined;
  fromDate?: string | undefined;
}

export interface MessagePage {
  limit?: number | undefined;
  offset?: number | undefined;
  direction?: 'asc' | 'desc' | undefined;
}

// Python's isoformat() of a UTC datetime, as Wazo's answers and events write it.
const isoCreatedAt = sql<string>`to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')`;

const roomUsers = sql<RoomRow['users']>`coalesce((
  SELECT json_agg(json_build_object('uuid', ru.uuid, 'tenant_uuid', ru.tenant_uuid,
    'wazo_uuid', ru.wazo_uuid, 'identity', ru.identity) ORDER BY ru.uuid)
  FROM chatd_room_user ru WHERE ru.room_uuid = r.uuid), '[]'::json)`;

/** The users among `uuids` that chatd knows, with their tenant. */
export async function findKnownUsers(db: RoomsDb, uuids: string[]) {
  const valid = uuids.filter(isUuid);
  if (valid.length === 0) return [];
  return db.selectFrom('chatd_user').select(['uuid', 'tenant_uuid']).where('uuid', 'in', valid).execute();
}

function roomsQuery(db: RoomsDb, tenantUuid: string) {
  return db
    .selectFrom('chatd_room as r')
    .select(['r.uuid', 'r.tenant_uuid', 'r.name'])
    .select(roomUsers.as('users'))
    .where('r.tenant_uuid', '=', tenantUuid);
}

export async function getRoom(
  db: RoomsDb,
  tenantUuid: string,
  roomUuid: string,
): Promise<RoomRow | undefined> {
  if (!isUuid(roomUuid)) return undefined;
  return roomsQuery(db, tenantUuid).where('r.uuid', '=', roomUuid).executeTakeFirst();
}

/** Rooms of the tenant holding every one of `userUuids`; with `exact`, no one else either. */
function roomsHolding(db: RoomsDb, tenantUuid: string, userUuids: string[], exact: boolean) {
  const members = sql`array_agg(DISTINCT ru.uuid)`;
  const wanted = sql`${sql.val(userUuids)}::uuid[]`;
  const holding = db
    .selectFrom('chatd_room_user as ru')
    .select('ru.room_uuid')
    .groupBy('ru.room_uuid')
    .having(
      exact
        ? sql<boolean>`${members} @> ${wanted} AND ${members} <@ ${wanted}`
        : sql<boolean>`${members} @> ${wanted}`,
    );
  return roomsQuery(db, tenantUuid).where('r.uuid', 'in', holding);
}

export async function listRooms(db: RoomsDb, tenantUuid: string, userUuids: string[]) {
  const query = roomsHolding(db, tenantUuid, userUuids, false);
  const [items, total] = await Promise.all([query.orderBy('r.uuid').execute(), countRows(query)]);
  return { items: items as RoomRow[], total };
}

export async function findRoomWithExactly(db: RoomsDb, tenantUuid: string, userUuids: string[]) {
  return (await roomsHolding(db, tenantUuid, userUuids, true).orderBy('r.uuid').executeTakeFirst()) as
    | RoomRow
    | undefined;
}

export async function createRoom(db: RoomsDb, room: Omit<RoomRow, 'uuid'>): Promise<string> {
  const { uuid } = await db
    .insertInto('chatd_room')
    .values({ name: room.name, tenant_uuid: room.tenant_uuid })
    .returning('uuid')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('chatd_room_user')
    .values(room.users.map((user) => ({ room_uuid: uuid, ...user })))
    .execute();
  return uuid;
}

export async function addMessage(
  db: RoomsDb,
  message: Omit<MessageRow, 'uuid' | 'created_at'>,
): Promise<MessageRow> {
  const { uuid } = await db
    .insertInto('chatd_room_message')
    .values(message)
    .returning('uuid')
    .executeTakeFirstOrThrow();
  const row = await messagesBase(db).where('m.uuid', '=', uuid).executeTakeFirstOrThrow();
  return row as MessageRow;
}

function messagesBase(db: RoomsDb) {
  return db
    .selectFrom('chatd_room_message as m')
    .select(['m.uuid', 'm.room_uuid', 'm.alias', 'm.user_uuid', 'm.tenant_uuid', 'm.wazo_uuid'])
    .select([sql<string>`coalesce(m.content, '')`.as('content'), isoCreatedAt.as('created_at')]);
}

type MessageQuery = SelectQueryBuilder<
  ChatdDatabase & { m: ChatdDatabase['chatd_room_message'] },
  'm',
  MessageRow
>;

function filtered(query: MessageQuery, filter: MessageFilter): MessageQuery {
  let q = query;
  if (filter.search !== undefined) {
    // Wazo's search: the words in this order, anything between them, accents and case ignored.
    const words = filter.search.split(' ').filter((word) => word !== '');
    const pattern = `%${words.map(escapeLike).join('%')}%`;
    q = q.where(sql<boolean>`unaccent(m.content) ILIKE unaccent(${pattern})`);
  }
  if (filter.fromDate !== undefined) q = q.where('m.created_at', '>=', new Date(filter.fromDate));
  return q;
}

async function page(query: MessageQuery, filter: MessageFilter, request: MessagePage) {
  const q = filtered(query, filter);
  const items = await sortedPage(q, {
    orderBy: sql`m.created_at`,
    direction: request.direction ?? 'desc',
    tieBreak: sql`m.uuid`,
    limit: request.limit,
    offset: request.offset,
  }).execute();
  return { items: items as MessageRow[], filtered: await countRows(q) };
}

export async function listRoomMessages(
  db: RoomsDb,
  roomUuid: string,
  filter: MessageFilter,
  request: MessagePage,
) {
  const base = messagesBase(db).where('m.room_uuid', '=', roomUuid) as unknown as MessageQuery;
  const [result, total] = await Promise.all([page(base, filter, request), countRows(base)]);
  return { ...result, total };
}

/**
 * Messages of every room the user is in (within the tenant); with `distinctRoom`, only the latest
 * message of each room, then filtered (Wazo's order: distinct first, then search and date).
 */
export async function listUserMessages(
  db: RoomsDb,
  tenantUuid: string,
  userUuid: string,
  filter: MessageFilter & { distinctRoom?: boolean },
  request: MessagePage,
) {
  const rooms = db
    .selectFrom('chatd_room_user')
    .select('room_uuid')
    .where('uuid', '=', userUuid)
    .where('tenant_uuid', '=', tenantUuid);
  const all = messagesBase(db).where('m.room_uuid', 'in', rooms);
  let base = all;
  if (filter.distinctRoom) {
    const latest = db
      .selectFrom('chatd_room_message as d')
      .select('d.uuid')
      .distinctOn('d.room_uuid')
      .where('d.room_uuid', 'in', rooms)
      .orderBy('d.room_uuid')
      .orderBy('d.created_at', 'desc');
    base = base.where('m.uuid', 'in', latest);
  }
  const [result, total] = await Promise.all([
    page(base as unknown as MessageQuery, filter, request),
    countRows(all),
  ]);
  return { ...result, total };
}
