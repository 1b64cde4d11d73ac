/**
 * SQL of the switchboards: `switchboard`, with each switchboard's operators
 * (`switchboard_member_user`, the users' names joined) and no-answer fallback
 * (`switchboard_fallback`) read with it.
 */

import { inTenants, isUuid } from '@wazo-ts/db';
import type { Tx } from '../db/unit-of-work.js';
import { incallsRoutingTo } from '../incalls/incalls.relations.js';
import type { Destination } from '../schedules/destination.js';
import { nameDestinationsIn } from '../schedules/destination-names.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type {
  Switchboard,
  SwitchboardFallbacks,
  SwitchboardFields,
  SwitchboardMember,
  SwitchboardRow,
} from './switchboards.model.js';

/**
 * Wazo's switchboard search: by name, sorted by name. (Wazo also searches the extensions of the
 * incalls to the switchboard; there are no incalls here yet.)
 */
export const switchboardSearchConfig: SearchConfig = {
  columns: { name: 'switchboard.name' },
  search: ['name'],
  defaultSort: 'name',
  key: 'switchboard.uuid',
  sortInsensitive: ['name'],
};

function scoped(tx: Tx, scope: TenantScope) {
  return tx.db
    .selectFrom('switchboard')
    .selectAll('switchboard')
    .where(inTenants('switchboard.tenant_uuid', scope.tenantUuids));
}

/** The operators and fallbacks of each switchboard of `rows`. */
async function withRelations(tx: Tx, rows: SwitchboardFields[]): Promise<Switchboard[]> {
  if (rows.length === 0) return [];
  const uuids = rows.map((row) => row.uuid);
  const members = new Map<string, SwitchboardMember[]>();
  const memberRows = await tx.db
    .selectFrom('switchboard_member_user as m')
    .innerJoin('users as u', 'u.uuid', 'm.user_uuid')
    .select(['m.switchboard_uuid', 'u.uuid', 'u.firstname', 'u.lastname'])
    .where('m.switchboard_uuid', 'in', uuids)
    .orderBy('u.id')
    .execute();
  for (const { switchboard_uuid, ...user } of memberRows) {
    const list = members.get(switchboard_uuid);
    if (list) list.push(user);
    else members.set(switchboard_uuid, [user]);
  }
  const fallbackRows = await tx.db
    .selectFrom('switchboard_fallback')
    .select(['switchboard_uuid', 'event', 'destination'])
    .where('switchboard_uuid', 'in', uuids)
    .execute();
  const fallbacks = new Map<string, Destination>();
  for (const row of fallbackRows)
    if (row.event === 'noanswer') fallbacks.set(row.switchboard_uuid, row.destination);
  const incalls = await incallsRoutingTo(tx, 'switchboard', 'switchboard_uuid', uuids);
  return Promise.all(
    rows.map(async (row) => ({
      ...row,
      incalls: incalls.get(row.uuid) ?? [],
      members: { users: members.get(row.uuid) ?? [] },
      fallbacks: await nameDestinationsIn(tx, {
        noanswer_destination: fallbacks.get(row.uuid) ?? null,
      } as SwitchboardFallbacks),
    })),
  );
}

export function createSwitchboardsDao() {
  return {
    async create(tx: Tx, row: SwitchboardRow): Promise<Switchboard> {
      const created = await tx.db
        .insertInto('switchboard')
        .values(row)
        .returningAll()
        .executeTakeFirstOrThrow();
      return (await withRelations(tx, [created]))[0]!;
    },

    /** The switchboard `uuid` among the scope's tenants; null for anything else (not a uuid too). */
    async find(tx: Tx, scope: TenantScope, uuid: string): Promise<Switchboard | null> {
      if (!isUuid(uuid)) return null;
      const row = await scoped(tx, scope).where('switchboard.uuid', '=', uuid).executeTakeFirst();
      return row ? (await withRelations(tx, [row]))[0]! : null;
    },

    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<Switchboard>> {
      const page = await runSearch(scoped(tx, scope), switchboardSearchConfig, params);
      return { total: page.total, items: await withRelations(tx, page.items) };
    },

    /** Replaces the fields of `uuid` (found in scope by the caller). */
    async update(tx: Tx, uuid: string, row: SwitchboardRow): Promise<void> {
      const { tenant_uuid: _tenant, ...columns } = row;
      await tx.db.updateTable('switchboard').set(columns).where('uuid', '=', uuid).execute();
    },

    /** Deletes `uuid`; its operators and fallback go with it. */
    async delete(tx: Tx, uuid: string): Promise<void> {
      await tx.db.deleteFrom('switchboard').where('uuid', '=', uuid).execute();
    },

    /** The switchboard's operators become exactly `userUuids` (each once). */
    async replaceMembers(tx: Tx, uuid: string, userUuids: readonly string[]): Promise<void> {
      await tx.db.deleteFrom('switchboard_member_user').where('switchboard_uuid', '=', uuid).execute();
      const unique = [...new Set(userUuids)];
      if (unique.length === 0) return;
      await tx.db
        .insertInto('switchboard_member_user')
        .values(unique.map((user_uuid) => ({ switchboard_uuid: uuid, user_uuid })))
        .execute();
    },

    /** The uuids of the switchboards of the scope that `userUuid` operates. */
    async switchboardsOf(tx: Tx, scope: TenantScope, userUuid: string): Promise<string[]> {
      if (!isUuid(userUuid)) return [];
      const rows = await tx.db
        .selectFrom('switchboard_member_user as m')
        .innerJoin('switchboard as s', 's.uuid', 'm.switchboard_uuid')
        .select('s.uuid')
        .where('m.user_uuid', '=', userUuid)
        .where(inTenants('s.tenant_uuid', scope.tenantUuids))
        .orderBy('s.uuid')
        .execute();
      return rows.map((row) => row.uuid);
    },

    /** The switchboard's no-answer fallback becomes `destination` (null: none). */
    async replaceFallback(tx: Tx, uuid: string, destination: Destination | null): Promise<void> {
      await tx.db.deleteFrom('switchboard_fallback').where('switchboard_uuid', '=', uuid).execute();
      if (destination === null) return;
      await tx.db
        .insertInto('switchboard_fallback')
        .values({ switchboard_uuid: uuid, event: 'noanswer', destination: JSON.stringify(destination) })
        .execute();
    },
  };
}

export type SwitchboardsDao = ReturnType<typeof createSwitchboardsDao>;
