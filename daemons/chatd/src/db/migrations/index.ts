/**
 * wazo-chatd's schema migrations, applied in name order by @wazo-ts/db's runner. 0001-0009 are
 * presence's tables; rooms and messages take 0010 on.
 */
import { busTablesMigration, type MigrationSet } from '@wazo-ts/db';
import * as presenceUsers from './0001_presence_users.js';
import * as presenceSessions from './0002_presence_sessions.js';
import * as presenceLines from './0003_presence_lines.js';
import * as rooms from './0010_rooms.js';

export const chatdMigrations: MigrationSet = {
  key: 'chatd',
  migrations: {
    '0000_bus_outbox': busTablesMigration,
    '0001_presence_users': presenceUsers,
    '0002_presence_sessions': presenceSessions,
    '0003_presence_lines': presenceLines,
    '0010_rooms': rooms,
  },
};
