/** What wazo-auth's daos take: the database or a transaction on it (a transaction is a Kysely too). */
import type { Tx } from '@wazo-ts/db';
import type { Kysely } from 'kysely';
import type { AuthDatabase } from './schema.js';

export type AuthDb = Tx<AuthDatabase>['db'];

/** A `Tx<AuthDatabase>`, or anything holding the database. */
export interface DbHolder {
  readonly db: Kysely<AuthDatabase>;
}
