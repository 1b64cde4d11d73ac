/**
 * The `user` plugin the daemon loads: the users routes and the user sub-resources that live in
 * this folder (services, forwards), as Wazo's `user` plugin carries its sub-resources.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { userForwardsPlugin, userServicesPlugin } from './user-settings.plugins.js';
import { usersPlugin as usersRoutesPlugin } from './users.routes.js';

export const usersPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: usersRoutesPlugin.name,
  async load(dependencies) {
    for (const plugin of [usersRoutesPlugin, userServicesPlugin, userForwardsPlugin])
      await plugin.load(dependencies);
  },
};
