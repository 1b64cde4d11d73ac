/** wazo-dird's schema migrations, applied in name order by @wazo-ts/db's runner. */
import { busTablesMigration, type MigrationSet } from '@wazo-ts/db';
import * as configuration from './0001_configuration.js';
import * as numberDisplayText from './0002_number_display_text.js';
import * as tenantProvisioned from './0003_tenant_provisioned.js';
import * as favorites from './0010_favorites.js';
import * as contacts from './0020_contacts.js';

export const dirdMigrations: MigrationSet = {
  key: 'dird',
  migrations: {
    '0000_bus_outbox': busTablesMigration,
    '0001_configuration': configuration,
    '0002_number_display_text': numberDisplayText,
    '0003_tenant_provisioned': tenantProvisioned,
    '0010_favorites': favorites,
    '0020_contacts': contacts,
  },
};
