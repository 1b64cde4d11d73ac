/** Queries of dird_profile with its services and their ordered sources. */
import { inTenants } from '@wazo-ts/db';
import { type Kysely, type Selectable, sql } from 'kysely';
import { type ListParams, type ListResult, listOf } from '../common/list.js';
import type { DirdDatabase, DirdProfileTable } from '../db/schema.js';

type Db = Kysely<DirdDatabase>;
type ProfileRow = Selectable<DirdProfileTable>;

export interface ProfileService {
  sources: { uuid: string }[];
  options: Record<string, unknown>;
}

export interface ProfileDocument {
  uuid: string;
  tenant_uuid: string;
  name: string;
  display: { uuid: string } | null;
  services: Record<string, ProfileService>;
}

const scoped = (db: Db, tenants: readonly string[]) =>
  db.selectFrom('dird_profile').selectAll().where(inTenants('dird_profile.tenant_uuid', tenants));

async function documents(db: Db, rows: ProfileRow[]): Promise<ProfileDocument[]> {
  if (rows.length === 0) return [];
  const uuids = rows.map((r) => r.uuid);
  const [services, sources] = await Promise.all([
    db.selectFrom('dird_profile_service').selectAll().where('profile_uuid', 'in', uuids).execute(),
    db
      .selectFrom('dird_profile_service_source')
      .selectAll()
      .where('profile_uuid', 'in', uuids)
      .orderBy('position')
      .execute(),
  ]);
  return rows.map((row) => {
    const byService: Record<string, ProfileService> = {};
    for (const service of services.filter((s) => s.profile_uuid === row.uuid)) {
      byService[service.service] = {
        sources: sources
          .filter((s) => s.profile_uuid === row.uuid && s.service === service.service)
          .map((s) => ({ uuid: s.source_uuid })),
        options: { timeout: null, ...service.options },
      };
    }
    return {
      uuid: row.uuid,
      tenant_uuid: row.tenant_uuid,
      name: row.name,
      display: row.display_uuid ? { uuid: row.display_uuid } : null,
      services: byService,
    };
  });
}

export interface ProfileWrite {
  name: string;
  displayUuid: string | null;
  services: Record<string, { sources: string[]; options: Record<string, unknown> }>;
}

async function writeServices(db: Db, profileUuid: string, services: ProfileWrite['services']): Promise<void> {
  await db.deleteFrom('dird_profile_service').where('profile_uuid', '=', profileUuid).execute();
  const entries = Object.entries(services);
  if (entries.length === 0) return;
  await db
    .insertInto('dird_profile_service')
    .values(
      entries.map(([service, config]) => ({
        profile_uuid: profileUuid,
        service,
        options: JSON.stringify(config.options),
      })),
    )
    .execute();
  const links = entries.flatMap(([service, config]) =>
    [...new Set(config.sources)].map((source_uuid, position) => ({
      profile_uuid: profileUuid,
      service,
      source_uuid,
      position,
    })),
  );
  if (links.length) await db.insertInto('dird_profile_service_source').values(links).execute();
}

export const profilesDao = {
  async list(db: Db, tenants: readonly string[], params: ListParams): Promise<ListResult<ProfileDocument>> {
    const page = await listOf(scoped(db, tenants), params, {
      column: (name) => sql.ref(`dird_profile.${name}`),
      searched: sql.ref('dird_profile.name'),
      filterColumns: ['uuid', 'name'],
      tieBreak: sql.ref('dird_profile.uuid'),
    });
    return { ...page, items: await documents(db, page.items) };
  },

  async find(db: Db, uuid: string, tenants: readonly string[]): Promise<ProfileDocument | undefined> {
    const row = await scoped(db, tenants).where('uuid', '=', uuid).executeTakeFirst();
    return row ? (await documents(db, [row]))[0] : undefined;
  },

  /** A profile of the tenant by name (the lookups' `{profile}`). */
  async findByName(db: Db, tenantUuid: string, name: string): Promise<ProfileDocument | undefined> {
    const row = await scoped(db, [tenantUuid]).where('name', '=', name).executeTakeFirst();
    return row ? (await documents(db, [row]))[0] : undefined;
  },

  async insert(db: Db, uuid: string, tenantUuid: string, write: ProfileWrite): Promise<void> {
    await db
      .insertInto('dird_profile')
      .values({ uuid, tenant_uuid: tenantUuid, name: write.name, display_uuid: write.displayUuid })
      .execute();
    await writeServices(db, uuid, write.services);
  },

  async update(db: Db, uuid: string, write: ProfileWrite): Promise<void> {
    await db
      .updateTable('dird_profile')
      .set({ name: write.name, display_uuid: write.displayUuid })
      .where('uuid', '=', uuid)
      .execute();
    await writeServices(db, uuid, write.services);
  },

  async delete(db: Db, uuid: string): Promise<void> {
    await db.deleteFrom('dird_profile').where('uuid', '=', uuid).execute();
  },
};
