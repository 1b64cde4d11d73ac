/**
 * The kit's TokenVerifier for wazo-auth's own routes: it reads the token table instead of asking
 * itself over HTTP. There is no cache, so a revoked token (its session deleted) stops working on
 * the very next request: a primary-key lookup costs less than the risk of a stale grant.
 * The token's tenant is its user's *current* tenant (reference §5), so a user moved to another
 * tenant scopes its old tokens there.
 */
import type { TokenInfo, TokenVerifier } from '@wazo-ts/daemon';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { AuthDatabase } from '../db/schema.js';
import { isInSubtree } from './tenant-tree.dao.js';
import { isUuid } from './uuid.js';

// Internal tokens have `wazo-auth` as auth_id: only a uuid-shaped one names a user.
const UUID_TEXT = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

interface Row {
  uuid: string;
  auth_id: string;
  session_uuid: string;
  acl: string[];
  expires_at: Date;
  metadata: Record<string, unknown>;
  pbx_user_uuid: string | null;
  user_tenant: string | null;
}

export function createLocalTokenVerifier(
  db: Kysely<AuthDatabase>,
  now: () => number = Date.now,
): TokenVerifier {
  return {
    async get(token) {
      if (!isUuid(token)) return null;
      const { rows } = await sql<Row>`
        SELECT t.uuid::text AS uuid, t.auth_id, t.session_uuid::text AS session_uuid, t.acl, t.expires_at,
          t.metadata, t.pbx_user_uuid::text AS pbx_user_uuid, u.tenant_uuid::text AS user_tenant
        FROM token t LEFT JOIN auth_user u
          ON u.uuid = CASE WHEN t.auth_id ~* ${UUID_TEXT} THEN t.auth_id::uuid END
        WHERE t.uuid = ${token}`.execute(db);
      const row = rows[0];
      if (!row) return null;
      const expiresAt = new Date(row.expires_at).getTime();
      if (expiresAt < now()) return null;
      const metadata = { ...row.metadata };
      if (row.user_tenant) metadata.tenant_uuid = row.user_tenant;
      const info: TokenInfo = {
        token: row.uuid,
        auth_id: row.auth_id,
        session_uuid: row.session_uuid,
        acl: row.acl,
        expiresAt,
        metadata,
        xivo_user_uuid: row.pbx_user_uuid,
      };
      return info;
    },
    async canAccessTenant(token, tenantUuid) {
      const own = token.metadata.tenant_uuid;
      if (typeof own !== 'string') return false;
      return isInSubtree(db, own, tenantUuid);
    },
    // Nothing is cached: revocation already takes effect at the next read.
    revokeSession() {},
    revokeToken() {},
  };
}
