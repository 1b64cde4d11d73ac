/** SQL of the users' blocklists: one `blocklist` per user, its `blocklist_number` rows. */
import { inTenants } from '@wazo-ts/db';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { BlocklistNumberRow } from './blocklists.model.js';

/** xivo-dao's blocklist search: number and label searched, user_uuid filters; sorted by number. */
export const blocklistNumberSearchConfig: SearchConfig = {
  columns: {
    number: 'blocklist_number.number',
    label: 'blocklist_number.label',
    user_uuid: 'blocklist.user_uuid',
  },
  search: ['number', 'label'],
  defaultSort: 'number',
  key: 'blocklist_number.uuid',
};

/** Which numbers a lookup may see: those of a user, of some tenants, or both. */
export interface BlocklistNumberCriteria {
  scope?: TenantScope | undefined;
  userUuid?: string | undefined;
  uuid?: string | undefined;
  number?: string | undefined;
}

function numbers(tx: Tx, criteria: BlocklistNumberCriteria) {
  let query = tx.db
    .selectFrom('blocklist_number')
    .innerJoin('blocklist', 'blocklist.uuid', 'blocklist_number.blocklist_uuid')
    .innerJoin('users', 'users.uuid', 'blocklist.user_uuid')
    .select([
      'blocklist_number.uuid',
      'blocklist_number.number',
      'blocklist_number.label',
      'blocklist_number.blocklist_uuid',
      'blocklist.user_uuid',
      'blocklist.tenant_uuid',
      'users.firstname as user_firstname',
      'users.lastname as user_lastname',
    ]);
  if (criteria.scope) query = query.where(inTenants('blocklist.tenant_uuid', criteria.scope.tenantUuids));
  if (criteria.userUuid !== undefined) query = query.where('blocklist.user_uuid', '=', criteria.userUuid);
  if (criteria.uuid !== undefined) query = query.where('blocklist_number.uuid', '=', criteria.uuid);
  if (criteria.number !== undefined) query = query.where('blocklist_number.number', '=', criteria.number);
  return query;
}

export function createBlocklistsDao() {
  return {
    search: (
      tx: Tx,
      criteria: BlocklistNumberCriteria,
      params: SearchParams,
    ): Promise<SearchResult<BlocklistNumberRow>> =>
      runSearch(numbers(tx, criteria), blocklistNumberSearchConfig, params),

    find: (tx: Tx, criteria: BlocklistNumberCriteria): Promise<BlocklistNumberRow | undefined> =>
      numbers(tx, criteria).orderBy('blocklist_number.uuid').executeTakeFirst(),

    /** The number in one blocklist, whoever looks. */
    findInBlocklist: (tx: Tx, blocklistUuid: string, number: string) =>
      tx.db
        .selectFrom('blocklist_number')
        .select('uuid')
        .where('blocklist_uuid', '=', blocklistUuid)
        .where('number', '=', number)
        .executeTakeFirst(),

    /** The user a blocklist is made for, in whichever tenant (Wazo looks it up by uuid alone). */
    findUser: (tx: Tx, userUuid: string) =>
      tx.db
        .selectFrom('users')
        .select(['uuid', 'tenant_uuid'])
        .where('uuid', '=', userUuid)
        .executeTakeFirst(),

    findBlocklist: (tx: Tx, userUuid: string) =>
      tx.db.selectFrom('blocklist').selectAll().where('user_uuid', '=', userUuid).executeTakeFirst(),

    createBlocklist: (tx: Tx, tenantUuid: string, userUuid: string) =>
      tx.db
        .insertInto('blocklist')
        .values({ tenant_uuid: tenantUuid, user_uuid: userUuid })
        .returningAll()
        .executeTakeFirstOrThrow(),

    insert: (tx: Tx, blocklistUuid: string, fields: { number: string; label: string | null }) =>
      tx.db
        .insertInto('blocklist_number')
        .values({ blocklist_uuid: blocklistUuid, ...fields })
        .returning('uuid')
        .executeTakeFirstOrThrow(),

    async update(tx: Tx, uuid: string, fields: { number: string; label: string | null }): Promise<void> {
      await tx.db.updateTable('blocklist_number').set(fields).where('uuid', '=', uuid).execute();
    },

    async remove(tx: Tx, uuid: string): Promise<void> {
      await tx.db.deleteFrom('blocklist_number').where('uuid', '=', uuid).execute();
    },
  };
}

export type BlocklistsDao = ReturnType<typeof createBlocklistsDao>;
