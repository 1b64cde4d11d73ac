/**
 * `bootstrap_user_on_startup`: the initial admin is created (or its password reset) while the
 * plugins load, before the API serves, as Wazo does at start.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import type { AuthConfig } from '../definition.js';
import type { AuthResources } from '../resources.js';
import { ensureUser } from './bootstrap.js';

export const bootstrapUserPlugin: DaemonPlugin<AuthConfig, AuthResources> = {
  name: 'bootstrap_user',
  async load({ config, resources, logger }) {
    if (!config.bootstrap_user_on_startup) return;
    const { bootstrap_user_username: username, bootstrap_user_password: password } = config;
    if (!username || !password)
      throw new Error('bootstrap_user_on_startup needs bootstrap_user_username and bootstrap_user_password');
    await ensureUser(
      resources.db,
      { username, password, purpose: 'internal', policySlug: config.bootstrap_user_policy_slug },
      config.password_hash_iterations,
    );
    logger.info({ username }, 'bootstrap user ready');
  },
};
