/** Refresh tokens and the sessions opened with them. The only SQL of the resource. */

import { inTenants, isUuid } from '@wazo-ts/db';
import { sql } from 'kysely';
import type { AuthDb } from '../db/auth-db.js';
import type { DeletedSession } from '../tokens/token.dao.js';
import type { RefreshToken, RefreshTokenListParams } from './refresh-token.model.js';

const columns = sql<RefreshToken>`uuid::text AS uuid, client_id AS "clientId", user_uuid::text AS "userUuid",
  tenant_uuid::text AS "tenantUuid", backend, login, mobile, metadata, created_at AS "createdAt"`;

export interface NewRefreshToken {
  uuid: string;
  clientId: string;
  userUuid: string;
  tenantUuid: string;
  backend: string;
  login: string;
  mobile: boolean;
  metadata: Record<string, unknown>;
  userAgent: string | null;
  remoteAddr: string | null;
}

export interface RefreshTokenFilter {
  tenantUuids: readonly string[];
  userUuid?: string;
}

type Condition = ReturnType<typeof sql<boolean>>;

function scopeConditions(filter: RefreshTokenFilter): Condition[] {
  const conditions = [sql<boolean>`${inTenants('tenant_uuid', filter.tenantUuids)}`];
  if (filter.userUuid !== undefined) conditions.push(sql<boolean>`user_uuid::text = ${filter.userUuid}`);
  return conditions;
}

function searchConditions(params: RefreshTokenListParams): Condition[] {
  const conditions: Condition[] = [];
  if (params.client_id !== undefined) conditions.push(sql<boolean>`client_id = ${params.client_id}`);
  if (params.mobile !== undefined) conditions.push(sql<boolean>`mobile = ${params.mobile}`);
  if (params.search) {
    const pattern = `%${params.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql<boolean>`(client_id ILIKE ${pattern} OR created_at::text ILIKE ${pattern})`);
  }
  return conditions;
}

const whereOf = (conditions: Condition[]) => sql.join(conditions, sql` AND `);

async function countWhere(db: AuthDb, conditions: Condition[]): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    SELECT count(*) AS n FROM refresh_token WHERE ${whereOf(conditions)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

const ORDERS = { created_at: 'created_at', client_id: 'client_id', mobile: 'mobile' } as const;

export const refreshTokenDao = {
  /** The refresh token `uuid` if it was issued to `clientId`, else null. */
  async find(db: AuthDb, uuid: string, clientId: string): Promise<RefreshToken | null> {
    if (!isUuid(uuid)) return null;
    const { rows } = await sql<RefreshToken>`
      SELECT ${columns} FROM refresh_token WHERE uuid = ${uuid} AND client_id = ${clientId}`.execute(db);
    return rows[0] ?? null;
  },

  async findByClient(db: AuthDb, userUuid: string, clientId: string): Promise<RefreshToken | null> {
    const { rows } = await sql<RefreshToken>`
      SELECT ${columns} FROM refresh_token WHERE user_uuid = ${userUuid} AND client_id = ${clientId}`.execute(
      db,
    );
    return rows[0] ?? null;
  },

  /** Inserts unless (user, client_id) already has one; true when inserted. */
  async create(db: AuthDb, token: NewRefreshToken): Promise<boolean> {
    const result = await db
      .insertInto('refresh_token')
      .values({
        uuid: token.uuid,
        client_id: token.clientId,
        user_uuid: token.userUuid,
        tenant_uuid: token.tenantUuid,
        backend: token.backend,
        login: token.login,
        mobile: token.mobile,
        metadata: JSON.stringify(token.metadata),
        user_agent: token.userAgent,
        remote_addr: token.remoteAddr,
      })
      .onConflict((oc) => oc.columns(['user_uuid', 'client_id']).doNothing())
      .returning('uuid')
      .executeTakeFirst();
    return result !== undefined;
  },

  async listMobile(db: AuthDb, userUuid: string): Promise<RefreshToken[]> {
    const { rows } = await sql<RefreshToken>`
      SELECT ${columns} FROM refresh_token WHERE user_uuid = ${userUuid} AND mobile`.execute(db);
    return rows;
  },

  /** Deletes every refresh token of a user; gives the deleted ones (their events need them). */
  async deleteAllOf(db: AuthDb, userUuid: string): Promise<RefreshToken[]> {
    const { rows } = await sql<RefreshToken>`
      DELETE FROM refresh_token WHERE user_uuid = ${userUuid} RETURNING ${columns}`.execute(db);
    return rows;
  },

  async delete(db: AuthDb, uuid: string): Promise<void> {
    await db.deleteFrom('refresh_token').where('uuid', '=', uuid).execute();
  },

  /** Deletes the sessions (and tokens) opened with this refresh token. */
  async deleteSessions(db: AuthDb, refreshTokenUuid: string): Promise<DeletedSession[]> {
    const { rows } = await sql<DeletedSession>`
      DELETE FROM session s USING token t
      WHERE t.refresh_token_uuid = ${refreshTokenUuid} AND s.uuid = t.session_uuid
      RETURNING s.uuid::text AS uuid, s.tenant_uuid::text AS "tenantUuid",
        s.user_uuid::text AS "userUuid", s.mobile, t.auth_id AS "authId"`.execute(db);
    return rows;
  },

  async list(db: AuthDb, filter: RefreshTokenFilter, params: RefreshTokenListParams) {
    const scope = scopeConditions(filter);
    const all = [...scope, ...searchConditions(params)];
    const order = sql.ref(ORDERS[params.order ?? 'created_at']);
    const direction = params.direction === 'desc' ? sql`DESC` : sql`ASC`;
    const limit = params.limit === undefined ? sql`` : sql`LIMIT ${params.limit}`;
    const { rows } = await sql<RefreshToken>`
      SELECT ${columns} FROM refresh_token WHERE ${whereOf(all)}
      ORDER BY ${order} ${direction}, uuid ${limit} OFFSET ${params.offset ?? 0}`.execute(db);
    return { total: await countWhere(db, scope), filtered: await countWhere(db, all), items: rows };
  },
};

export type RefreshTokenDao = typeof refreshTokenDao;
