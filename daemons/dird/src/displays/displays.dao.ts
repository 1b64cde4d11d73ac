/** Queries of dird_display and its columns (kept in order by `position`). */
import { inTenants } from '@wazo-ts/db';
import { type Kysely, type Selectable, sql } from 'kysely';
import { type ListParams, type ListResult, listOf } from '../common/list.js';
import type { DirdDatabase, DirdDisplayTable } from '../db/schema.js';

type Db = Kysely<DirdDatabase>;
export type DisplayRow = Selectable<DirdDisplayTable>;

export interface DisplayColumn {
  field: string | null;
  title: string | null;
  type: string | null;
  default: string | null;
  number_display: string | null;
}

export interface DisplayDocument extends DisplayRow {
  columns: DisplayColumn[];
}

const scoped = (db: Db, tenants: readonly string[]) =>
  db.selectFrom('dird_display').selectAll().where(inTenants('dird_display.tenant_uuid', tenants));

async function withColumns(db: Db, rows: DisplayRow[]): Promise<DisplayDocument[]> {
  if (rows.length === 0) return [];
  const columns = await db
    .selectFrom('dird_display_column')
    .select(['display_uuid', 'field', 'title', 'type', 'default', 'number_display'])
    .where(
      'display_uuid',
      'in',
      rows.map((r) => r.uuid),
    )
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    ...row,
    columns: columns
      .filter((c) => c.display_uuid === row.uuid)
      .map(({ display_uuid: _, ...column }) => column),
  }));
}

async function writeColumns(db: Db, displayUuid: string, columns: DisplayColumn[]): Promise<void> {
  await db.deleteFrom('dird_display_column').where('display_uuid', '=', displayUuid).execute();
  await db
    .insertInto('dird_display_column')
    .values(columns.map((column, position) => ({ ...column, display_uuid: displayUuid, position })))
    .execute();
}

export const displaysDao = {
  async list(db: Db, tenants: readonly string[], params: ListParams): Promise<ListResult<DisplayDocument>> {
    const page = await listOf(scoped(db, tenants), params, {
      column: (name) => sql.ref(`dird_display.${name}`),
      searched: sql.ref('dird_display.name'),
      filterColumns: ['uuid', 'name'],
      tieBreak: sql.ref('dird_display.uuid'),
    });
    return { ...page, items: await withColumns(db, page.items) };
  },

  async find(db: Db, uuid: string, tenants: readonly string[]): Promise<DisplayDocument | undefined> {
    const row = await scoped(db, tenants).where('uuid', '=', uuid).executeTakeFirst();
    return row ? (await withColumns(db, [row]))[0] : undefined;
  },

  /** The uuids among `uuids` of displays of the tenant. */
  async existing(db: Db, tenantUuid: string, uuids: readonly string[]): Promise<Set<string>> {
    if (uuids.length === 0) return new Set();
    const rows = await scoped(db, [tenantUuid])
      .where('uuid', 'in', [...uuids])
      .execute();
    return new Set(rows.map((r) => r.uuid));
  },

  async insert(db: Db, row: DisplayRow, columns: DisplayColumn[]): Promise<void> {
    await db.insertInto('dird_display').values(row).execute();
    await writeColumns(db, row.uuid, columns);
  },

  async update(db: Db, uuid: string, name: string, columns: DisplayColumn[]): Promise<void> {
    await db.updateTable('dird_display').set({ name }).where('uuid', '=', uuid).execute();
    await writeColumns(db, uuid, columns);
  },

  async delete(db: Db, uuid: string): Promise<void> {
    await db.deleteFrom('dird_display').where('uuid', '=', uuid).execute();
  },
};
