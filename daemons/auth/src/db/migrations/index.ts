/** wazo-auth's schema migrations, applied in name order by the Service API library's runner. */
import { type MigrationSet, serviceApiMigrations } from '@wazo-ts/dao';
import * as identity from './0001_identity.js';
import * as tokens from './0002_tokens.js';

export const authMigrations: MigrationSet = {
  key: 'auth',
  migrations: {
    // The same tables as the Service API's first migration: the bus outbox, processed events and
    // the unaccent() function the search contract uses.
    '0000_bus_outbox': serviceApiMigrations.migrations['0000_bus_outbox']!,
    '0001_identity': identity,
    '0002_tokens': tokens,
  },
};
