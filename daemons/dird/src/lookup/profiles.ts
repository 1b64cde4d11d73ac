/**
 * What the lookup, reverse and favorites services read of the configuration: a profile by name
 * in a tenant, with its display's columns and each service's sources and timeout, and sources by
 * name. Queries only: the configuration API owns the writes.
 */
import type { Kysely, Selectable } from 'kysely';
import type { SourceConfig } from '../backends/backend.js';
import type { DirdDatabase, DirdSourceTable } from '../db/schema.js';

export interface DisplayColumn {
  field: string | null;
  title: string | null;
  type: string | null;
  default: string | null;
}

export type ServiceName = 'lookup' | 'reverse' | 'favorites';

export interface ProfileService {
  sources: SourceConfig[];
  /** Seconds, or null for the service's default. */
  timeout: number | null;
}

export interface LookupProfile {
  uuid: string;
  tenantUuid: string;
  name: string;
  columns: DisplayColumn[];
  services: Partial<Record<ServiceName, ProfileService>>;
}

export interface ProfileReader {
  byName(tenantUuid: string, name: string): Promise<LookupProfile | null>;
  sourceByName(tenantUuid: string, name: string): Promise<SourceConfig | null>;
}

export function toSourceConfig(row: Selectable<DirdSourceTable>): SourceConfig {
  return {
    uuid: row.uuid,
    tenantUuid: row.tenant_uuid,
    name: row.name,
    backend: row.backend,
    searchedColumns: row.searched_columns,
    firstMatchedColumns: row.first_matched_columns,
    formatColumns: row.format_columns,
    extern: row.extern,
  };
}

function timeoutOf(options: Record<string, unknown>): number | null {
  const timeout = options.timeout;
  return typeof timeout === 'number' && timeout > 0 ? timeout : null;
}

export function createProfileReader(db: Kysely<DirdDatabase>): ProfileReader {
  return {
    async byName(tenantUuid, name) {
      const profile = await db
        .selectFrom('dird_profile')
        .selectAll()
        .where('tenant_uuid', '=', tenantUuid)
        .where('name', '=', name)
        .executeTakeFirst();
      if (!profile) return null;
      const [columns, services, sources] = await Promise.all([
        profile.display_uuid
          ? db
              .selectFrom('dird_display_column')
              .select(['field', 'title', 'type', 'default'])
              .where('display_uuid', '=', profile.display_uuid)
              .orderBy('position')
              .execute()
          : Promise.resolve([]),
        db.selectFrom('dird_profile_service').selectAll().where('profile_uuid', '=', profile.uuid).execute(),
        db
          .selectFrom('dird_profile_service_source as link')
          .innerJoin('dird_source as source', 'source.uuid', 'link.source_uuid')
          .selectAll('source')
          .select('link.service')
          .where('link.profile_uuid', '=', profile.uuid)
          .orderBy('link.position')
          .execute(),
      ]);
      const byService: Partial<Record<ServiceName, ProfileService>> = {};
      for (const service of services) {
        byService[service.service as ServiceName] = {
          timeout: timeoutOf(service.options),
          sources: sources.filter((s) => s.service === service.service).map(toSourceConfig),
        };
      }
      return { uuid: profile.uuid, tenantUuid, name: profile.name, columns, services: byService };
    },

    async sourceByName(tenantUuid, name) {
      const row = await db
        .selectFrom('dird_source')
        .selectAll()
        .where('tenant_uuid', '=', tenantUuid)
        .where('name', '=', name)
        .executeTakeFirst();
      return row ? toSourceConfig(row) : null;
    },
  };
}
