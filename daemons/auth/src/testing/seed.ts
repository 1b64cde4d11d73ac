/**
 * Users written straight into wazo-auth's tables: a user with a known password (hashed in Wazo's
 * format by wazo-auth's own password module) and one policy of its own holding the ACL asked for.
 * Going around the API keeps fixtures independent of the routes under test.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { hashPassword } from '../passwords/index.js';

export interface UserSeed {
  tenantUuid?: string;
  username?: string;
  password?: string;
  /** ACL of the user's own policy; no policy when absent. */
  acl?: string[];
  purpose?: 'user' | 'internal' | 'external_api';
  email?: string;
}

export interface SeededUser {
  uuid: string;
  tenantUuid: string;
  username: string;
  password: string;
  policyUuid: string | null;
}

export interface UserSeeder {
  masterTenantUuid(): Promise<string>;
  seed(seed: UserSeed & { tenantUuid: string }): Promise<SeededUser>;
  /** A sub-tenant of `parentUuid`, straight in the table. */
  seedTenant(parentUuid: string, slug?: string): Promise<string>;
}

export function createUserSeeder(pool: pg.Pool, iterations: number): UserSeeder {
  return {
    async masterTenantUuid() {
      const { rows } = await pool.query<{ uuid: string }>('SELECT uuid FROM tenant WHERE uuid = parent_uuid');
      if (!rows[0]) throw new Error('no master tenant: wazo-auth did not seed it at start');
      return rows[0].uuid;
    },
    async seed(seed) {
      const uuid = randomUUID();
      const username = seed.username ?? `user-${randomBytes(5).toString('hex')}`;
      const password = seed.password ?? randomBytes(12).toString('hex');
      const { hash, salt } = await hashPassword(password, iterations);
      await pool.query(
        `INSERT INTO auth_user (uuid, tenant_uuid, username, password_hash, password_salt, purpose, authentication_method)
         VALUES ($1, $2, $3, $4, $5, $6, 'native')`,
        [uuid, seed.tenantUuid, username, hash, salt, seed.purpose ?? 'user'],
      );
      if (seed.email)
        await pool.query(
          'INSERT INTO email (user_uuid, address, main, confirmed) VALUES ($1, $2, true, true)',
          [uuid, seed.email],
        );
      const policyUuid = seed.acl ? await seedPolicy(pool, seed.tenantUuid, seed.acl) : null;
      if (policyUuid)
        await pool.query('INSERT INTO user_policy (user_uuid, policy_uuid) VALUES ($1, $2)', [
          uuid,
          policyUuid,
        ]);
      return { uuid, tenantUuid: seed.tenantUuid, username, password, policyUuid };
    },
    async seedTenant(parentUuid, slug) {
      const uuid = randomUUID();
      const name = slug ?? `t${randomBytes(4).toString('hex')}`;
      await pool.query('INSERT INTO tenant (uuid, parent_uuid, name, slug) VALUES ($1, $2, $3, $4)', [
        uuid,
        parentUuid,
        name,
        name.slice(0, 10),
      ]);
      return uuid;
    },
  };
}

async function seedPolicy(pool: pg.Pool, tenantUuid: string, acl: string[]): Promise<string> {
  const slug = `p_${randomBytes(6).toString('hex')}`;
  const { rows } = await pool.query<{ uuid: string }>(
    'INSERT INTO policy (tenant_uuid, name, slug) VALUES ($1, $2, $2) RETURNING uuid',
    [tenantUuid, slug],
  );
  const policyUuid = rows[0]!.uuid;
  for (const [position, access] of acl.entries())
    await pool.query('INSERT INTO policy_access (policy_uuid, access, position) VALUES ($1, $2, $3)', [
      policyUuid,
      access,
      position,
    ]);
  return policyUuid;
}
