/** Groups, their members and their policies in wazo-auth's database; every read is tenant-scoped. */
import type { Tx } from '@wazo-ts/db';
import { isUuid } from '@wazo-ts/db';
import { type Expression, type SqlBool, sql } from 'kysely';
import { type ListPage, type ListParams, pageOf, searchMatch } from '../db/listing.js';
import type { AuthDatabase } from '../db/schema.js';
import { allUsersGroupName, type GroupRecord } from './groups.model.js';

type AuthTx = Tx<AuthDatabase>;

export interface GroupFilters {
  uuid?: string | undefined;
  name?: string | undefined;
  slug?: string | undefined;
  user_uuid?: string | undefined;
  read_only?: boolean | undefined;
  policy_uuid?: string | undefined;
  policy_slug?: string | undefined;
}

const ORDER: Record<string, string> = {
  name: 'auth_group.name',
  slug: 'auth_group.slug',
  uuid: 'auth_group.uuid',
  read_only: 'auth_group.system_managed',
};

const uuidList = (uuids: readonly string[]) => sql`${[...uuids].filter(isUuid)}::uuid[]`;

function selectGroups(tx: AuthTx, tenantUuids: readonly string[]) {
  return tx.db
    .selectFrom('auth_group')
    .select([
      sql<string>`auth_group.uuid::text`.as('uuid'),
      sql<string>`auth_group.tenant_uuid::text`.as('tenant_uuid'),
      'auth_group.name',
      'auth_group.slug',
      'auth_group.system_managed',
    ])
    .where(sql<SqlBool>`auth_group.tenant_uuid = ANY(${uuidList(tenantUuids)})`);
}

function filterClauses(filters: GroupFilters): Expression<SqlBool>[] {
  const clauses: Expression<SqlBool>[] = [];
  const linkedPolicy = (match: Expression<SqlBool>) =>
    sql<SqlBool>`EXISTS (SELECT 1 FROM group_policy gp JOIN policy p ON p.uuid = gp.policy_uuid
      WHERE gp.group_uuid = auth_group.uuid AND ${match})`;
  if (filters.uuid !== undefined) clauses.push(sql<SqlBool>`auth_group.uuid::text = ${filters.uuid}`);
  if (filters.name !== undefined) clauses.push(sql<SqlBool>`auth_group.name = ${filters.name}`);
  if (filters.slug !== undefined) clauses.push(sql<SqlBool>`auth_group.slug = ${filters.slug}`);
  if (filters.read_only !== undefined)
    clauses.push(sql<SqlBool>`auth_group.system_managed = ${filters.read_only}`);
  if (filters.user_uuid !== undefined)
    clauses.push(sql<SqlBool>`EXISTS (SELECT 1 FROM group_user gu WHERE gu.group_uuid = auth_group.uuid
      AND gu.user_uuid::text = ${filters.user_uuid})`);
  if (filters.policy_uuid !== undefined)
    clauses.push(linkedPolicy(sql<SqlBool>`p.uuid::text = ${filters.policy_uuid}`));
  if (filters.policy_slug !== undefined)
    clauses.push(linkedPolicy(sql<SqlBool>`p.slug = ${filters.policy_slug}`));
  return clauses;
}

async function search(
  tx: AuthTx,
  tenantUuids: readonly string[],
  filters: GroupFilters,
  params: ListParams,
): Promise<ListPage<GroupRecord>> {
  const visible = selectGroups(tx, tenantUuids);
  let narrowed = visible;
  for (const clause of filterClauses(filters)) narrowed = narrowed.where(clause);
  if (params.search) narrowed = narrowed.where(searchMatch([sql.ref('auth_group.name')], params.search));
  const order = sql.ref(ORDER[params.order ?? 'name'] ?? 'auth_group.name');
  return pageOf(visible, narrowed, order, sql.ref('auth_group.uuid'), params);
}

async function find(tx: AuthTx, tenantUuids: readonly string[], uuid: string): Promise<GroupRecord | null> {
  if (!isUuid(uuid)) return null;
  const row = await selectGroups(tx, tenantUuids)
    .where(sql<SqlBool>`auth_group.uuid = ${uuid}::uuid`)
    .executeTakeFirst();
  return row ?? null;
}

async function findAllUsersGroup(tx: AuthTx, tenantUuid: string): Promise<GroupRecord | null> {
  const row = await selectGroups(tx, [tenantUuid])
    .where('auth_group.name', '=', allUsersGroupName(tenantUuid))
    .where('auth_group.system_managed', '=', true)
    .executeTakeFirst();
  return row ?? null;
}

/** The all-users groups of every tenant (for the config's `all_users_policies`). */
async function listAllUsersGroups(tx: AuthTx): Promise<GroupRecord[]> {
  return tx.db
    .selectFrom('auth_group')
    .select([
      sql<string>`auth_group.uuid::text`.as('uuid'),
      sql<string>`auth_group.tenant_uuid::text`.as('tenant_uuid'),
      'auth_group.name',
      'auth_group.slug',
      'auth_group.system_managed',
    ])
    .where('system_managed', '=', true)
    .where(sql<SqlBool>`name = 'wazo-all-users-tenant-' || tenant_uuid::text`)
    .execute();
}

async function taken(
  tx: AuthTx,
  tenantUuid: string,
  column: 'name' | 'slug',
  value: string,
): Promise<boolean> {
  const row = await tx.db
    .selectFrom('auth_group')
    .select('uuid')
    .where(sql<SqlBool>`tenant_uuid = ${tenantUuid}::uuid`)
    .where(column, '=', value)
    .executeTakeFirst();
  return row !== undefined;
}

async function insert(tx: AuthTx, group: Omit<GroupRecord, 'uuid'> & { uuid?: string | undefined }) {
  const { uuid } = await tx.db
    .insertInto('auth_group')
    .values({ ...group, ...(group.uuid ? { uuid: group.uuid } : {}) })
    .returning(sql<string>`uuid::text`.as('uuid'))
    .executeTakeFirstOrThrow();
  return uuid;
}

async function rename(tx: AuthTx, uuid: string, name: string): Promise<void> {
  await tx.db.updateTable('auth_group').set({ name }).where('uuid', '=', uuid).execute();
}

async function remove(tx: AuthTx, uuid: string): Promise<void> {
  await tx.db.deleteFrom('auth_group').where('uuid', '=', uuid).execute();
}

async function addUser(tx: AuthTx, groupUuid: string, userUuid: string): Promise<void> {
  await tx.db
    .insertInto('group_user')
    .values({ group_uuid: groupUuid, user_uuid: userUuid })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

async function removeUser(tx: AuthTx, groupUuid: string, userUuid: string): Promise<void> {
  await tx.db
    .deleteFrom('group_user')
    .where('group_uuid', '=', groupUuid)
    .where('user_uuid', '=', userUuid)
    .execute();
}

async function addPolicy(tx: AuthTx, groupUuid: string, policyUuid: string): Promise<void> {
  await tx.db
    .insertInto('group_policy')
    .values({ group_uuid: groupUuid, policy_uuid: policyUuid })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

async function removePolicy(tx: AuthTx, groupUuid: string, policyUuid: string): Promise<void> {
  await tx.db
    .deleteFrom('group_policy')
    .where('group_uuid', '=', groupUuid)
    .where('policy_uuid', '=', policyUuid)
    .execute();
}

export const groupsDao = {
  search,
  find,
  findAllUsersGroup,
  listAllUsersGroups,
  taken,
  insert,
  rename,
  remove,
  addUser,
  removeUser,
  addPolicy,
  removePolicy,
};
export type GroupsDao = typeof groupsDao;
