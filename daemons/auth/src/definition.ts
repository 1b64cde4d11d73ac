/** wazo-auth as the daemon kit sees it: name, port, config keys, plugins and resources. */
import type { BaseConfig, DaemonDefinition } from '@wazo-ts/daemon';
import { backendsPlugin } from './backends/index.js';
import { AuthConfigSchema, type AuthOwnConfig } from './config.js';
import { type AuthResources, createAuthResources } from './resources.js';
import { tenantsPlugin } from './tenants/index.js';

export type AuthConfig = BaseConfig & AuthOwnConfig;

export const authDaemon: DaemonDefinition<AuthConfig, AuthResources> = {
  name: 'auth',
  apiVersion: '0.1',
  defaultPort: 9497,
  configSchema: AuthConfigSchema,
  // wazo-auth concatenates lists across config files, so packages can add default policies.
  configListMerge: 'concat',
  defaults: {
    db_uri: 'postgresql://postgres@localhost/wazo_auth',
    rest_api: {
      cors: {
        allow_headers: [
          'Authorization',
          'Content-Type',
          'X-Auth-Token',
          'Wazo-Tenant',
          'Wazo-Session-Type',
          'X-User-UUID',
        ],
      },
    },
  },
  errorShape: 'api',
  plugins: [tenantsPlugin, backendsPlugin],
  createResources: createAuthResources,
};
