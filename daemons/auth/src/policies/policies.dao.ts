/**
 * Policies in wazo-auth's database. What a viewer sees: policies of its tenants, config-managed
 * policies, and shared policies of its ancestors (and of itself). Accesses keep their order.
 */
import type { Tx } from '@wazo-ts/db';
import { isUuid } from '@wazo-ts/db';
import { type Expression, type SqlBool, sql } from 'kysely';
import { type ListPage, type ListParams, pageOf, searchMatch } from '../db/listing.js';
import type { AuthDatabase } from '../db/schema.js';
import { ancestorsOf } from '../tenant-tree/index.js';
import type { PolicyRecord, PolicyViewer } from './policies.model.js';

type AuthTx = Tx<AuthDatabase>;

export interface PolicyFilters {
  uuid?: string | undefined;
  name?: string | undefined;
  slug?: string | undefined;
  user_uuid?: string | undefined;
  group_uuid?: string | undefined;
  tenant_uuid?: string | undefined;
  read_only?: boolean | undefined;
}

const ORDER: Record<string, string> = {
  name: 'policy.name',
  slug: 'policy.slug',
  description: 'policy.description',
  uuid: 'policy.uuid',
};

const aclColumn = sql<string[]>`array(
  SELECT a.access FROM policy_access a WHERE a.policy_uuid = policy.uuid ORDER BY a.position
)`.as('acl');

const uuidList = (uuids: readonly string[]) => sql`${[...uuids].filter(isUuid)}::uuid[]`;

function selectPolicies(tx: AuthTx) {
  return tx.db
    .selectFrom('policy')
    .select([
      sql<string>`policy.uuid::text`.as('uuid'),
      sql<string>`policy.tenant_uuid::text`.as('tenant_uuid'),
      'policy.name',
      'policy.slug',
      'policy.description',
      'policy.shared',
      'policy.config_managed',
      aclColumn,
    ]);
}

/** The policies a viewer may see (see the file comment). */
async function visibleTo(tx: AuthTx, viewer: PolicyViewer): Promise<Expression<SqlBool>> {
  const sharedOwners = [viewer.tenantUuid, ...(await ancestorsOf(tx.db, viewer.tenantUuid))];
  return sql<SqlBool>`(policy.tenant_uuid = ANY(${uuidList(viewer.tenantUuids)})
    OR policy.config_managed
    OR (policy.shared AND policy.tenant_uuid = ANY(${uuidList(sharedOwners)})))`;
}

/** Shown read-only to this viewer: config-managed, or owned by a tenant outside the viewer's. */
const readOnlyFor = (viewer: PolicyViewer) =>
  sql<SqlBool>`(policy.config_managed OR NOT policy.tenant_uuid = ANY(${uuidList(viewer.tenantUuids)}))`;

function filterClauses(filters: PolicyFilters, viewer: PolicyViewer): Expression<SqlBool>[] {
  const clauses: Expression<SqlBool>[] = [];
  const uuidEq = (column: string, value: string) =>
    isUuid(value) ? sql<SqlBool>`${sql.ref(column)} = ${value}::uuid` : sql<SqlBool>`false`;
  if (filters.uuid !== undefined) clauses.push(uuidEq('policy.uuid', filters.uuid));
  if (filters.tenant_uuid !== undefined) clauses.push(uuidEq('policy.tenant_uuid', filters.tenant_uuid));
  if (filters.name !== undefined) clauses.push(sql<SqlBool>`policy.name = ${filters.name}`);
  if (filters.slug !== undefined) clauses.push(sql<SqlBool>`policy.slug = ${filters.slug}`);
  if (filters.user_uuid !== undefined)
    clauses.push(sql<SqlBool>`EXISTS (SELECT 1 FROM user_policy up WHERE up.policy_uuid = policy.uuid
      AND up.user_uuid::text = ${filters.user_uuid})`);
  if (filters.group_uuid !== undefined)
    clauses.push(sql<SqlBool>`EXISTS (SELECT 1 FROM group_policy gp WHERE gp.policy_uuid = policy.uuid
      AND gp.group_uuid::text = ${filters.group_uuid})`);
  if (filters.read_only !== undefined)
    clauses.push(filters.read_only ? readOnlyFor(viewer) : sql<SqlBool>`NOT ${readOnlyFor(viewer)}`);
  return clauses;
}

/** Whose policies a sub-resource lists (`/users/{u}/policies`): it bounds `total` as well. */
export type PolicyOwner = Pick<PolicyFilters, 'user_uuid' | 'group_uuid'>;

export async function searchPolicies(
  tx: AuthTx,
  viewer: PolicyViewer,
  filters: PolicyFilters,
  params: ListParams,
  owner: PolicyOwner = {},
): Promise<ListPage<PolicyRecord>> {
  let visible = selectPolicies(tx).where(await visibleTo(tx, viewer));
  for (const clause of filterClauses(owner, viewer)) visible = visible.where(clause);
  let narrowed = visible;
  for (const clause of filterClauses(filters, viewer)) narrowed = narrowed.where(clause);
  if (params.search)
    narrowed = narrowed.where(
      searchMatch([sql.ref('policy.name'), sql.ref('policy.description')], params.search),
    );
  const order =
    params.order === 'read_only'
      ? readOnlyFor(viewer)
      : sql.ref(ORDER[params.order ?? 'name'] ?? 'policy.name');
  return pageOf(visible, narrowed, order, sql.ref('policy.uuid'), params);
}

/** A policy the viewer sees, by uuid or slug; null when it does not exist for this viewer. */
export async function findVisiblePolicy(
  tx: AuthTx,
  viewer: PolicyViewer,
  key: { uuid: string } | { slug: string },
): Promise<PolicyRecord | null> {
  if ('uuid' in key && !isUuid(key.uuid)) return null;
  const match =
    'uuid' in key ? sql<SqlBool>`policy.uuid = ${key.uuid}::uuid` : sql<SqlBool>`policy.slug = ${key.slug}`;
  const rows = await selectPolicies(tx)
    .where(await visibleTo(tx, viewer))
    .where(match)
    // A slug may exist in the viewer's tenant and as an ancestor's shared one: the own one wins.
    .orderBy(sql`policy.tenant_uuid = ANY(${uuidList(viewer.tenantUuids)})`, 'desc')
    .limit(1)
    .execute();
  return (rows[0] as PolicyRecord | undefined) ?? null;
}

/** A policy of one tenant by slug, whatever its flags (the config's default policies). */
export async function findTenantPolicyBySlug(tx: AuthTx, tenantUuid: string, slug: string) {
  const row = await selectPolicies(tx)
    .where(sql<SqlBool>`policy.tenant_uuid = ${tenantUuid}::uuid`)
    .where('policy.slug', '=', slug)
    .executeTakeFirst();
  return (row as PolicyRecord | undefined) ?? null;
}

export async function listConfigManagedPolicies(tx: AuthTx): Promise<PolicyRecord[]> {
  return (await selectPolicies(tx).where('policy.config_managed', '=', true).execute()) as PolicyRecord[];
}

/** Slug or name already used where it would clash: ancestors' shared policies, and the subtree of a shared one. */
export async function policyClashes(
  tx: AuthTx,
  tenantUuid: string,
  names: { name: string; slug: string },
  shared: boolean,
): Promise<boolean> {
  const owners = [tenantUuid, ...(await ancestorsOf(tx.db, tenantUuid))];
  const same = sql<SqlBool>`(policy.slug = ${names.slug} OR policy.name = ${names.name})`;
  const inSharedAncestors = sql<SqlBool>`(policy.shared AND policy.tenant_uuid = ANY(${uuidList(owners)}))`;
  const inSubtree = sql<SqlBool>`policy.tenant_uuid IN (
    WITH RECURSIVE subtree(uuid) AS (
      SELECT ${tenantUuid}::uuid
      UNION SELECT t.uuid FROM tenant t JOIN subtree s ON t.parent_uuid = s.uuid WHERE t.uuid <> t.parent_uuid
    ) SELECT uuid FROM subtree)`;
  const where = shared ? sql<SqlBool>`(${inSharedAncestors} OR ${inSubtree})` : inSharedAncestors;
  const row = await tx.db
    .selectFrom('policy')
    .select('policy.uuid')
    .where(same)
    .where(where)
    .executeTakeFirst();
  return row !== undefined;
}

export async function policySlugTaken(tx: AuthTx, tenantUuid: string, slug: string): Promise<boolean> {
  return (await findTenantPolicyBySlug(tx, tenantUuid, slug)) !== null;
}

export interface NewPolicy {
  uuid?: string | undefined;
  tenant_uuid: string;
  name: string;
  slug: string;
  description: string | null;
  shared: boolean;
  config_managed: boolean;
}

async function writeAcl(tx: AuthTx, policyUuid: string, acl: readonly string[]): Promise<void> {
  await tx.db.deleteFrom('policy_access').where('policy_uuid', '=', policyUuid).execute();
  const unique = [...new Set(acl)];
  if (unique.length === 0) return;
  await tx.db
    .insertInto('policy_access')
    .values(unique.map((access, position) => ({ policy_uuid: policyUuid, access, position })))
    .execute();
}

export async function insertPolicy(tx: AuthTx, policy: NewPolicy, acl: readonly string[]): Promise<string> {
  const { uuid } = await tx.db
    .insertInto('policy')
    .values({ ...policy, ...(policy.uuid ? { uuid: policy.uuid } : {}) })
    .returning(sql<string>`uuid::text`.as('uuid'))
    .executeTakeFirstOrThrow();
  await writeAcl(tx, uuid, acl);
  return uuid;
}

export async function updatePolicy(
  tx: AuthTx,
  uuid: string,
  fields: { name: string; description: string | null; config_managed?: boolean; shared?: boolean },
  acl: readonly string[],
): Promise<void> {
  await tx.db.updateTable('policy').set(fields).where('uuid', '=', uuid).execute();
  await writeAcl(tx, uuid, acl);
}

export async function deletePolicy(tx: AuthTx, uuid: string): Promise<void> {
  await tx.db.deleteFrom('policy').where('uuid', '=', uuid).execute();
}

/** Appends an access; false when the policy already has it. */
export async function addPolicyAccess(tx: AuthTx, uuid: string, access: string): Promise<boolean> {
  const result = await sql`
    INSERT INTO policy_access (policy_uuid, access, position)
    SELECT ${uuid}::uuid, ${access}, coalesce(max(position) + 1, 0) FROM policy_access WHERE policy_uuid = ${uuid}::uuid
    ON CONFLICT DO NOTHING`.execute(tx.db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function removePolicyAccess(tx: AuthTx, uuid: string, access: string): Promise<void> {
  await tx.db
    .deleteFrom('policy_access')
    .where('policy_uuid', '=', uuid)
    .where('access', '=', access)
    .execute();
}

/** Linked to a user or a group. */
export async function isPolicyAssociated(tx: AuthTx, uuid: string): Promise<boolean> {
  const { rows } = await sql<{ linked: boolean }>`SELECT
    EXISTS (SELECT 1 FROM user_policy WHERE policy_uuid = ${uuid}::uuid)
    OR EXISTS (SELECT 1 FROM group_policy WHERE policy_uuid = ${uuid}::uuid) AS linked`.execute(tx.db);
  return rows[0]?.linked === true;
}

/** The dao as one object, so services receive it (and tests fake it) whole. */
export const policiesDao = {
  search: searchPolicies,
  findVisible: findVisiblePolicy,
  findTenantPolicyBySlug,
  listConfigManaged: listConfigManagedPolicies,
  clashes: policyClashes,
  slugTaken: policySlugTaken,
  insert: insertPolicy,
  update: updatePolicy,
  delete: deletePolicy,
  addAccess: addPolicyAccess,
  removeAccess: removePolicyAccess,
  isAssociated: isPolicyAssociated,
};
export type PoliciesDao = typeof policiesDao;
