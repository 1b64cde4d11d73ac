/** wazo-webhookd's schema migrations, applied in name order by @wazo-ts/db's runner. */
import { busTablesMigration, type MigrationSet } from '@wazo-ts/db';
import * as subscriptions from './0001_subscriptions.js';
import * as deliveries from './0010_deliveries.js';

export const webhookdMigrations: MigrationSet = {
  key: 'webhookd',
  migrations: {
    '0000_bus_outbox': busTablesMigration,
    '0001_subscriptions': subscriptions,
    '0010_deliveries': deliveries,
  },
};
