/**
 * SQL of the call pickups: `pickup`, with each pickup's interceptors and targets
 * (`pickup_member`, the users' and groups' names joined) read with it.
 */
import { inTenants } from '@wazo-ts/db';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type {
  CallPickup,
  CallPickupFields,
  CallPickupMembers,
  CallPickupRole,
  CallPickupRow,
} from './call-pickups.model.js';

/** Wazo's call pickup search: name and description; every column filters; sorted by name. */
export const callPickupSearchConfig: SearchConfig = {
  columns: {
    id: 'pickup.id',
    name: 'pickup.name',
    description: 'pickup.description',
    enabled: 'pickup.enabled',
  },
  search: ['name', 'description'],
  defaultSort: 'name',
  key: 'pickup.id',
};

function scoped(tx: Tx, scope: TenantScope) {
  return tx.db
    .selectFrom('pickup')
    .selectAll('pickup')
    .where(inTenants('pickup.tenant_uuid', scope.tenantUuids));
}

const empty = (): CallPickupMembers => ({ groups: [], users: [] });

/** The interceptors and targets of each pickup of `rows`, in the order they were given. */
async function withMembers(tx: Tx, rows: CallPickupFields[]): Promise<CallPickup[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const sides = new Map<number, Record<CallPickupRole, CallPickupMembers>>(
    ids.map((id) => [id, { interceptor: empty(), target: empty() }]),
  );
  const users = await tx.db
    .selectFrom('pickup_member as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.pickup_id', 'm.role', 'u.uuid', 'u.firstname', 'u.lastname'])
    .where('m.pickup_id', 'in', ids)
    .orderBy('m.id')
    .execute();
  for (const { pickup_id, role, ...user } of users) sides.get(pickup_id)?.[role].users.push(user);
  const groups = await tx.db
    .selectFrom('pickup_member as m')
    .innerJoin('groups as g', 'g.id', 'm.group_id')
    .select(['m.pickup_id', 'm.role', 'g.id', 'g.name'])
    .where('m.pickup_id', 'in', ids)
    .orderBy('m.id')
    .execute();
  for (const { pickup_id, role, ...group } of groups) sides.get(pickup_id)?.[role].groups.push(group);
  return rows.map((row) => {
    const side = sides.get(row.id)!;
    return { ...row, interceptors: side.interceptor, targets: side.target };
  });
}

export function createCallPickupsDao() {
  return {
    async create(tx: Tx, row: CallPickupRow): Promise<CallPickup> {
      const created = await tx.db.insertInto('pickup').values(row).returningAll().executeTakeFirstOrThrow();
      return (await withMembers(tx, [created]))[0]!;
    },

    async find(tx: Tx, scope: TenantScope, id: number): Promise<CallPickup | null> {
      const row = await scoped(tx, scope).where('pickup.id', '=', id).executeTakeFirst();
      return row ? (await withMembers(tx, [row]))[0]! : null;
    },

    /** The id of the tenant's call pickup named `name`, if any. */
    async idByName(tx: Tx, tenantUuid: string, name: string): Promise<number | null> {
      const row = await tx.db
        .selectFrom('pickup')
        .select('id')
        .where('tenant_uuid', '=', tenantUuid)
        .where('name', '=', name)
        .executeTakeFirst();
      return row?.id ?? null;
    },

    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<CallPickup>> {
      const page = await runSearch(scoped(tx, scope), callPickupSearchConfig, params);
      return { total: page.total, items: await withMembers(tx, page.items) };
    },

    /** Replaces the fields of `id` (found in scope by the caller). */
    async update(tx: Tx, id: number, row: CallPickupRow): Promise<void> {
      const { tenant_uuid: _tenant, ...columns } = row;
      await tx.db.updateTable('pickup').set(columns).where('id', '=', id).execute();
    },

    /** Deletes `id`; its members go with it. */
    async delete(tx: Tx, id: number): Promise<void> {
      await tx.db.deleteFrom('pickup').where('id', '=', id).execute();
    },

    /** The pickup's users on `role` become exactly `userIds`, in this order. */
    async replaceUsers(tx: Tx, id: number, role: CallPickupRole, userIds: readonly number[]): Promise<void> {
      await tx.db
        .deleteFrom('pickup_member')
        .where('pickup_id', '=', id)
        .where('role', '=', role)
        .where('user_id', 'is not', null)
        .execute();
      if (userIds.length === 0) return;
      await tx.db
        .insertInto('pickup_member')
        .values(userIds.map((user_id) => ({ pickup_id: id, role, user_id })))
        .execute();
    },

    /** The pickup's groups on `role` become exactly `groupIds`, in this order. */
    async replaceGroups(
      tx: Tx,
      id: number,
      role: CallPickupRole,
      groupIds: readonly number[],
    ): Promise<void> {
      await tx.db
        .deleteFrom('pickup_member')
        .where('pickup_id', '=', id)
        .where('role', '=', role)
        .where('group_id', 'is not', null)
        .execute();
      if (groupIds.length === 0) return;
      await tx.db
        .insertInto('pickup_member')
        .values(groupIds.map((group_id) => ({ pickup_id: id, role, group_id })))
        .execute();
    },
  };
}

export type CallPickupsDao = ReturnType<typeof createCallPickupsDao>;
