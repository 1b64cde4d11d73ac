/** wazo-auth as the daemon kit sees it: name, port, config keys, plugins and resources. */
import { type BaseConfig, type DaemonDefinition, packageVersion } from '@wazo-ts/daemon';
import { backendsPlugin } from './backends/index.js';
import { bootstrapUserPlugin } from './bootstrap/index.js';
import { AuthConfigSchema, type AuthOwnConfig } from './config.js';
import { groupsPlugin } from './groups/index.js';
import { renderAuthValidationError } from './http/validation-errors.js';
import { builtInPolicies } from './policies/built-in.js';
import { defaultPoliciesPlugin, policiesPlugin } from './policies/index.js';
import { refreshTokensPlugin } from './refresh-tokens/index.js';
import { type AuthResources, createAuthResources } from './resources.js';
import { sessionsPlugin } from './sessions/index.js';
import { tenantsPlugin } from './tenants/index.js';
import { tokensPlugin } from './tokens/index.js';
import { usersPlugin } from './users/index.js';
import { createLocalTokenVerifier } from './verifier/index.js';

export type AuthConfig = BaseConfig & AuthOwnConfig;

export const authDaemon: DaemonDefinition<AuthConfig, AuthResources> = {
  name: 'auth',
  apiVersion: '0.1',
  version: packageVersion(import.meta.url),
  defaultPort: 9497,
  configSchema: AuthConfigSchema,
  // wazo-auth concatenates lists across config files, so packages can add default policies.
  configListMerge: 'concat',
  defaults: {
    ...builtInPolicies(),
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
  renderValidationError: renderAuthValidationError,
  plugins: [
    tokensPlugin,
    sessionsPlugin,
    refreshTokensPlugin,
    tenantsPlugin,
    backendsPlugin,
    policiesPlugin,
    groupsPlugin,
    usersPlugin,
    // Before the bootstrap user, whose policy may be one of the configured defaults.
    defaultPoliciesPlugin,
    bootstrapUserPlugin,
  ],
  createResources: createAuthResources,
  createTokenVerifier: ({ resources }) =>
    createLocalTokenVerifier(resources.db, { cache: resources.tokenCache }),
};
