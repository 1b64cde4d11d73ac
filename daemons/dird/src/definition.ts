/** wazo-dird as the daemon kit sees it: name, port, config keys, plugins and resources. */
import type { BaseConfig, DaemonDefinition } from '@wazo-ts/daemon';
import { DirdConfigSchema, type DirdOwnConfig } from './config.js';
import { greetingPlugin } from './greeting.plugin.js';
import { createDirdResources, type DirdResources } from './resources.js';

export type DirdConfig = BaseConfig & DirdOwnConfig;

export const dirdDaemon: DaemonDefinition<DirdConfig, DirdResources> = {
  name: 'dird',
  apiVersion: '1.0',
  defaultPort: 9489,
  configSchema: DirdConfigSchema,
  // 'required' when the daemon calls other daemons with its own token (auth.key_file).
  serviceToken: 'optional',
  plugins: [greetingPlugin],
  createResources: createDirdResources,
};
