/** wazo-auth's schema migrations, applied in name order by @wazo-ts/db's runner. */
import { busTablesMigration, type MigrationSet } from '@wazo-ts/db';
import * as identity from './0001_identity.js';
import * as tokens from './0002_tokens.js';
import * as loginGuard from './0003_login_guard.js';

export const authMigrations: MigrationSet = {
  key: 'auth',
  migrations: {
    // The bus outbox and processed events. (Databases made before @wazo-ts/db also hold the
    // Service API's unaccent(), which this migration once borrowed; wazo-auth never calls it.)
    '0000_bus_outbox': busTablesMigration,
    '0001_identity': identity,
    '0002_tokens': tokens,
    '0003_login_guard': loginGuard,
  },
};
