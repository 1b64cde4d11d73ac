/** The subscriptions plugin: the admin routes and a user's own. */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import type { WebhookdConfig } from '../definition.js';
import type { WebhookdResources } from '../resources.js';
import { adminRoutes } from './admin.routes.js';
import { userRoutes } from './user.routes.js';

export const subscriptionsPlugin: DaemonPlugin<WebhookdConfig, WebhookdResources> = {
  name: 'subscriptions',
  load({ api, config, resources }) {
    adminRoutes(api, resources, resources.subscriptions);
    userRoutes(api, config, resources.subscriptions);
  },
};
