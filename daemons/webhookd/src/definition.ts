/** wazo-webhookd as the daemon kit sees it: name, port, config keys, plugins and resources. */
import type { BaseConfig, DaemonDefinition } from '@wazo-ts/daemon';
import { WebhookdConfigSchema, type WebhookdOwnConfig } from './config.js';
import { greetingPlugin } from './greeting.plugin.js';
import { createWebhookdResources, type WebhookdResources } from './resources.js';

export type WebhookdConfig = BaseConfig & WebhookdOwnConfig;

export const webhookdDaemon: DaemonDefinition<WebhookdConfig, WebhookdResources> = {
  name: 'webhookd',
  apiVersion: '1.0',
  defaultPort: 9300,
  configSchema: WebhookdConfigSchema,
  // 'required' when the daemon calls other daemons with its own token (auth.key_file).
  serviceToken: 'optional',
  plugins: [greetingPlugin],
  createResources: createWebhookdResources,
};
