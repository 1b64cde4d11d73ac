/** Sessions, read and deleted within a list of tenants (the caller's scope). */

import { inTenants, isUuid } from '@wazo-ts/db';
import { sql } from 'kysely';
import type { AuthDb } from '../db/auth-db.js';
import type { DeletedSession } from '../tokens/token.dao.js';
import type { Session, SessionList, SessionListParams } from './session.model.js';

export interface SessionFilter {
  tenantUuids: readonly string[];
  userUuid?: string;
}

function scoped(db: AuthDb, filter: SessionFilter) {
  let query = db
    .selectFrom('session')
    .innerJoin('token', 'token.session_uuid', 'session.uuid')
    .where(inTenants('session.tenant_uuid', filter.tenantUuids));
  if (filter.userUuid !== undefined) query = query.where('token.auth_id', '=', filter.userUuid);
  return query;
}

export const sessionDao = {
  async list(db: AuthDb, filter: SessionFilter, params: SessionListParams): Promise<SessionList> {
    const counted = await scoped(db, filter).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    const direction = params.direction === 'desc' ? 'desc' : 'asc';
    let page = scoped(db, filter)
      .select([
        sql<string>`session.uuid::text`.as('uuid'),
        'session.mobile',
        sql<string>`session.tenant_uuid::text`.as('tenant_uuid'),
        sql<string | null>`session.user_uuid::text`.as('user_uuid'),
      ])
      .orderBy(params.order === 'mobile' ? 'session.mobile' : 'token.issued_at', direction)
      .orderBy('session.uuid');
    if (params.limit !== undefined) page = page.limit(params.limit);
    if (params.offset) page = page.offset(params.offset);
    const items: Session[] = await page.execute();
    const total = Number(counted.n);
    // No search or filter exists on sessions: filtered is always the total, as in Wazo.
    return { total, filtered: total, items };
  },

  /** Deletes the session if it is in one of the tenants (and the user's); null when it is not there. */
  async delete(
    db: AuthDb,
    sessionUuid: string,
    tenantUuids: readonly string[],
    userUuid?: string,
  ): Promise<DeletedSession | null> {
    if (!isUuid(sessionUuid)) return null;
    const ofUser = userUuid === undefined ? sql`true` : sql`s.user_uuid::text = ${userUuid}`;
    const { rows } = await sql<DeletedSession>`
      WITH doomed AS (
        SELECT s.uuid, (SELECT t.auth_id FROM token t WHERE t.session_uuid = s.uuid LIMIT 1) AS auth_id
        FROM session s WHERE s.uuid = ${sessionUuid}
          AND ${inTenants('s.tenant_uuid', tenantUuids)} AND ${ofUser}
      )
      DELETE FROM session s USING doomed d WHERE s.uuid = d.uuid
      RETURNING s.uuid::text AS uuid, s.tenant_uuid::text AS "tenantUuid",
        s.user_uuid::text AS "userUuid", s.mobile, d.auth_id AS "authId"`.execute(db);
    return rows[0] ?? null;
  },
};

export type SessionDao = typeof sessionDao;
