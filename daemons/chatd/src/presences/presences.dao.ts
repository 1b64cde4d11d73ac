/**
 * Queries on chatd's copy of users, their sessions, refresh tokens, lines, endpoints and
 * channels. No rules here: the service decides what a change means for a presence.
 */
import type { ChatdDb } from '../db/chatd-db.js';
import type { ChannelState, EndpointState, PresenceState } from '../db/schema.js';

export interface UserRow {
  uuid: string;
  tenant_uuid: string;
  state: PresenceState;
  status: string | null;
  do_not_disturb: boolean;
  last_activity: Date | null;
}

export interface UserFilter {
  /** Only these tenants (always given: a caller never sees everything). */
  tenantUuids: readonly string[];
  uuids?: readonly string[];
}

export interface LineRow {
  id: number;
  user_uuid: string;
  endpoint_name: string | null;
  endpoint_state: EndpointState | null;
}

const userColumns = ['uuid', 'tenant_uuid', 'state', 'status', 'do_not_disturb', 'last_activity'] as const;

export const tenantsDao = {
  async add(db: ChatdDb, uuid: string): Promise<void> {
    await db
      .insertInto('chatd_tenant')
      .values({ uuid })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  async remove(db: ChatdDb, uuid: string): Promise<void> {
    await db.deleteFrom('chatd_tenant').where('uuid', '=', uuid).execute();
  },
  async uuids(db: ChatdDb): Promise<string[]> {
    return (await db.selectFrom('chatd_tenant').select('uuid').execute()).map((r) => r.uuid);
  },
};

export const usersDao = {
  /**
   * Locks the user's row until commit: changes of one user's presence then commit one after the
   * other, each event built from what the previous one committed (never a stale presence last).
   */
  async lock(db: ChatdDb, uuid: string): Promise<void> {
    await db.selectFrom('chatd_user').select('uuid').where('uuid', '=', uuid).forUpdate().execute();
  },
  async find(db: ChatdDb, uuid: string): Promise<UserRow | undefined> {
    return db.selectFrom('chatd_user').select(userColumns).where('uuid', '=', uuid).executeTakeFirst();
  },
  async list(db: ChatdDb, filter: UserFilter): Promise<UserRow[]> {
    if (filter.tenantUuids.length === 0 || filter.uuids?.length === 0) return [];
    let query = db
      .selectFrom('chatd_user')
      .select(userColumns)
      .where('tenant_uuid', 'in', filter.tenantUuids);
    if (filter.uuids) query = query.where('uuid', 'in', filter.uuids);
    return query.orderBy('uuid').execute();
  },
  async count(db: ChatdDb, filter: UserFilter): Promise<number> {
    if (filter.tenantUuids.length === 0 || filter.uuids?.length === 0) return 0;
    let query = db
      .selectFrom('chatd_user')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_uuid', 'in', filter.tenantUuids);
    if (filter.uuids) query = query.where('uuid', 'in', filter.uuids);
    return Number((await query.executeTakeFirstOrThrow()).n);
  },
  /** Adds a user unless it exists; true when added. */
  async add(
    db: ChatdDb,
    user: { uuid: string; tenant_uuid: string; state: PresenceState },
  ): Promise<boolean> {
    const added = await db
      .insertInto('chatd_user')
      .values(user)
      .onConflict((oc) => oc.column('uuid').doNothing())
      .executeTakeFirst();
    return Number(added.numInsertedOrUpdatedRows ?? 0) > 0;
  },
  async update(
    db: ChatdDb,
    uuid: string,
    patch: Partial<Pick<UserRow, 'state' | 'status' | 'do_not_disturb' | 'last_activity' | 'tenant_uuid'>>,
  ): Promise<void> {
    await db.updateTable('chatd_user').set(patch).where('uuid', '=', uuid).execute();
  },
  async remove(db: ChatdDb, uuid: string): Promise<boolean> {
    const deleted = await db.deleteFrom('chatd_user').where('uuid', '=', uuid).executeTakeFirst();
    return Number(deleted.numDeletedRows) > 0;
  },
  async uuids(db: ChatdDb): Promise<string[]> {
    return (await db.selectFrom('chatd_user').select('uuid').execute()).map((r) => r.uuid);
  },
};

export const sessionsDao = {
  async add(db: ChatdDb, session: { uuid: string; user_uuid: string; mobile: boolean }): Promise<void> {
    await db
      .insertInto('chatd_session')
      .values(session)
      .onConflict((oc) => oc.column('uuid').doUpdateSet({ mobile: session.mobile }))
      .execute();
  },
  /** The user the session was of, when chatd knew it. */
  async remove(db: ChatdDb, uuid: string): Promise<string | undefined> {
    const row = await db
      .deleteFrom('chatd_session')
      .where('uuid', '=', uuid)
      .returning('user_uuid')
      .executeTakeFirst();
    return row?.user_uuid;
  },
  async of(db: ChatdDb, userUuids: readonly string[]) {
    if (userUuids.length === 0) return [];
    return db
      .selectFrom('chatd_session')
      .select(['uuid', 'user_uuid', 'mobile'])
      .where('user_uuid', 'in', userUuids)
      .execute();
  },
  async all(db: ChatdDb) {
    return db.selectFrom('chatd_session').select(['uuid', 'user_uuid', 'mobile']).execute();
  },
};

export const refreshTokensDao = {
  async add(db: ChatdDb, token: { client_id: string; user_uuid: string; mobile: boolean }): Promise<void> {
    await db
      .insertInto('chatd_refresh_token')
      .values(token)
      .onConflict((oc) => oc.columns(['client_id', 'user_uuid']).doUpdateSet({ mobile: token.mobile }))
      .execute();
  },
  async remove(db: ChatdDb, clientId: string, userUuid: string): Promise<boolean> {
    const deleted = await db
      .deleteFrom('chatd_refresh_token')
      .where('client_id', '=', clientId)
      .where('user_uuid', '=', userUuid)
      .executeTakeFirst();
    return Number(deleted.numDeletedRows) > 0;
  },
  async of(db: ChatdDb, userUuids: readonly string[]) {
    if (userUuids.length === 0) return [];
    return db
      .selectFrom('chatd_refresh_token')
      .select(['client_id', 'user_uuid', 'mobile'])
      .where('user_uuid', 'in', userUuids)
      .execute();
  },
  async all(db: ChatdDb) {
    return db.selectFrom('chatd_refresh_token').select(['client_id', 'user_uuid', 'mobile']).execute();
  },
};

export const linesDao = {
  async find(db: ChatdDb, id: number) {
    return db
      .selectFrom('chatd_line')
      .select(['id', 'user_uuid', 'endpoint_name'])
      .where('id', '=', id)
      .executeTakeFirst();
  },
  /** Adds or moves a line, creating its endpoint (unavailable until the engine says otherwise). */
  async put(
    db: ChatdDb,
    line: { id: number; user_uuid: string; endpoint_name: string | null },
  ): Promise<void> {
    if (line.endpoint_name)
      await db
        .insertInto('chatd_endpoint')
        .values({ name: line.endpoint_name })
        .onConflict((oc) => oc.doNothing())
        .execute();
    await db
      .insertInto('chatd_line')
      .values(line)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ user_uuid: line.user_uuid, endpoint_name: line.endpoint_name }),
      )
      .execute();
  },
  async setEndpoint(db: ChatdDb, id: number, endpointName: string | null): Promise<void> {
    if (endpointName)
      await db
        .insertInto('chatd_endpoint')
        .values({ name: endpointName })
        .onConflict((oc) => oc.doNothing())
        .execute();
    await db.updateTable('chatd_line').set({ endpoint_name: endpointName }).where('id', '=', id).execute();
  },
  /** The user the line was of, when chatd knew it. */
  async remove(db: ChatdDb, id: number): Promise<string | undefined> {
    const row = await db
      .deleteFrom('chatd_line')
      .where('id', '=', id)
      .returning('user_uuid')
      .executeTakeFirst();
    return row?.user_uuid;
  },
  async of(db: ChatdDb, userUuids: readonly string[]): Promise<LineRow[]> {
    if (userUuids.length === 0) return [];
    return db
      .selectFrom('chatd_line')
      .leftJoin('chatd_endpoint', 'chatd_endpoint.name', 'chatd_line.endpoint_name')
      .select([
        'chatd_line.id',
        'chatd_line.user_uuid',
        'chatd_line.endpoint_name',
        'chatd_endpoint.state as endpoint_state',
      ])
      .where('chatd_line.user_uuid', 'in', userUuids)
      .orderBy('chatd_line.id')
      .execute();
  },
  async all(db: ChatdDb) {
    return db.selectFrom('chatd_line').select(['id', 'user_uuid', 'endpoint_name']).execute();
  },
  async withEndpoint(db: ChatdDb, endpointName: string) {
    return db
      .selectFrom('chatd_line')
      .select(['id', 'user_uuid'])
      .where('endpoint_name', '=', endpointName)
      .execute();
  },
};

export const telephonyDao = {
  /** Sets an endpoint's state; true when it changed. */
  async setEndpointState(db: ChatdDb, name: string, state: EndpointState): Promise<boolean> {
    const before = await db
      .selectFrom('chatd_endpoint')
      .select('state')
      .where('name', '=', name)
      .executeTakeFirst();
    if (before?.state === state) return false;
    await db
      .insertInto('chatd_endpoint')
      .values({ name, state })
      .onConflict((oc) => oc.column('name').doUpdateSet({ state }))
      .execute();
    return true;
  },
  async putChannel(
    db: ChatdDb,
    channel: { name: string; state: ChannelState; line_id: number },
  ): Promise<void> {
    await db
      .insertInto('chatd_channel')
      .values(channel)
      .onConflict((oc) => oc.column('name').doUpdateSet({ state: channel.state, line_id: channel.line_id }))
      .execute();
  },
  async findChannel(db: ChatdDb, name: string) {
    return db
      .selectFrom('chatd_channel')
      .select(['name', 'state', 'line_id'])
      .where('name', '=', name)
      .executeTakeFirst();
  },
  async removeChannel(db: ChatdDb, name: string): Promise<void> {
    await db.deleteFrom('chatd_channel').where('name', '=', name).execute();
  },
  async channelsOf(db: ChatdDb, lineIds: readonly number[]) {
    if (lineIds.length === 0) return [];
    return db
      .selectFrom('chatd_channel')
      .select(['name', 'state', 'line_id'])
      .where('line_id', 'in', lineIds)
      .execute();
  },
};
