/** SQL of the call permissions resource: `call_permissions`, with the users and groups linked to each. */

import { inTenants } from '@wazo-ts/db';
import { deleteInScope, updateInScope } from '../db/scoped-write.js';
import type { Tx } from '../db/unit-of-work.js';
import { outcallsLinkedTo } from '../outcalls/outcall-relations.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type {
  CallPermission,
  CallPermissionFields,
  CallPermissionRelations,
  CallPermissionRow,
} from './call-permissions.model.js';

/** Wazo's call permission search: id, name, description, enabled, mode; sorted by name. */
export const callPermissionSearchConfig: SearchConfig = {
  columns: {
    id: 'call_permissions.id',
    name: 'call_permissions.name',
    description: 'call_permissions.description',
    enabled: 'call_permissions.enabled',
    mode: 'call_permissions.mode',
  },
  search: ['id', 'name', 'description', 'enabled', 'mode'],
  defaultSort: 'name',
  key: 'call_permissions.id',
  sortInsensitive: ['name', 'description'],
};

function scoped(tx: Tx, scope: TenantScope) {
  return tx.db
    .selectFrom('call_permissions')
    .selectAll('call_permissions')
    .where(inTenants('call_permissions.tenant_uuid', scope.tenantUuids));
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The users and groups of each call permission of `rows`. */
async function withRelations(tx: Tx, rows: CallPermissionFields[]): Promise<CallPermission[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const users = new Map<number, CallPermissionRelations['users']>();
  const groups = new Map<number, CallPermissionRelations['groups']>();
  const userRows = await tx.db
    .selectFrom('user_call_permissions as link')
    .innerJoin('users as u', 'u.uuid', 'link.user_uuid')
    .select(['link.call_permission_id', 'u.uuid', 'u.firstname', 'u.lastname'])
    .where('link.call_permission_id', 'in', ids)
    .orderBy('u.id')
    .execute();
  for (const { call_permission_id, ...user } of userRows) push(users, call_permission_id, user);
  const groupRows = await tx.db
    .selectFrom('group_call_permissions as link')
    .innerJoin('groups as g', 'g.id', 'link.group_id')
    .select(['link.call_permission_id', 'g.uuid', 'g.id', 'g.name'])
    .where('link.call_permission_id', 'in', ids)
    .orderBy('g.id')
    .execute();
  for (const { call_permission_id, ...group } of groupRows) push(groups, call_permission_id, group);
  const outcalls = await outcallsLinkedTo(tx, 'call_permission', ids);
  return rows.map((row) => ({
    ...row,
    users: users.get(row.id) ?? [],
    groups: groups.get(row.id) ?? [],
    outcalls: outcalls.get(row.id) ?? [],
  }));
}

const one = async (tx: Tx, row: CallPermissionFields | undefined) =>
  row ? (await withRelations(tx, [row]))[0]! : null;

export function createCallPermissionsDao() {
  return {
    /** Null when the row's tenant is outside the scope: nothing is written. */
    async create(tx: Tx, scope: TenantScope, row: CallPermissionRow): Promise<CallPermission | null> {
      if (!scope.tenantUuids.includes(row.tenant_uuid)) return null;
      const created = await tx.db
        .insertInto('call_permissions')
        .values(row)
        .returningAll()
        .executeTakeFirstOrThrow();
      return one(tx, created);
    },

    async find(tx: Tx, scope: TenantScope, id: number): Promise<CallPermission | null> {
      return one(tx, await scoped(tx, scope).where('call_permissions.id', '=', id).executeTakeFirst());
    },

    /** The id of the tenant's call permission named `name`, if any. */
    async idByName(tx: Tx, tenantUuid: string, name: string): Promise<number | null> {
      const row = await tx.db
        .selectFrom('call_permissions')
        .select('id')
        .where('tenant_uuid', '=', tenantUuid)
        .where('name', '=', name)
        .executeTakeFirst();
      return row?.id ?? null;
    },

    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<CallPermission>> {
      const page = await runSearch(scoped(tx, scope), callPermissionSearchConfig, params);
      return { total: page.total, items: await withRelations(tx, page.items) };
    },

    /** Replaces the fields of `id` if it is in scope; null when it is not. */
    async update(
      tx: Tx,
      scope: TenantScope,
      id: number,
      row: CallPermissionRow,
    ): Promise<CallPermission | null> {
      const { tenant_uuid: _tenant, ...columns } = row;
      const updated = await updateInScope(tx, 'call_permissions', scope, id, columns);
      return one(tx, updated);
    },

    /** Deletes `id` (its user and group links go with it) if it is in scope. */
    async delete(tx: Tx, scope: TenantScope, id: number): Promise<boolean> {
      return deleteInScope(tx, 'call_permissions', scope, id);
    },
  };
}

export type CallPermissionsDao = ReturnType<typeof createCallPermissionsDao>;
