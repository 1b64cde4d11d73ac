/**
 * The tenants service: the mirror of wazo-auth's tenants that every tenant-scoped resource hangs
 * from. wazo-auth is the authority: `ensure` follows `auth_tenant_added` and the sync, `delete`
 * follows `auth_tenant_deleted` and purges the tenant's configuration. Both are idempotent,
 * because bus delivery is at least once and the sync replays everything. `ensureWithSipTemplates`
 * is what the sync does (Wazo's `auth_tenant_added` handler and `wazo-confd-sync-db`): the tenant
 * and its default SIP templates in one transaction; a tenant first seen by a resource's POST gets
 * its templates from the sync, as in Wazo.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import { type DefaultSipTemplatesDeps, generateDefaultSipTemplates } from './default-sip-templates.js';
import type { TenantsDao } from './tenants.dao.js';
import type { Tenant, TenantEnsure, TenantEnsureOutcome, TenantView } from './tenants.model.js';
import type { TenantsNotifier } from './tenants.notifier.js';
import type { TenantsValidator } from './tenants.validator.js';

export interface TenantsServiceDeps {
  uow: UnitOfWork;
  dao: TenantsDao;
  validator: TenantsValidator;
  notifier: TenantsNotifier;
  /** What making the default SIP templates needs (the tenants dao is `dao`). */
  sipTemplates: Omit<DefaultSipTemplatesDeps, 'tenants'>;
}

export interface TenantEnsureResult {
  tenant: Tenant;
  outcome: TenantEnsureOutcome;
  /** True when this call made the tenant's default SIP templates (only `ensureWithSipTemplates`). */
  sipTemplatesGenerated?: boolean;
}

/** Unknown values (absent or null) keep what the mirror has; known ones replace it. */
function merged(existing: Tenant, input: TenantEnsure): Tenant {
  return {
    uuid: existing.uuid,
    slug: input.slug || existing.slug,
    name: input.name || existing.name,
  };
}

const sameTenant = (a: Tenant, b: Tenant): boolean => a.slug === b.slug && a.name === b.name;

export function createTenantsService({ uow, dao, validator, notifier, sipTemplates }: TenantsServiceDeps) {
  const templateDeps: DefaultSipTemplatesDeps = { ...sipTemplates, tenants: dao };

  async function ensureIn(
    tx: Tx,
    uuid: string,
    slug?: string | null,
    name?: string | null,
  ): Promise<TenantEnsureResult> {
    const input: TenantEnsure = { uuid, slug, name };
    validator.validateEnsure(input);
    const fresh: Tenant = { uuid, slug: slug || null, name: name || null };
    let existing = await dao.find(tx, uuid);
    if (!existing) {
      if (await dao.insert(tx, fresh)) {
        notifier.ensured(tx, fresh, 'created');
        return { tenant: fresh, outcome: 'created' };
      }
      // Inserted meanwhile by another process (both heard the same event).
      existing = await dao.find(tx, uuid);
      if (!existing) throw notFound('Tenant', { uuid });
    }
    const tenant = merged(existing, input);
    if (sameTenant(existing, tenant)) return { tenant, outcome: 'unchanged' };
    await dao.update(tx, tenant);
    notifier.ensured(tx, tenant, 'updated');
    return { tenant, outcome: 'updated' };
  }

  return {
    search(scope: TenantScope, params: SearchParams = {}): Promise<SearchResult<TenantView>> {
      return uow.read((tx) => dao.search(tx, scope, params));
    },

    get(scope: TenantScope, uuid: string): Promise<TenantView> {
      return uow.read(async (tx) => {
        const tenant = await dao.get(tx, scope, uuid);
        if (!tenant) throw notFound('Tenant', { uuid });
        return tenant;
      });
    },

    /** Every mirrored tenant, for the sync to compare with wazo-auth's list. */
    list(): Promise<Tenant[]> {
      return uow.read((tx) => dao.listAll(tx));
    },

    /** Creates the tenant if missing, fills in or corrects its slug and name; safe to repeat. */
    async ensure(uuid: string, slug?: string | null, name?: string | null): Promise<TenantEnsureResult> {
      // Before each create in a tenant, with nothing to change: a tenant already mirrored is one
      // read, not a transaction of three statements.
      if (!slug && !name) {
        validator.validateEnsure({ uuid, slug, name });
        const existing = await uow.read((tx) => dao.find(tx, uuid));
        if (existing) return { tenant: existing, outcome: 'unchanged' };
      }
      return uow.run((tx) => ensureIn(tx, uuid, slug, name));
    },

    /** `ensure`, then the tenant's default SIP templates unless made already; safe to repeat. */
    ensureWithSipTemplates(
      uuid: string,
      slug?: string | null,
      name?: string | null,
    ): Promise<TenantEnsureResult> {
      return uow.run(async (tx) => {
        const result = await ensureIn(tx, uuid, slug, name);
        return {
          ...result,
          sipTemplatesGenerated: await generateDefaultSipTemplates(tx, templateDeps, uuid),
        };
      });
    },

    /** Deletes the tenant and all its configuration (its SIP templates too); false when already gone. */
    delete(uuid: string): Promise<boolean> {
      return uow.run(async (tx) => {
        const deleted = await dao.remove(tx, uuid);
        if (deleted) notifier.deleted(tx, uuid);
        return deleted;
      });
    },
  };
}

export type TenantsService = ReturnType<typeof createTenantsService>;
