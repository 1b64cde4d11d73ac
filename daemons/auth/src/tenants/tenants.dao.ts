/**
 * The tenant rows and their domains. Reads are scoped by the caller: a list of visible tenant
 * uuids (the scoping tenant's subtree, see tenant-tree/). Writes take the uuid the service
 * has already checked against that scope.
 */
import { inTenants } from '@wazo-ts/db';
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { DbHolder } from '../db/auth-db.js';
import { pageOf, searchPattern } from '../db/listing.js';
import type { AuthDatabase } from '../db/schema.js';
import {
  emptyAddress,
  type Tenant,
  type TenantAddress,
  type TenantCreate,
  type TenantDomain,
  type TenantEdit,
  type TenantListFilters,
} from './tenants.model.js';

export interface TenantListParams extends TenantListFilters {
  search?: string | undefined;
  order?: 'name' | 'slug' | undefined;
  direction?: 'asc' | 'desc' | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface TenantPage {
  total: number;
  filtered: number;
  items: Tenant[];
}

const domainsOf = sql<
  string[]
>`coalesce((SELECT array_agg(d.name ORDER BY d.name) FROM tenant_domain d WHERE d.tenant_uuid = tenant.uuid), '{}')`;

function baseQuery(db: Kysely<AuthDatabase>, visible: readonly string[]) {
  return db
    .selectFrom('tenant')
    .where(inTenants('tenant.uuid', visible))
    .select([
      'tenant.uuid',
      'tenant.parent_uuid',
      'tenant.name',
      'tenant.slug',
      'tenant.contact_uuid',
      'tenant.phone',
      'tenant.address',
      'tenant.default_authentication_method',
      domainsOf.as('domain_names'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toTenant(row: Row): Tenant {
  return {
    uuid: row.uuid,
    parent_uuid: row.parent_uuid,
    name: row.name,
    slug: row.slug,
    contact: row.contact_uuid,
    phone: row.phone,
    domain_names: row.domain_names,
    address: { ...emptyAddress(), ...((row.address ?? {}) as Partial<TenantAddress>) },
    default_authentication_method: row.default_authentication_method,
  };
}

function narrowed(query: ReturnType<typeof baseQuery>, params: TenantListParams) {
  let q = query;
  if (params.uuid !== undefined) q = q.where(sql<SqlBool>`tenant.uuid::text = ${params.uuid}`);
  if (params.uuids !== undefined) q = q.where(sql<SqlBool>`tenant.uuid::text = ANY(${params.uuids}::text[])`);
  if (params.name !== undefined) q = q.where('tenant.name', '=', params.name);
  if (params.slug !== undefined) q = q.where('tenant.slug', '=', params.slug);
  if (params.domain_name !== undefined)
    q = q.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM tenant_domain d WHERE d.tenant_uuid = tenant.uuid AND lower(d.name) = lower(${params.domain_name}))`,
    );
  if (params.search) {
    const p = searchPattern(params.search);
    q = q.where(
      sql<SqlBool>`(tenant.name ILIKE ${p} OR tenant.slug ILIKE ${p} OR EXISTS (SELECT 1 FROM tenant_domain d WHERE d.tenant_uuid = tenant.uuid AND d.name ILIKE ${p}))`,
    );
  }
  return q;
}

export async function listTenants(
  tx: DbHolder,
  visible: readonly string[],
  params: TenantListParams,
): Promise<TenantPage> {
  const all = baseQuery(tx.db, visible);
  const column = params.order === 'slug' ? sql.ref('tenant.slug') : sql.ref('tenant.name');
  const page = await pageOf(all, narrowed(all, params), column, sql.ref('tenant.uuid'), params);
  return { ...page, items: page.items.map(toTenant) };
}

export async function getTenant(
  tx: DbHolder,
  visible: readonly string[],
  uuid: string,
): Promise<Tenant | null> {
  if (!visible.includes(uuid)) return null;
  const row = await baseQuery(tx.db, [uuid]).executeTakeFirst();
  return row ? toTenant(row) : null;
}

const addressJson = (address: TenantAddress): string => JSON.stringify(address);

export async function insertTenant(
  tx: DbHolder,
  uuid: string,
  parentUuid: string,
  slug: string,
  input: TenantCreate,
): Promise<void> {
  await tx.db
    .insertInto('tenant')
    .values({
      uuid,
      parent_uuid: parentUuid,
      slug,
      name: input.name,
      phone: input.phone,
      contact_uuid: input.contact,
      address: addressJson(input.address),
      default_authentication_method: input.default_authentication_method,
    })
    .execute();
  await replaceDomains(tx, uuid, input.domain_names);
}

export async function updateTenant(tx: DbHolder, uuid: string, input: TenantEdit): Promise<void> {
  await tx.db
    .updateTable('tenant')
    .set({
      name: input.name,
      phone: input.phone,
      contact_uuid: input.contact,
      address: addressJson(input.address),
      default_authentication_method: input.default_authentication_method,
    })
    .where('uuid', '=', uuid)
    .execute();
  await replaceDomains(tx, uuid, input.domain_names);
}

/** Keeps the uuids of domains that stay, so `/tenants/{u}/domains` is stable across PUTs. */
async function replaceDomains(tx: DbHolder, tenantUuid: string, names: readonly string[]): Promise<void> {
  const lower = names.map((n) => n.toLowerCase());
  let removal = tx.db.deleteFrom('tenant_domain').where('tenant_uuid', '=', tenantUuid);
  if (lower.length > 0) removal = removal.where(sql<SqlBool>`lower(name) <> ALL(${lower}::text[])`);
  await removal.execute();
  const kept = await tx.db
    .selectFrom('tenant_domain')
    .select('name')
    .where('tenant_uuid', '=', tenantUuid)
    .execute();
  const keptLower = new Set(kept.map((k) => k.name.toLowerCase()));
  const added = names.filter((n) => !keptLower.has(n.toLowerCase()));
  if (added.length > 0)
    await tx.db
      .insertInto('tenant_domain')
      .values(added.map((name) => ({ tenant_uuid: tenantUuid, name })))
      .execute();
}

export async function deleteTenant(tx: DbHolder, uuid: string): Promise<void> {
  await tx.db.deleteFrom('tenant').where('uuid', '=', uuid).execute();
}

export async function setParent(tx: DbHolder, uuid: string, parentUuid: string): Promise<void> {
  await tx.db.updateTable('tenant').set({ parent_uuid: parentUuid }).where('uuid', '=', uuid).execute();
}

export async function hasChildren(tx: DbHolder, uuid: string): Promise<boolean> {
  const row = await tx.db
    .selectFrom('tenant')
    .select('uuid')
    .where('parent_uuid', '=', uuid)
    .where('uuid', '<>', uuid)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listDomains(tx: DbHolder, tenantUuid: string): Promise<TenantDomain[]> {
  const rows = await tx.db
    .selectFrom('tenant_domain')
    .select(['name', 'uuid'])
    .where('tenant_uuid', '=', tenantUuid)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ name: r.name, uuid: r.uuid }));
}
