/**
 * The users dao: the only code with the users table's SQL. Reads and writes are scoped to tenants; the
 * lookups by e-mail and username are platform-wide on purpose (both are unique across tenants)
 * and answer only an id.
 */

import { inTenants, isUuid, oneOf } from '@wazo-ts/db';
import { type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { Tx } from '../db/unit-of-work.js';
import { dropDestinationsTo } from '../fallbacks/fallbacks.dao.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import { parseUserKey } from './user-key.js';
import {
  mainLineFiltersOf,
  USER_LINE_FILTER_NAMES,
  usersMatchingLine,
  usersSearchedByLine,
} from './user-line-filters.js';
import { type UserRow, userFromRow, userRowValues } from './users.mapping.js';
import type { User, UserKey, UserValues } from './users.model.js';

/**
 * Wazo's user search on the users table. Every column is an exact filter; `exten`, `extension`,
 * `context` and `provisioning_code` (the main line's) are answered by user-line-filters.ts, which
 * also widens `search` to the main extension; `voicemail_number` is the number of the user's
 * enabled voicemail (xivo-dao joins only those).
 */
export const userSearchConfig: SearchConfig = {
  columns: Object.fromEntries(
    [
      'id',
      'uuid',
      'firstname',
      'lastname',
      'fullname',
      'caller_id',
      'description',
      'userfield',
      'email',
      'mobile_phone_number',
      'music_on_hold',
      'outgoing_caller_id',
      'preprocess_subroutine',
      'username',
      'enabled',
      'subscription_type',
    ].map((name) => [name, `users.${name}`]),
  ),
  search: [
    'fullname',
    'caller_id',
    'description',
    'userfield',
    'email',
    'mobile_phone_number',
    'preprocess_subroutine',
    'outgoing_caller_id',
    'username',
    'subscription_type',
  ],
  defaultSort: 'lastname',
  key: 'users.id',
  sortInsensitive: ['firstname', 'lastname', 'fullname', 'description'],
  indexedDocument: true,
};

/** Limits a search to some users, e.g. those whose main line has the extension searched. */
export interface SearchRestriction {
  ids?: readonly number[];
}

type UsersQuery = SelectQueryBuilder<Database, 'users', UserRow>;

/** The users of the scope's tenants, with every column the model needs. */
export function scopedUsers(tx: Tx, scope: TenantScope): UsersQuery {
  const query = tx.db.selectFrom('users').selectAll('users');
  return query.where(inTenants('users.tenant_uuid', scope.tenantUuids));
}

/** The scoped user named by `key`, or undefined (also for a key that cannot name a user). */
export async function findUserRow(tx: Tx, scope: TenantScope, key: UserKey): Promise<UserRow | undefined> {
  const parsed = parseUserKey(key);
  if (!parsed) return undefined;
  const query = scopedUsers(tx, scope);
  return 'id' in parsed
    ? query.where('users.id', '=', parsed.id).executeTakeFirst()
    : query.where('users.uuid', '=', parsed.uuid).executeTakeFirst();
}

function withFilters(
  tx: Tx,
  scope: TenantScope,
  params: SearchParams,
  restriction: SearchRestriction,
): UsersQuery {
  let q = scopedUsers(tx, scope);
  const uuid = params.filters?.uuid;
  const lineFilters = mainLineFiltersOf(params.filters ?? {});
  if (lineFilters) q = q.where(usersMatchingLine(tx, scope, lineFilters));
  if (uuid !== undefined) {
    // Wazo's column is text, so a malformed uuid simply matches nothing.
    const uuids = (Array.isArray(uuid) ? uuid : [uuid]).map(String).filter(isUuid);
    q = q.where(oneOf('users.uuid', uuids));
  }
  if (restriction.ids) {
    q = q.where(oneOf('users.id', restriction.ids));
  }
  const voicemailNumber = params.filters?.voicemail_number;
  if (voicemailNumber !== undefined) {
    const numbers = (Array.isArray(voicemailNumber) ? voicemailNumber : [voicemailNumber]).map(String);
    q = q.where('users.uuid', 'in', (sub) =>
      sub
        .selectFrom('user_voicemail')
        .innerJoin('voicemail', 'voicemail.id', 'user_voicemail.voicemail_id')
        .select('user_voicemail.user_uuid')
        .where('voicemail.enabled', '=', true)
        .where(oneOf('voicemail.number', numbers)),
    );
  }
  return q;
}

/** The filters the users table answers itself (uuid and the main line's are joined apart). */
function ownFilters(filters: SearchParams['filters']): SearchParams['filters'] {
  const skip = new Set(['uuid', ...USER_LINE_FILTER_NAMES]);
  return Object.fromEntries(Object.entries(filters ?? {}).filter(([name]) => !skip.has(name)));
}

export function createUsersDao() {
  return {
    async search(
      tx: Tx,
      scope: TenantScope,
      params: SearchParams,
      restriction: SearchRestriction = {},
    ): Promise<SearchResult<User>> {
      const filters = ownFilters(params.filters);
      const query = withFilters(tx, scope, params, restriction);
      const byLine = params.search ? await usersSearchedByLine(tx, scope, params.search) : [];
      const alsoMatching = byLine.length > 0 ? oneOf('users.id', byLine) : undefined;
      const result = await runSearch(query, userSearchConfig, { ...params, filters }, { alsoMatching });
      return { total: result.total, items: result.items.map(userFromRow) };
    },

    async find(tx: Tx, scope: TenantScope, key: UserKey): Promise<User | undefined> {
      const row = await findUserRow(tx, scope, key);
      return row && userFromRow(row);
    },

    async findIdByEmail(tx: Tx, email: string): Promise<number | undefined> {
      const row = await tx.db
        .selectFrom('users')
        .select('id')
        .where(sql<string>`lower(email)`, '=', email.toLowerCase())
        .executeTakeFirst();
      return row?.id;
    },

    async findIdByUsername(tx: Tx, username: string): Promise<number | undefined> {
      const row = await tx.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirst();
      return row?.id;
    },

    /** Undefined when the tenant is outside the scope: nothing is written. */
    async create(
      tx: Tx,
      scope: TenantScope,
      tenantUuid: string,
      values: UserValues,
    ): Promise<User | undefined> {
      if (!scope.tenantUuids.includes(tenantUuid)) return undefined;
      const row = await tx.db
        .insertInto('users')
        .values({ ...userRowValues(values), firstname: values.firstname, tenant_uuid: tenantUuid })
        .returningAll()
        .executeTakeFirstOrThrow();
      return userFromRow(row);
    },

    /** Writes the given fields of a user of the scope; undefined when there is no such user. */
    async edit(
      tx: Tx,
      scope: TenantScope,
      id: number,
      values: Partial<UserValues>,
    ): Promise<User | undefined> {
      const changes = userRowValues(values);
      if (Object.keys(changes).length > 0) {
        await tx.db
          .updateTable('users')
          .set(changes)
          .where('id', '=', id)
          .where(inTenants('tenant_uuid', scope.tenantUuids))
          .execute();
      }
      const row = await scopedUsers(tx, scope).where('users.id', '=', id).executeTakeFirst();
      return row && userFromRow(row);
    },

    async delete(tx: Tx, scope: TenantScope, id: number): Promise<boolean> {
      // The destinations sending calls here go with it, as Wazo's dialactions.
      await dropDestinationsTo(tx, 'user', 'user_id', id);
      const result = await tx.db
        .deleteFrom('users')
        .where('id', '=', id)
        .where(inTenants('tenant_uuid', scope.tenantUuids))
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type UsersDao = ReturnType<typeof createUsersDao>;
