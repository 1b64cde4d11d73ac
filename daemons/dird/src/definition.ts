/** wazo-dird as the daemon kit sees it: name, port, config keys, plugins and resources. */
import type { BaseConfig, DaemonDefinition } from '@wazo-ts/daemon';
import { DirdConfigSchema, type DirdOwnConfig } from './config.js';
import { lookupPlugin } from './lookup/lookup.plugin.js';
import { createDirdResources, type DirdResources } from './resources.js';

export type DirdConfig = BaseConfig & DirdOwnConfig;

export const dirdDaemon: DaemonDefinition<DirdConfig, DirdResources> = {
  name: 'dird',
  apiVersion: '0.1',
  defaultPort: 9489,
  configSchema: DirdConfigSchema,
  defaults: {
    db_uri: 'postgresql://postgres@localhost/wazo_dird',
    rest_api: { cors: { allow_headers: ['Content-Type', 'X-Auth-Token', 'Wazo-Tenant'] } },
  },
  errorShape: 'api',
  // The wazo and conference backends read wazo-confd, and tenants are resynchronized from
  // wazo-auth, with dird's own token.
  serviceToken: 'required',
  plugins: [lookupPlugin],
  createResources: createDirdResources,
};
