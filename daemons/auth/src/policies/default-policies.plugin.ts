/**
 * Applies the config's default policies at start (when `update_policy_on_startup`). It needs the
 * master tenant: list it after the startup plugin that seeds it.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import type { AuthConfig } from '../definition.js';
import { groupsDao } from '../groups/groups.dao.js';
import type { AuthResources } from '../resources.js';
import { tenantTree } from '../tenant-tree/index.js';
import { applyDefaultPolicies } from './default-policies.js';
import { policiesDao } from './policies.dao.js';

export const defaultPoliciesPlugin: DaemonPlugin<AuthConfig, AuthResources> = {
  name: 'default_policies',
  async load({ config, resources, logger }) {
    if (!config.update_policy_on_startup) return;
    const outcome = await applyDefaultPolicies(
      {
        uow: resources.uow,
        dao: policiesDao,
        groups: groupsDao,
        tenants: tenantTree,
        warn: (message, details) => logger.warn(details, message),
      },
      config,
    );
    logger.info(outcome, 'default policies applied');
  },
};
