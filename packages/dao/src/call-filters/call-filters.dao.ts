/**
 * SQL of the call filters: `call_filter`, with each filter's members (`call_filter_member`, the
 * users' names joined) and no-answer fallback (`call_filter_fallback`, written by the fallbacks
 * resource) read with it.
 */

import { inTenants } from '@wazo-ts/db';
import { deleteInScope, updateInScope } from '../db/scoped-write.js';
import type { Tx } from '../db/unit-of-work.js';
import { nameDestinationsIn } from '../schedules/destination-names.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type {
  CallFilter,
  CallFilterFields,
  CallFilterMemberRow,
  CallFilterRecipient,
  CallFilterRole,
  CallFilterRow,
  CallFilterSurrogate,
} from './call-filters.model.js';

/** Wazo's call filter search: id, name, description; sorted by name. */
export const callFilterSearchConfig: SearchConfig = {
  columns: {
    id: 'call_filter.id',
    name: 'call_filter.name',
    description: 'call_filter.description',
  },
  search: ['id', 'name', 'description'],
  defaultSort: 'name',
  key: 'call_filter.id',
};

/**
 * The code a surrogate dials to toggle the filter: Wazo's `bsfilter` feature extension (`*37`
 * by default, its pattern cleaned) followed by the member id. Feature extensions are not stored
 * here yet, so Wazo's default is used.
 */
const BSFILTER_PREFIX = '*37';

function scoped(tx: Tx, scope: TenantScope) {
  return tx.db
    .selectFrom('call_filter')
    .selectAll('call_filter')
    .where(inTenants('call_filter.tenant_uuid', scope.tenantUuids));
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The members and fallbacks of each filter of `rows`. */
async function withRelations(tx: Tx, rows: CallFilterFields[]): Promise<CallFilter[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const recipients = new Map<number, CallFilterRecipient[]>();
  const surrogates = new Map<number, CallFilterSurrogate[]>();
  const memberRows = await tx.db
    .selectFrom('call_filter_member as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.id', 'm.call_filter_id', 'm.role', 'm.timeout', 'u.uuid', 'u.firstname', 'u.lastname'])
    .where('m.call_filter_id', 'in', ids)
    .orderBy('m.priority')
    .orderBy('m.id')
    .execute();
  for (const { id, call_filter_id, role, timeout, ...user } of memberRows) {
    if (role === 'recipient') push(recipients, call_filter_id, { ...user, timeout });
    else push(surrogates, call_filter_id, { ...user, member_id: id, exten: `${BSFILTER_PREFIX}${id}` });
  }
  const fallbackRows = await tx.db
    .selectFrom('call_filter_fallback')
    .select(['call_filter_id', 'event', 'destination'])
    .where('call_filter_id', 'in', ids)
    .execute();
  const fallbacks = new Map<number, CallFilter['fallbacks']>();
  for (const row of fallbackRows)
    fallbacks.set(row.call_filter_id, {
      [`${row.event}_destination`]: row.destination,
    } as CallFilter['fallbacks']);
  return Promise.all(
    rows.map(async (row) => ({
      ...row,
      recipients: { users: recipients.get(row.id) ?? [] },
      surrogates: { users: surrogates.get(row.id) ?? [] },
      fallbacks: await nameDestinationsIn(tx, {
        noanswer_destination: null,
        ...fallbacks.get(row.id),
      } as CallFilter['fallbacks']),
    })),
  );
}

const one = async (tx: Tx, row: CallFilterFields | undefined) =>
  row ? (await withRelations(tx, [row]))[0]! : null;

export function createCallFiltersDao() {
  return {
    /** Null when the row's tenant is outside the scope: nothing is written. */
    async create(tx: Tx, scope: TenantScope, row: CallFilterRow): Promise<CallFilter | null> {
      if (!scope.tenantUuids.includes(row.tenant_uuid)) return null;
      return one(
        tx,
        await tx.db.insertInto('call_filter').values(row).returningAll().executeTakeFirstOrThrow(),
      );
    },

    async find(tx: Tx, scope: TenantScope, id: number): Promise<CallFilter | null> {
      return one(tx, await scoped(tx, scope).where('call_filter.id', '=', id).executeTakeFirst());
    },

    /** The id of the tenant's call filter named `name`, if any. */
    async idByName(tx: Tx, tenantUuid: string, name: string): Promise<number | null> {
      const row = await tx.db
        .selectFrom('call_filter')
        .select('id')
        .where('tenant_uuid', '=', tenantUuid)
        .where('name', '=', name)
        .executeTakeFirst();
      return row?.id ?? null;
    },

    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<CallFilter>> {
      const page = await runSearch(scoped(tx, scope), callFilterSearchConfig, params);
      return { total: page.total, items: await withRelations(tx, page.items) };
    },

    /** Replaces the fields of `id` if it is in scope; null when it is not. */
    async update(tx: Tx, scope: TenantScope, id: number, row: CallFilterRow): Promise<CallFilter | null> {
      const { tenant_uuid: _tenant, ...columns } = row;
      const updated = await updateInScope(tx, 'call_filter', scope, id, columns);
      return one(tx, updated);
    },

    /** Deletes `id` (its members, their function keys and its fallbacks go with it) if in scope. */
    async delete(tx: Tx, scope: TenantScope, id: number): Promise<boolean> {
      return deleteInScope(tx, 'call_filter', scope, id);
    },

    /** The user ids of the filter's members in `role`. */
    async memberUserIds(tx: Tx, callFilterId: number, role: CallFilterRole): Promise<number[]> {
      const rows = await tx.db
        .selectFrom('call_filter_member')
        .select('user_id')
        .where('call_filter_id', '=', callFilterId)
        .where('role', '=', role)
        .execute();
      return rows.map((row) => row.user_id);
    },

    /**
     * The filter's members in `role` become exactly `members`, in this order: a user already
     * there keeps its member id (and so the function keys to it); the others' members go, with
     * their keys.
     */
    async replaceMembers(
      tx: Tx,
      callFilterId: number,
      role: CallFilterRole,
      members: CallFilterMemberRow[],
    ): Promise<void> {
      const userIds = members.map((member) => member.user_id);
      let removed = tx.db
        .deleteFrom('call_filter_member')
        .where('call_filter_id', '=', callFilterId)
        .where('role', '=', role);
      if (userIds.length > 0) removed = removed.where('user_id', 'not in', userIds);
      await removed.execute();
      if (members.length === 0) return;
      await tx.db
        .insertInto('call_filter_member')
        .values(
          members.map((member, priority) => ({ call_filter_id: callFilterId, role, priority, ...member })),
        )
        .onConflict((conflict) =>
          conflict.columns(['call_filter_id', 'user_id']).doUpdateSet((eb) => ({
            timeout: eb.ref('excluded.timeout'),
            priority: eb.ref('excluded.priority'),
          })),
        )
        .execute();
    },

    /** Whether `memberId` is a member of a call filter of the tenant. */
    async memberExists(tx: Tx, tenantUuid: string, memberId: number): Promise<boolean> {
      const row = await tx.db
        .selectFrom('call_filter_member as m')
        .innerJoin('call_filter as f', 'f.id', 'm.call_filter_id')
        .select('m.id')
        .where('m.id', '=', memberId)
        .where('f.tenant_uuid', '=', tenantUuid)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Whether the user is a recipient or a surrogate of some call filter. */
    async isMember(tx: Tx, userId: number): Promise<boolean> {
      const row = await tx.db
        .selectFrom('call_filter_member')
        .select('id')
        .where('user_id', '=', userId)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

export type CallFiltersDao = ReturnType<typeof createCallFiltersDao>;
