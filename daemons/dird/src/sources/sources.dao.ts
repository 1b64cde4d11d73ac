/** Queries of dird_source: a tenant's sources, one backend's or all, scoped to visible tenants. */
import { inTenants } from '@wazo-ts/db';
import { type Expression, type Kysely, type Selectable, sql } from 'kysely';
import { type ListParams, type ListResult, listOf } from '../common/list.js';
import type { DirdDatabase, DirdSourceTable } from '../db/schema.js';

export type SourceRow = Selectable<DirdSourceTable>;

type Db = Kysely<DirdDatabase>;

export interface SourceWrite {
  name: string;
  searched_columns: string[];
  first_matched_columns: string[];
  format_columns: Record<string, string>;
  extern: Record<string, unknown>;
}

const STORED = new Set(['uuid', 'name', 'backend', 'tenant_uuid']);

/** A column of the list: a stored one, or a backend field kept in `extern` (file, ldap_uri...). */
const column = (name: string): Expression<unknown> =>
  STORED.has(name) ? sql.ref(`dird_source.${name}`) : sql`dird_source.extern->>${name}`;

export function createSourcesDao() {
  const scoped = (db: Db, backend: string | null, tenants: readonly string[]) => {
    let query = db.selectFrom('dird_source').selectAll().where(inTenants('dird_source.tenant_uuid', tenants));
    if (backend) query = query.where('backend', '=', backend);
    return query;
  };

  return {
    list(
      db: Db,
      backend: string | null,
      tenants: readonly string[],
      params: ListParams,
      filterColumns: string[],
    ): Promise<ListResult<SourceRow>> {
      return listOf(scoped(db, backend, tenants), params, {
        column,
        searched: column('name'),
        filterColumns,
        tieBreak: sql.ref('dird_source.uuid'),
      });
    },

    find(
      db: Db,
      backend: string | null,
      uuid: string,
      tenants: readonly string[],
    ): Promise<SourceRow | undefined> {
      return scoped(db, backend, tenants).where('uuid', '=', uuid).executeTakeFirst();
    },

    /** Sources of one tenant by uuid (a profile's services must name the tenant's own). */
    async existing(db: Db, tenantUuid: string, uuids: readonly string[]): Promise<Set<string>> {
      if (uuids.length === 0) return new Set();
      const rows = await db
        .selectFrom('dird_source')
        .select('uuid')
        .where('tenant_uuid', '=', tenantUuid)
        .where('uuid', 'in', [...uuids])
        .execute();
      return new Set(rows.map((r) => r.uuid));
    },

    async insert(
      db: Db,
      row: SourceWrite & { uuid: string; tenant_uuid: string; backend: string },
    ): Promise<SourceRow> {
      return db
        .insertInto('dird_source')
        .values({
          ...row,
          format_columns: JSON.stringify(row.format_columns),
          extern: JSON.stringify(row.extern),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async update(db: Db, uuid: string, row: SourceWrite): Promise<void> {
      await db
        .updateTable('dird_source')
        .set({
          ...row,
          format_columns: JSON.stringify(row.format_columns),
          extern: JSON.stringify(row.extern),
        })
        .where('uuid', '=', uuid)
        .execute();
    },

    async delete(db: Db, uuid: string): Promise<void> {
      await db.deleteFrom('dird_source').where('uuid', '=', uuid).execute();
    },
  };
}

export type SourcesDao = ReturnType<typeof createSourcesDao>;
