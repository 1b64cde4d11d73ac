/**
 * A tenant's directory configuration follows wazo-auth: a new tenant is provisioned with Wazo's
 * defaults (./default-config.ts) once, a deleted one loses all its configuration, and a
 * reconciliation with wazo-auth's tenant list catches what the bus missed. A tenant is
 * provisioned exactly when dird_tenant has its row, so every step is idempotent.
 */
import type { UnitOfWork } from '@wazo-ts/db';
import { Value } from 'typebox/value';
import type { DirdDatabase } from '../db/schema.js';
import type { DisplaysService } from '../displays/displays.service.js';
import type { ProfilesService } from '../profiles/profiles.service.js';
import { sourceBodySchema } from '../sources/sources.schemas.js';
import type { SourcesService } from '../sources/sources.service.js';
import {
  DEFAULT_DISPLAY_COLUMNS,
  DEFAULT_PROFILE_NAME,
  DEFAULT_REVERSE_TIMEOUT,
  defaultSources,
} from './default-config.js';
import { claimProvisioning, deleteTenant, setCountry, tenantUuids } from './tenants.dao.js';

export interface ProvisioningDeps {
  uow: UnitOfWork<DirdDatabase>;
  sources: SourcesService;
  displays: DisplaysService;
  profiles: ProfilesService;
}

export interface TenantToProvision {
  uuid: string;
  /** Names the sources and display; the uuid stands in when wazo-auth gave none. */
  name: string | null;
}

export interface ReconcileOutcome {
  provisioned: number;
  removed: number;
}

export function createProvisioning({ uow, sources, displays, profiles }: ProvisioningDeps) {
  /**
   * Creates the tenant's defaults unless it has been provisioned; true when it was just now. As
   * Wazo, a default whose name is already taken in the tenant is left out.
   */
  async function provision(tenant: TenantToProvision): Promise<boolean> {
    const name = tenant.name ?? tenant.uuid;
    return uow.run(async (tx) => {
      if (!(await claimProvisioning(tx.db, tenant.uuid))) return false;
      const created = [];
      for (const { backend, body } of defaultSources(name)) {
        const taken = await sources.list(null, [tenant.uuid], { name: body.name as string, limit: 1 });
        if (taken.filtered > 0) continue;
        const complete = Value.Default(sourceBodySchema(backend), structuredClone(body));
        created.push({
          uuid: (await sources.create(backend, tenant.uuid, complete as Record<string, unknown>)).uuid,
        });
      }
      if (await profiles.byName(tenant.uuid, DEFAULT_PROFILE_NAME)) return true;
      const display = await displays.create(tenant.uuid, {
        name: `auto_${name}`,
        columns: DEFAULT_DISPLAY_COLUMNS,
      });
      await profiles.create(tenant.uuid, {
        name: DEFAULT_PROFILE_NAME,
        display: { uuid: display.uuid },
        services: {
          lookup: { sources: created },
          favorites: { sources: created },
          reverse: { sources: created, options: { timeout: DEFAULT_REVERSE_TIMEOUT } },
        },
      });
      return true;
    });
  }

  /** Forgets the tenant: its sources, displays and profiles go with it. */
  const remove = (tenantUuid: string) => uow.run((tx) => deleteTenant(tx.db, tenantUuid));

  return {
    provision,
    remove,

    /** `localization_edited`: the tenant's country (ISO 3166 alpha-2), kept for the lookups. */
    setCountry: (tenantUuid: string, country: string | null) =>
      uow.run((tx) => setCountry(tx.db, tenantUuid, country)),

    /** Makes dird's tenants those of wazo-auth: missing ones provisioned, stale ones removed. */
    async reconcile(remote: TenantToProvision[]): Promise<ReconcileOutcome> {
      // wazo-auth always lists at least the master tenant: an empty answer is no reason to purge.
      if (remote.length === 0) throw new Error('wazo-auth listed no tenant');
      let provisioned = 0;
      for (const tenant of remote) if (await provision(tenant)) provisioned += 1;
      const known = new Set(remote.map((t) => t.uuid));
      const stale = (await uow.read((tx) => tenantUuids(tx.db))).filter((uuid) => !known.has(uuid));
      for (const uuid of stale) await remove(uuid);
      return { provisioned, removed: stale.length };
    },
  };
}

export type Provisioning = ReturnType<typeof createProvisioning>;
