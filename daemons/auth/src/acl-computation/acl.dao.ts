/**
 * Reads the policies a token's ACL is made of, from the tables engineer C's resources write
 * (policy, policy_access, group_user, group_policy, user_policy). Accesses keep their position
 * within a policy; policies and groups are read in name order, as Wazo lists them.
 */

import { isUuid } from '@wazo-ts/db';
import { sql } from 'kysely';
import type { AuthDb } from '../db/auth-db.js';

export interface AclDao {
  /** Accesses of the policy `slugOrName` of the top tenant (the `default_user_policy`). */
  defaultPolicyAccesses(db: AuthDb, slugOrName: string): Promise<string[]>;
  /** Accesses of the policies of the user's groups (the all-users group included). */
  groupAccesses(db: AuthDb, userUuid: string): Promise<string[]>;
  /** Accesses of the policies given to the user directly. */
  userAccesses(db: AuthDb, userUuid: string): Promise<string[]>;
}

const accesses = (rows: { access: string }[]) => rows.map((row) => row.access);

export const aclDao: AclDao = {
  async defaultPolicyAccesses(db, slugOrName) {
    // Only the top tenant's policies: a tenant admin must not be able to shadow the configured
    // default policy by creating one with the same name in their own tenant.
    const { rows } = await sql<{ access: string }>`
      WITH chosen AS (
        SELECT p.uuid FROM policy p JOIN tenant t ON t.uuid = p.tenant_uuid AND t.uuid = t.parent_uuid
        WHERE p.slug = ${slugOrName} OR p.name = ${slugOrName}
        ORDER BY (p.slug = ${slugOrName}) DESC, p.config_managed DESC
        LIMIT 1
      )
      SELECT a.access FROM policy_access a JOIN chosen ON chosen.uuid = a.policy_uuid
      ORDER BY a.position`.execute(db);
    return accesses(rows);
  },
  async groupAccesses(db, userUuid) {
    if (!isUuid(userUuid)) return [];
    const { rows } = await sql<{ access: string }>`
      SELECT a.access
      FROM group_user gu
      JOIN auth_group g ON g.uuid = gu.group_uuid
      JOIN group_policy gp ON gp.group_uuid = g.uuid
      JOIN policy p ON p.uuid = gp.policy_uuid
      JOIN policy_access a ON a.policy_uuid = p.uuid
      WHERE gu.user_uuid = ${userUuid}
      ORDER BY g.name, g.uuid, p.name, p.uuid, a.position`.execute(db);
    return accesses(rows);
  },
  async userAccesses(db, userUuid) {
    if (!isUuid(userUuid)) return [];
    const { rows } = await sql<{ access: string }>`
      SELECT a.access
      FROM user_policy up
      JOIN policy p ON p.uuid = up.policy_uuid
      JOIN policy_access a ON a.policy_uuid = p.uuid
      WHERE up.user_uuid = ${userUuid}
      ORDER BY p.name, p.uuid, a.position`.execute(db);
    return accesses(rows);
  },
};
