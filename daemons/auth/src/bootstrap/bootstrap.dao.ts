/**
 * The rows the bootstrap writes: a user with its password hash, its policy link, a service
 * account's own policy and ACL. Users are found by username without regard to case, as logins are.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { DbHolder } from '../db/auth-db.js';

export interface StoredUser {
  uuid: string;
  password_hash: string | null;
  password_salt: Buffer | null;
}

export async function findUserByUsername(tx: DbHolder, username: string): Promise<StoredUser | null> {
  const row = await tx.db
    .selectFrom('auth_user')
    .select(['uuid', 'password_hash', 'password_salt'])
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
  return row ?? null;
}

export interface NewUser {
  tenantUuid: string;
  username: string;
  purpose: 'user' | 'internal' | 'external_api';
  hash: string;
  salt: Buffer;
}

/** Inserts the user (method native, enabled) and puts it in its tenant's all-users group. */
export async function insertUser(tx: DbHolder, user: NewUser): Promise<string> {
  const uuid = randomUUID();
  await tx.db
    .insertInto('auth_user')
    .values({
      uuid,
      tenant_uuid: user.tenantUuid,
      username: user.username,
      firstname: null,
      lastname: null,
      password_hash: user.hash,
      password_salt: user.salt,
      purpose: user.purpose,
      authentication_method: 'native',
    })
    .execute();
  await sql`INSERT INTO group_user (group_uuid, user_uuid)
    SELECT uuid, ${uuid}::uuid FROM auth_group
    WHERE tenant_uuid = ${user.tenantUuid}::uuid AND slug = ${`wazo-all-users-tenant-${user.tenantUuid}`}
    ON CONFLICT DO NOTHING`.execute(tx.db);
  return uuid;
}

/** Sets a new password and ends the user's sessions (their tokens go with them). */
export async function resetPassword(
  tx: DbHolder,
  userUuid: string,
  hash: string,
  salt: Buffer,
): Promise<void> {
  await tx.db
    .updateTable('auth_user')
    .set({ password_hash: hash, password_salt: salt, enabled: true })
    .where('uuid', '=', userUuid)
    .execute();
  await tx.db.deleteFrom('session').where('user_uuid', '=', userUuid).execute();
}

export async function findPolicyUuid(tx: DbHolder, tenantUuid: string, slug: string): Promise<string | null> {
  const row = await tx.db
    .selectFrom('policy')
    .select('uuid')
    .where('tenant_uuid', '=', tenantUuid)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row?.uuid ?? null;
}

/** Creates the policy if missing and makes its ACL exactly `acl`, in order. */
export async function upsertPolicy(
  tx: DbHolder,
  tenantUuid: string,
  slug: string,
  acl: readonly string[],
): Promise<string> {
  await tx.db
    .insertInto('policy')
    .values({
      tenant_uuid: tenantUuid,
      name: slug,
      slug,
      description: 'Service account (wazo-auth-bootstrap)',
    })
    .onConflict((oc) => oc.columns(['tenant_uuid', 'slug']).doNothing())
    .execute();
  const uuid = (await findPolicyUuid(tx, tenantUuid, slug)) as string;
  await tx.db.deleteFrom('policy_access').where('policy_uuid', '=', uuid).execute();
  const unique = [...new Set(acl)];
  if (unique.length > 0)
    await tx.db
      .insertInto('policy_access')
      .values(unique.map((access, position) => ({ policy_uuid: uuid, access, position })))
      .execute();
  return uuid;
}

export async function linkUserPolicy(tx: DbHolder, userUuid: string, policyUuid: string): Promise<void> {
  await tx.db
    .insertInto('user_policy')
    .values({ user_uuid: userUuid, policy_uuid: policyUuid })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
