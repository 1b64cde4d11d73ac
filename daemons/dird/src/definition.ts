/** wazo-dird as the daemon kit sees it: name, port, config keys, plugins and resources. */
import { type BaseConfig, type DaemonDefinition, packageVersion } from '@wazo-ts/daemon';
import { backendsPlugin } from './backends/backends.routes.js';
import { phonebookSourceContactsPlugin } from './backends/phonebook/phonebook-contacts.routes.js';
import { DirdConfigSchema, type DirdOwnConfig } from './config.js';
import { displaysPlugin } from './displays/displays.routes.js';
import { lookupPlugin } from './lookup/lookup.plugin.js';
import { personalPlugin } from './personal/personal.routes.js';
import { phonebooksPlugin } from './phonebooks/phonebooks.routes.js';
import { profilesPlugin } from './profiles/profiles.routes.js';
import { createDirdResources, type DirdResources } from './resources.js';
import { sourcesPlugin } from './sources/sources.routes.js';
import { tenantSyncPlugin } from './tenants/tenant-sync.plugin.js';

export type DirdConfig = BaseConfig & DirdOwnConfig;

export const dirdDaemon: DaemonDefinition<DirdConfig, DirdResources> = {
  name: 'dird',
  apiVersion: '0.1',
  version: packageVersion(import.meta.url),
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
  plugins: [
    backendsPlugin,
    sourcesPlugin,
    displaysPlugin,
    profilesPlugin,
    tenantSyncPlugin,
    personalPlugin,
    phonebooksPlugin,
    phonebookSourceContactsPlugin,
    lookupPlugin,
  ],
  createResources: createDirdResources,
};
