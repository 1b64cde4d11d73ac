/**
 * The config's policies (reference §3): `default_policies` are kept in the master tenant as
 * config-managed (read-only) policies, upserted at start; `all_users_policies` are given to every
 * tenant's all-users group (and taken back once unlisted); a config-managed policy no longer
 * configured is deleted unless something still uses it. Idempotent: safe on every start.
 */
import type { Tx, UnitOfWork } from '@wazo-ts/db';
import type { AuthDatabase } from '../db/schema.js';
import type { GroupsDao } from '../groups/groups.dao.js';
import type { TenantTree } from '../tenant-tree/index.js';
import type { PoliciesDao } from './policies.dao.js';

export interface ConfiguredPolicy {
  name?: string | undefined;
  description?: string | null | undefined;
  acl?: string[] | undefined;
  shared?: boolean | undefined;
}

export interface DefaultPoliciesConfig {
  default_policies: Record<string, ConfiguredPolicy | null>;
  all_users_policies: Record<string, boolean>;
}

export interface DefaultPoliciesDeps {
  uow: UnitOfWork<AuthDatabase>;
  dao: PoliciesDao;
  groups: Pick<GroupsDao, 'listAllUsersGroups' | 'addPolicy' | 'removePolicy'>;
  tenants: TenantTree;
  warn: (message: string, details: Record<string, unknown>) => void;
}

export interface DefaultPoliciesOutcome {
  applied: boolean;
  upserted: string[];
  deleted: string[];
  kept: string[];
}

type AuthTx = Tx<AuthDatabase>;

async function upsert(
  tx: AuthTx,
  deps: DefaultPoliciesDeps,
  master: string,
  slug: string,
  policy: ConfiguredPolicy,
) {
  const fields = {
    name: policy.name ?? slug,
    description: policy.description ?? 'Automatically created',
    shared: policy.shared ?? false,
    config_managed: true,
  };
  const existing = await deps.dao.findTenantPolicyBySlug(tx, master, slug);
  if (existing) await deps.dao.update(tx, existing.uuid, fields, policy.acl ?? []);
  else await deps.dao.insert(tx, { tenant_uuid: master, slug, ...fields }, policy.acl ?? []);
}

async function linkAllUsers(
  tx: AuthTx,
  deps: DefaultPoliciesDeps,
  master: string,
  config: DefaultPoliciesConfig,
) {
  const groups = await deps.groups.listAllUsersGroups(tx);
  for (const policy of await deps.dao.listConfigManaged(tx)) {
    const wanted = policy.tenant_uuid === master && config.all_users_policies[policy.slug] === true;
    for (const group of groups)
      await (wanted
        ? deps.groups.addPolicy(tx, group.uuid, policy.uuid)
        : deps.groups.removePolicy(tx, group.uuid, policy.uuid));
  }
  for (const [slug, enabled] of Object.entries(config.all_users_policies))
    if (enabled && !(await deps.dao.findTenantPolicyBySlug(tx, master, slug)))
      deps.warn('all_users_policies: no such policy', { slug });
}

export async function applyDefaultPolicies(
  deps: DefaultPoliciesDeps,
  config: DefaultPoliciesConfig,
): Promise<DefaultPoliciesOutcome> {
  return deps.uow.run(async (tx) => {
    const outcome: DefaultPoliciesOutcome = { applied: false, upserted: [], deleted: [], kept: [] };
    const master = await deps.tenants.masterTenantOf(tx.db);
    if (!master) {
      deps.warn('default_policies: no master tenant yet, nothing applied', {});
      return outcome;
    }
    const configured = Object.entries(config.default_policies).filter(
      (entry): entry is [string, ConfiguredPolicy] => entry[1] !== null,
    );
    for (const [slug, policy] of configured) {
      await upsert(tx, deps, master, slug, policy);
      outcome.upserted.push(slug);
    }
    await linkAllUsers(tx, deps, master, config);
    const slugs = new Set(configured.map(([slug]) => slug));
    for (const policy of await deps.dao.listConfigManaged(tx)) {
      if (slugs.has(policy.slug) && policy.tenant_uuid === master) continue;
      if (await deps.dao.isAssociated(tx, policy.uuid)) {
        deps.warn('default_policies: unconfigured policy still associated, kept', { slug: policy.slug });
        outcome.kept.push(policy.slug);
      } else {
        await deps.dao.delete(tx, policy.uuid);
        outcome.deleted.push(policy.slug);
      }
    }
    outcome.applied = true;
    return outcome;
  });
}
