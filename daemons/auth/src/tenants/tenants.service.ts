/**
 * The tenants API's rules (reference §4 "Tenants", §5): everything is seen from the scoping tenant,
 * which sees itself and its descendants; anything else is "no such tenant" (404).
 */
import type { UnitOfWork } from '@wazo-ts/db';
import { isUuid } from '@wazo-ts/db';
import type { DbHolder } from '../db/auth-db.js';
import type { AuthDatabase } from '../db/schema.js';
import type { TenantTree } from '../tenant-tree/index.js';
import type * as tenantsDao from './tenants.dao.js';
import type { TenantListParams, TenantPage } from './tenants.dao.js';
import { deleteOwnTenant, descendantParent, tenantHasChildren, unknownTenant } from './tenants.errors.js';
import type * as groupsDao from './tenants.groups.dao.js';
import type { DefaultGroupConfig } from './tenants.groups.dao.js';
import type { Tenant, TenantCreate, TenantDomain, TenantEdit } from './tenants.model.js';
import type { TenantsNotifier } from './tenants.notifier.js';
import type { TenantsUniquenessDao, TenantsValidator } from './tenants.validator.js';

export type TenantsDao = typeof tenantsDao & typeof groupsDao & TenantsUniquenessDao;

export interface TenantsServiceDeps {
  uow: UnitOfWork<AuthDatabase>;
  dao: TenantsDao;
  tenants: TenantTree;
  validator: TenantsValidator;
  notifier: TenantsNotifier;
  /** A fresh uuid (crypto.randomUUID). */
  newUuid: () => string;
  /** A random 3-character slug, lowercase letters and digits (Wazo's fallback). */
  randomSlug: () => string;
  allUsersPolicies: Record<string, boolean>;
  defaultGroups: Record<string, DefaultGroupConfig | null | undefined>;
}

export interface TenantsService {
  list(scope: string, params: TenantListParams): Promise<TenantPage>;
  get(scope: string, uuid: string): Promise<Tenant>;
  create(scope: string, input: TenantCreate): Promise<Tenant>;
  update(scope: string, uuid: string, input: TenantEdit): Promise<Tenant>;
  delete(scope: string, uuid: string): Promise<void>;
  domains(scope: string, uuid: string): Promise<{ total: number; items: TenantDomain[] }>;
  setParent(scope: string, uuid: string, parentUuid: string): Promise<void>;
}

/** Wazo's slug: the name's allowed characters, else random ones, whichever is free. */
async function generateSlug(deps: TenantsServiceDeps, tx: DbHolder, name: string | null): Promise<string> {
  const fromName = (name ?? '').replace(/[^A-Za-z0-9_]/g, '').slice(0, 10);
  if (fromName && !(await deps.dao.slugTaken(tx, fromName))) return fromName;
  for (;;) {
    const slug = deps.randomSlug();
    if (!(await deps.dao.slugTaken(tx, slug))) return slug;
  }
}

export function createTenantsService(deps: TenantsServiceDeps): TenantsService {
  const { uow, dao, validator, notifier, tenants } = deps;

  const visibleOrThrow = async (tx: DbHolder, scope: string, uuid: string): Promise<Tenant> => {
    const tenant = isUuid(uuid) ? await dao.getTenant(tx, [uuid], uuid) : null;
    if (!tenant || !(await tenants.isInSubtree(tx.db, scope, uuid))) throw unknownTenant(uuid);
    return tenant;
  };

  return {
    list: (scope, params) =>
      uow.read(async (tx) => dao.listTenants(tx, await tenants.subtreeOf(tx.db, scope), params)),

    get: (scope, uuid) => uow.read((tx) => visibleOrThrow(tx, scope, uuid)),

    create: (scope, input) =>
      uow.run(async (tx) => {
        await validator.create(tx, input);
        const uuid = input.uuid ?? deps.newUuid();
        const slug = input.slug ?? (await generateSlug(deps, tx, input.name));
        await dao.insertTenant(tx, uuid, scope, slug, input);
        await dao.ensureAllUsersGroup(tx, uuid, deps.allUsersPolicies);
        await dao.ensureDefaultGroups(tx, uuid, deps.defaultGroups);
        const tenant = await visibleOrThrow(tx, uuid, uuid);
        notifier.created(tx.events, tenant);
        return tenant;
      }),

    update: (scope, uuid, input) =>
      uow.run(async (tx) => {
        await visibleOrThrow(tx, scope, uuid);
        await validator.edit(tx, uuid, input);
        await dao.updateTenant(tx, uuid, input);
        const tenant = await visibleOrThrow(tx, scope, uuid);
        notifier.updated(tx.events, tenant);
        return tenant;
      }),

    delete: (scope, uuid) =>
      uow.run(async (tx) => {
        if (uuid === scope) throw deleteOwnTenant(uuid);
        await visibleOrThrow(tx, scope, uuid);
        if (await dao.hasChildren(tx, uuid)) throw tenantHasChildren(uuid);
        await dao.deleteTenant(tx, uuid);
        notifier.deleted(tx.events, uuid);
      }),

    domains: (scope, uuid) =>
      uow.read(async (tx) => {
        await visibleOrThrow(tx, scope, uuid);
        const items = await dao.listDomains(tx, uuid);
        return { total: items.length, items };
      }),

    setParent: (scope, uuid, parentUuid) =>
      uow.run(async (tx) => {
        await visibleOrThrow(tx, scope, uuid);
        await visibleOrThrow(tx, scope, parentUuid);
        if (await tenants.isInSubtree(tx.db, uuid, parentUuid)) throw descendantParent(uuid, parentUuid);
        await dao.setParent(tx, uuid, parentUuid);
      }),
  };
}
