/**
 * The groups a tenant is born with: its all-users group (system managed, Wazo's name as name and
 * slug) and the config's `tenant_default_groups`. Both are idempotent, so the startup seeding and
 * tenant creation share them.
 */
import { type SqlBool, sql } from 'kysely';
import type { DbHolder } from '../db/auth-db.js';
import { allUsersGroupName } from './tenants.model.js';

/** Policies are found by slug in the master tenant, where config-managed policies live. */
async function policyUuidsBySlug(tx: DbHolder, slugs: readonly string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  const rows = await tx.db
    .selectFrom('policy')
    .select('uuid')
    .where(sql<SqlBool>`slug = ANY(${[...slugs]}::text[])`)
    .where(sql<SqlBool>`tenant_uuid = (SELECT uuid FROM tenant WHERE uuid = parent_uuid LIMIT 1)`)
    .execute();
  return rows.map((r) => r.uuid);
}

async function ensureGroup(
  tx: DbHolder,
  tenantUuid: string,
  slug: string,
  name: string,
  systemManaged: boolean,
): Promise<string> {
  await tx.db
    .insertInto('auth_group')
    .values({ tenant_uuid: tenantUuid, slug, name, system_managed: systemManaged })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await tx.db
    .selectFrom('auth_group')
    .select('uuid')
    .where('tenant_uuid', '=', tenantUuid)
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.uuid;
}

async function linkPolicies(tx: DbHolder, groupUuid: string, policySlugs: readonly string[]): Promise<void> {
  const policies = await policyUuidsBySlug(tx, policySlugs);
  if (policies.length === 0) return;
  await tx.db
    .insertInto('group_policy')
    .values(policies.map((policy_uuid) => ({ group_uuid: groupUuid, policy_uuid })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Creates the tenant's all-users group if missing and links the enabled `all_users_policies`. */
export async function ensureAllUsersGroup(
  tx: DbHolder,
  tenantUuid: string,
  allUsersPolicies: Record<string, boolean> = {},
): Promise<string> {
  const name = allUsersGroupName(tenantUuid);
  const uuid = await ensureGroup(tx, tenantUuid, name, name, true);
  const enabled = Object.entries(allUsersPolicies)
    .filter(([, on]) => on)
    .map(([slug]) => slug);
  await linkPolicies(tx, uuid, enabled);
  return uuid;
}

export interface DefaultGroupConfig {
  name?: string;
  policies?: Record<string, boolean>;
}

/** Creates the config's default groups missing in the tenant, with their enabled policies. */
export async function ensureDefaultGroups(
  tx: DbHolder,
  tenantUuid: string,
  groups: Record<string, DefaultGroupConfig | null | undefined>,
): Promise<void> {
  for (const [slug, group] of Object.entries(groups)) {
    if (!group) continue;
    const uuid = await ensureGroup(tx, tenantUuid, slug, group.name ?? slug, false);
    const enabled = Object.entries(group.policies ?? {})
      .filter(([, on]) => on)
      .map(([policy]) => policy);
    await linkPolicies(tx, uuid, enabled);
  }
}
