/**
 * Tokens and their sessions (one session per token: deleting the session deletes the token by
 * cascade), and the user rows a login needs. The only SQL of the tokens resource.
 */

import { isUuid, UUID_PATTERN } from '@wazo-ts/db';
import { sql } from 'kysely';
import type { AuthDb } from '../db/auth-db.js';
import type { SessionRef, StoredToken, TokenMetadata } from './token.model.js';

export interface LoginUser {
  uuid: string;
  tenantUuid: string;
  purpose: string;
  passwordHash: string | null;
  passwordSalt: Buffer | null;
  /** The user's method, `default` resolved to the tenant's. */
  authenticationMethod: string;
}

/** A session gone with its token: what `auth_session_deleted` needs. */
export interface DeletedSession extends SessionRef {
  authId: string;
}

const userColumns = sql`u.uuid::text AS uuid, u.tenant_uuid::text AS "tenantUuid", u.purpose,
  u.password_hash AS "passwordHash", u.password_salt AS "passwordSalt",
  CASE WHEN u.authentication_method = 'default' THEN t.default_authentication_method
       ELSE u.authentication_method END AS "authenticationMethod"`;

/** A token with its user's current tenant (null when no user), read in one query. */
export interface TokenWithTenant {
  stored: StoredToken;
  userTenant: string | null;
}

type TokenRow = {
  uuid: string;
  session_uuid: string;
  auth_id: string;
  pbx_user_uuid: string | null;
  xivo_uuid: string | null;
  issued_at: Date;
  expires_at: Date;
  acl: string[];
  metadata: TokenMetadata;
  user_agent: string | null;
  remote_addr: string | null;
  refresh_token_uuid: string | null;
};

const toStored = (row: TokenRow): StoredToken => ({
  uuid: row.uuid,
  sessionUuid: row.session_uuid,
  authId: row.auth_id,
  pbxUserUuid: row.pbx_user_uuid,
  xivoUuid: row.xivo_uuid,
  issuedAt: new Date(row.issued_at),
  expiresAt: new Date(row.expires_at),
  acl: row.acl,
  metadata: row.metadata,
  userAgent: row.user_agent,
  remoteAddr: row.remote_addr,
  refreshTokenUuid: row.refresh_token_uuid,
});

export const tokenDao = {
  /** An enabled user whose confirmed e-mail, else username, is `login` (case-insensitive). */
  async findLoginUser(db: AuthDb, login: string): Promise<LoginUser | null> {
    const { rows } = await sql<LoginUser>`
      SELECT ${userColumns}, 0 AS rank FROM auth_user u JOIN tenant t ON t.uuid = u.tenant_uuid
        JOIN email e ON e.user_uuid = u.uuid
        WHERE u.enabled AND e.confirmed AND lower(e.address) = lower(${login})
      UNION ALL
      SELECT ${userColumns}, 1 AS rank FROM auth_user u JOIN tenant t ON t.uuid = u.tenant_uuid
        WHERE u.enabled AND lower(u.username) = lower(${login})
      ORDER BY rank LIMIT 1`.execute(db);
    return rows[0] ?? null;
  },

  async findEnabledUser(db: AuthDb, userUuid: string): Promise<LoginUser | null> {
    if (!isUuid(userUuid)) return null;
    const { rows } = await sql<LoginUser>`
      SELECT ${userColumns} FROM auth_user u JOIN tenant t ON t.uuid = u.tenant_uuid
      WHERE u.enabled AND u.uuid = ${userUuid}`.execute(db);
    return rows[0] ?? null;
  },

  /** Serializes the logins of one user until the transaction ends (the session cap is exact). */
  async lockUser(db: AuthDb, userUuid: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`wazo-auth.user.${userUuid}`}, 0))`.execute(db);
  },

  /** Sessions of the user whose token has not expired (expired ones wait for the purge). */
  async countLiveSessions(db: AuthDb, userUuid: string, now: Date): Promise<number> {
    const row = await db
      .selectFrom('session')
      .innerJoin('token', 'token.session_uuid', 'session.uuid')
      .select(sql<string>`count(DISTINCT session.uuid)`.as('n'))
      .where('session.user_uuid', '=', userUuid)
      .where('token.expires_at', '>', now)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async insert(db: AuthDb, session: SessionRef, token: StoredToken): Promise<void> {
    await db
      .insertInto('session')
      .values({
        uuid: session.uuid,
        tenant_uuid: session.tenantUuid,
        user_uuid: session.userUuid,
        mobile: session.mobile,
      })
      .execute();
    await db
      .insertInto('token')
      .values({
        uuid: token.uuid,
        session_uuid: token.sessionUuid,
        auth_id: token.authId,
        pbx_user_uuid: token.pbxUserUuid,
        xivo_uuid: token.xivoUuid,
        issued_at: token.issuedAt,
        expires_at: token.expiresAt,
        acl: token.acl,
        metadata: JSON.stringify(token.metadata),
        user_agent: token.userAgent,
        remote_addr: token.remoteAddr,
        refresh_token_uuid: token.refreshTokenUuid,
      })
      .execute();
  },

  /**
   * The token and its user's tenant in one primary-key lookup (what every check needs). Internal
   * tokens have `wazo-auth` as auth_id: only a uuid-shaped one names a user.
   */
  async getWithTenant(db: AuthDb, tokenUuid: string): Promise<TokenWithTenant | null> {
    if (!isUuid(tokenUuid)) return null;
    const { rows } = await sql<TokenRow & { user_tenant: string | null }>`
      SELECT t.uuid::text AS uuid, t.session_uuid::text AS session_uuid, t.auth_id,
        t.pbx_user_uuid::text AS pbx_user_uuid, t.xivo_uuid, t.issued_at, t.expires_at, t.acl,
        t.metadata, t.user_agent, t.remote_addr, t.refresh_token_uuid::text AS refresh_token_uuid,
        u.tenant_uuid::text AS user_tenant
      FROM token t LEFT JOIN auth_user u
        ON u.uuid = CASE WHEN t.auth_id ~* ${UUID_PATTERN} THEN t.auth_id::uuid END
      WHERE t.uuid = ${tokenUuid}`.execute(db);
    const row = rows[0];
    return row ? { stored: toStored(row), userTenant: row.user_tenant } : null;
  },

  /** Deletes the token's session (and so the token); null when there was none. */
  async deleteByToken(db: AuthDb, tokenUuid: string): Promise<DeletedSession | null> {
    if (!isUuid(tokenUuid)) return null;
    const { rows } = await sql<DeletedSession>`
      DELETE FROM session s USING token t
      WHERE t.uuid = ${tokenUuid} AND s.uuid = t.session_uuid
      RETURNING s.uuid::text AS uuid, s.tenant_uuid::text AS "tenantUuid",
        s.user_uuid::text AS "userUuid", s.mobile, t.auth_id AS "authId"`.execute(db);
    return rows[0] ?? null;
  },

  /** Deletes up to `limit` sessions whose token expired before `now`. */
  async purgeExpired(db: AuthDb, now: Date, limit: number): Promise<DeletedSession[]> {
    const { rows } = await sql<DeletedSession>`
      WITH expired AS (
        SELECT session_uuid, auth_id FROM token WHERE expires_at < ${now}
        ORDER BY expires_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
      )
      DELETE FROM session s USING expired e WHERE s.uuid = e.session_uuid
      RETURNING s.uuid::text AS uuid, s.tenant_uuid::text AS "tenantUuid",
        s.user_uuid::text AS "userUuid", s.mobile, e.auth_id AS "authId"`.execute(db);
    return rows;
  },

  /** Sessions whose token expires in [from, to): each is announced once per purge period. */
  async expiringBetween(db: AuthDb, from: Date, to: Date): Promise<DeletedSession[]> {
    const { rows } = await sql<DeletedSession>`
      SELECT s.uuid::text AS uuid, s.tenant_uuid::text AS "tenantUuid",
        s.user_uuid::text AS "userUuid", s.mobile, t.auth_id AS "authId"
      FROM token t JOIN session s ON s.uuid = t.session_uuid
      WHERE t.expires_at >= ${from} AND t.expires_at < ${to}`.execute(db);
    return rows;
  },
};

export type TokenDao = typeof tokenDao;
