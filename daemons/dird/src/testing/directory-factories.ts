/** Sources, displays and profiles written straight into dird's tables, for lookup tests. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DirdDatabase } from '../db/schema.js';

type Db = Kysely<DirdDatabase>;

export async function ensureTenant(db: Db, tenantUuid: string) {
  await db
    .insertInto('dird_tenant')
    .values({ uuid: tenantUuid, country: null })
    .onConflict((c) => c.doNothing())
    .execute();
}

export interface SourceSeed {
  tenantUuid: string;
  backend: string;
  name?: string;
  searched?: string[];
  firstMatched?: string[];
  format?: Record<string, string>;
  extern?: Record<string, unknown>;
}

export async function seedSource(db: Db, seed: SourceSeed): Promise<{ uuid: string; name: string }> {
  await ensureTenant(db, seed.tenantUuid);
  const uuid = randomUUID();
  const name = seed.name ?? `${seed.backend}-${uuid.slice(0, 8)}`;
  await db
    .insertInto('dird_source')
    .values({
      uuid,
      tenant_uuid: seed.tenantUuid,
      name,
      backend: seed.backend,
      searched_columns: seed.searched ?? [],
      first_matched_columns: seed.firstMatched ?? [],
      format_columns: JSON.stringify(seed.format ?? {}),
      extern: JSON.stringify(seed.extern ?? {}),
    })
    .execute();
  return { uuid, name };
}

export interface ColumnSeed {
  field?: string | null;
  title?: string | null;
  type?: string | null;
  default?: string | null;
}

export interface ProfileSeed {
  tenantUuid: string;
  name?: string;
  columns: ColumnSeed[];
  services: Partial<Record<'lookup' | 'reverse' | 'favorites', { sources: string[]; timeout?: number }>>;
}

export async function seedProfile(db: Db, seed: ProfileSeed): Promise<{ uuid: string; name: string }> {
  await ensureTenant(db, seed.tenantUuid);
  const displayUuid = randomUUID();
  await db
    .insertInto('dird_display')
    .values({ uuid: displayUuid, tenant_uuid: seed.tenantUuid, name: `display-${displayUuid.slice(0, 8)}` })
    .execute();
  if (seed.columns.length > 0)
    await db
      .insertInto('dird_display_column')
      .values(
        seed.columns.map((column, position) => ({
          display_uuid: displayUuid,
          position,
          field: column.field ?? null,
          title: column.title ?? null,
          type: column.type ?? null,
          default: column.default ?? null,
        })),
      )
      .execute();
  const uuid = randomUUID();
  const name = seed.name ?? 'default';
  await db
    .insertInto('dird_profile')
    .values({ uuid, tenant_uuid: seed.tenantUuid, name, display_uuid: displayUuid })
    .execute();
  for (const [service, config] of Object.entries(seed.services)) {
    await db
      .insertInto('dird_profile_service')
      .values({
        profile_uuid: uuid,
        service,
        options: JSON.stringify(config.timeout === undefined ? {} : { timeout: config.timeout }),
      })
      .execute();
    if (config.sources.length > 0)
      await db
        .insertInto('dird_profile_service_source')
        .values(
          config.sources.map((source_uuid, position) => ({
            profile_uuid: uuid,
            service,
            source_uuid,
            position,
          })),
        )
        .execute();
  }
  return { uuid, name };
}
