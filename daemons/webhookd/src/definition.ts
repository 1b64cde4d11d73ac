/** wazo-webhookd as the daemon kit sees it: name, port, config keys, plugins and resources. */
import { type BaseConfig, type DaemonDefinition, packageVersion } from '@wazo-ts/daemon';
import { WebhookdConfigSchema, type WebhookdOwnConfig } from './config.js';
import { deliveryPlugin } from './delivery/delivery.plugin.js';
import { housekeepingPlugin } from './housekeeping/index.js';
import { masterTenantPlugin } from './master-tenant/index.js';
import { createWebhookdResources, type WebhookdResources } from './resources.js';
import { subscriptionsPlugin } from './subscriptions/index.js';

export type WebhookdConfig = BaseConfig & WebhookdOwnConfig;

export const webhookdDaemon: DaemonDefinition<WebhookdConfig, WebhookdResources> = {
  name: 'webhookd',
  apiVersion: '1.0',
  version: packageVersion(import.meta.url),
  defaultPort: 9300,
  configSchema: WebhookdConfigSchema,
  defaults: { db_uri: 'postgresql://postgres@localhost/wazo_webhookd' },
  errorShape: 'api',
  // Its token names the master tenant (bus bindings wait for it) and reads wazo-auth's users for
  // the mobile service; the REST API works without it.
  serviceToken: 'optional',
  plugins: [masterTenantPlugin, subscriptionsPlugin, housekeepingPlugin, deliveryPlugin()],
  createResources: createWebhookdResources,
};
