/** What wazo-chatd's daos take: the database or a transaction on it (a transaction is a Kysely too). */
import type { Tx } from '@wazo-ts/db';
import type { ChatdDatabase } from './schema.js';

export type ChatdDb = Tx<ChatdDatabase>['db'];
