/**
 * The default policies wazo-auth ships (etc/conf.d/50-default-policies.yml): an admin policy and
 * a PBX user policy given to every user, so the platform is usable out of the box. They are the
 * lowest config layer: a config file can add policies, change these or drop one with `null`.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const file = new URL('../../etc/conf.d/50-default-policies.yml', import.meta.url);

export function builtInPolicies(): {
  default_policies: Record<string, unknown>;
  all_users_policies: Record<string, boolean>;
} {
  const parsed = parse(readFileSync(file, 'utf8')) as {
    default_policies: Record<string, unknown>;
    all_users_policies: Record<string, boolean>;
  };
  return { default_policies: parsed.default_policies, all_users_policies: parsed.all_users_policies };
}
