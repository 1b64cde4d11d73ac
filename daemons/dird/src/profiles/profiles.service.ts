/**
 * Profiles (Wazo's profile service): what a lookup, reverse or favorites request by profile
 * name searches and how it answers. The display and every source must be of the profile's own
 * tenant (else Wazo's 404 unknown-display / unknown-source); names are unique in a tenant.
 */
import { randomUUID } from 'node:crypto';
import { isUuid, type Tx, type UnitOfWork } from '@wazo-ts/db';
import {
  duplicatedName,
  isUniqueViolation,
  noSuchDisplay,
  noSuchProfile,
  noSuchSource,
} from '../common/errors.js';
import type { ListParams } from '../common/list.js';
import type { DirdDatabase } from '../db/schema.js';
import { displaysDao } from '../displays/displays.dao.js';
import type { SourcesDao } from '../sources/sources.dao.js';
import { ensureTenant } from '../tenants/tenants.dao.js';
import { profilesDao as dao, type ProfileDocument, type ProfileWrite } from './profiles.dao.js';

export interface ProfileBody {
  name: string;
  display?: { uuid: string } | null;
  services: Record<string, { sources?: { uuid: string }[]; options?: { timeout?: number | null } }>;
}

export interface ProfilesServiceDeps {
  uow: UnitOfWork<DirdDatabase>;
  sourcesDao: SourcesDao;
}

function writeOf(body: ProfileBody): ProfileWrite {
  const services: ProfileWrite['services'] = {};
  for (const [name, config] of Object.entries(body.services))
    services[name] = {
      sources: (config.sources ?? []).map((s) => s.uuid),
      options: { timeout: config.options?.timeout ?? null },
    };
  return { name: body.name, displayUuid: body.display?.uuid ?? null, services };
}

export function createProfilesService({ uow, sourcesDao }: ProfilesServiceDeps) {
  /** The display and sources named must be the tenant's. */
  async function checkReferences(tx: Tx<DirdDatabase>, tenantUuid: string, write: ProfileWrite) {
    if (write.displayUuid) {
      const found = await displaysDao.existing(tx.db, tenantUuid, [write.displayUuid]);
      if (!found.has(write.displayUuid)) throw noSuchDisplay(write.displayUuid);
    }
    const wanted = [...new Set(Object.values(write.services).flatMap((s) => s.sources))];
    const found = await sourcesDao.existing(tx.db, tenantUuid, wanted);
    const missing = wanted.find((uuid) => !found.has(uuid));
    if (missing) throw noSuchSource(missing);
  }

  async function findOrThrow(uuid: string, tenants: readonly string[]): Promise<ProfileDocument> {
    const found = isUuid(uuid) ? await uow.read((tx) => dao.find(tx.db, uuid, tenants)) : undefined;
    if (!found) throw noSuchProfile(uuid);
    return found;
  }

  const rethrowDuplicate = (name: string) => (error: unknown) => {
    throw isUniqueViolation(error, 'dird_profile_tenant_name') ? duplicatedName(name, 'profiles') : error;
  };

  return {
    list: (tenants: readonly string[], params: ListParams) =>
      uow.read((tx) => dao.list(tx.db, tenants, params)),

    get: findOrThrow,

    /** The tenant's profile of that name, or undefined (lookups answer their own 404). */
    byName: (tenantUuid: string, name: string) => uow.read((tx) => dao.findByName(tx.db, tenantUuid, name)),

    async create(tenantUuid: string, body: ProfileBody): Promise<ProfileDocument> {
      const write = writeOf(body);
      const uuid = randomUUID();
      await uow
        .run(async (tx) => {
          await ensureTenant(tx.db, tenantUuid);
          await checkReferences(tx, tenantUuid, write);
          await dao.insert(tx.db, uuid, tenantUuid, write);
        })
        .catch(rethrowDuplicate(write.name));
      return findOrThrow(uuid, [tenantUuid]);
    },

    async edit(uuid: string, tenants: readonly string[], body: ProfileBody): Promise<void> {
      const profile = await findOrThrow(uuid, tenants);
      const write = writeOf(body);
      await uow
        .run(async (tx) => {
          await checkReferences(tx, profile.tenant_uuid, write);
          await dao.update(tx.db, uuid, write);
        })
        .catch(rethrowDuplicate(write.name));
    },

    async delete(uuid: string, tenants: readonly string[]): Promise<void> {
      await findOrThrow(uuid, tenants);
      await uow.run((tx) => dao.delete(tx.db, uuid));
    },
  };
}

export type ProfilesService = ReturnType<typeof createProfilesService>;
