/**
 * Data access for contexts: the context row and its ranges (one row per range, in given order).
 * No rules here; every read and write is limited to the caller's tenants (an empty scope sees
 * and changes nothing), so a service that skipped its scoped read still cannot reach another tenant.
 */
import { inTenants } from '@wazo-ts/db';
import { type Selectable, sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import type { SearchConfig } from '../search/apply.js';
import { runSearch } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import {
  type Context,
  type ContextRanges,
  type ContextRecord,
  type ContextRef,
  type ContextType,
  RANGE_KINDS,
  type RangeKind,
} from './contexts.model.js';
import type { ContextRangeTable, ContextTable } from './contexts.tables.js';

export const contextSearchConfig: SearchConfig = {
  columns: {
    id: 'context.id',
    description: 'context.description',
    name: 'context.name',
    label: 'context.label',
    type: 'context.type',
  },
  search: ['id', 'description', 'name', 'label', 'type'],
  defaultSort: 'id',
  key: 'context.id',
};

// API list name ↔ stored kind.
const kindOf = (list: RangeKind) => list.replace(/_ranges$/, '');
const listOf = (kind: string) => `${kind}_ranges` as RangeKind;

function emptyRanges(): ContextRanges {
  return {
    user_ranges: [],
    group_ranges: [],
    queue_ranges: [],
    conference_room_ranges: [],
    incall_ranges: [],
  };
}

function toContext(row: Selectable<ContextTable>, ranges: ContextRanges, contexts: ContextRef[]): Context {
  return { ...row, type: row.type as ContextType, ...ranges, contexts };
}

/** The contexts each of `ids` includes, in order (the includes are the context-includes resource's). */
async function includesOf(tx: Tx, ids: number[]): Promise<Map<number, ContextRef[]>> {
  const byContext = new Map<number, ContextRef[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byContext;
  const rows = await tx.db
    .selectFrom('context_include')
    .innerJoin('context', 'context.id', 'context_include.include_id')
    .select(['context_include.context_id', 'context.id', 'context.name', 'context.label'])
    .where('context_include.context_id', 'in', ids)
    .orderBy('context_include.context_id')
    .orderBy('context_include.position')
    .execute();
  for (const { context_id, ...ref } of rows) byContext.get(context_id)?.push(ref);
  return byContext;
}

export function createContextsDao() {
  async function rangesOf(tx: Tx, ids: number[]): Promise<Map<number, ContextRanges>> {
    const byContext = new Map<number, ContextRanges>(ids.map((id) => [id, emptyRanges()]));
    if (ids.length === 0) return byContext;
    const rows = await tx.db
      .selectFrom('context_range')
      .selectAll()
      .where('context_id', 'in', ids)
      .orderBy('context_id')
      .orderBy('kind')
      .orderBy('position')
      .execute();
    for (const row of rows as Selectable<ContextRangeTable>[]) {
      const ranges = byContext.get(row.context_id)!;
      const range = { start: row.start, end: row.end };
      if (row.kind === 'incall') ranges.incall_ranges.push({ ...range, did_length: row.did_length });
      else ranges[listOf(row.kind) as Exclude<RangeKind, 'incall_ranges'>].push(range);
    }
    return byContext;
  }

  async function withRanges(tx: Tx, rows: Selectable<ContextTable>[]): Promise<Context[]> {
    const ids = rows.map((row) => row.id);
    const [ranges, includes] = await Promise.all([rangesOf(tx, ids), includesOf(tx, ids)]);
    return rows.map((row) => toContext(row, ranges.get(row.id)!, includes.get(row.id)!));
  }

  async function findOne(tx: Tx, scope: TenantScope, column: 'id' | 'name' | 'uuid', value: unknown) {
    const row = await tx.db
      .selectFrom('context')
      .selectAll()
      .where(column, '=', value as never)
      .where(inTenants('tenant_uuid', scope.tenantUuids))
      .executeTakeFirst();
    return row ? (await withRanges(tx, [row]))[0]! : null;
  }

  async function writeRanges(tx: Tx, contextId: number, ranges: Partial<ContextRanges>): Promise<void> {
    for (const list of RANGE_KINDS) {
      const given = ranges[list];
      if (given === undefined) continue;
      const kind = kindOf(list);
      await tx.db
        .deleteFrom('context_range')
        .where('context_id', '=', contextId)
        .where('kind', '=', kind)
        .execute();
      if (given.length === 0) continue;
      await tx.db
        .insertInto('context_range')
        .values(
          given.map((range, position) => ({
            context_id: contextId,
            kind,
            position,
            start: range.start,
            end: range.end,
            did_length: 'did_length' in range ? Number(range.did_length) : 0,
          })),
        )
        .execute();
    }
  }

  return {
    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<Context>> {
      const query = tx.db
        .selectFrom('context')
        .selectAll('context')
        .where(inTenants('tenant_uuid', scope.tenantUuids));
      const result = await runSearch(query, contextSearchConfig, params);
      return { total: result.total, items: await withRanges(tx, result.items) };
    },

    find: (tx: Tx, scope: TenantScope, id: number) => findOne(tx, scope, 'id', id),
    findByName: (tx: Tx, scope: TenantScope, name: string) => findOne(tx, scope, 'name', name),

    /** The tenant's slug, for the context name; undefined when the tenant is unknown or out of scope. */
    async tenantSlug(tx: Tx, scope: TenantScope, tenantUuid: string): Promise<string | null | undefined> {
      if (!scope.tenantUuids.includes(tenantUuid)) return undefined;
      // Raw SQL: the tenant table is typed by the tenants resource, which may evolve separately.
      const { rows } = await sql<{ slug: string | null }>`
        SELECT slug FROM tenant WHERE uuid = ${tenantUuid}`.execute(tx.db);
      return rows.length === 0 ? undefined : rows[0]!.slug;
    },

    /** Null when the record's tenant is outside the scope: nothing is written. */
    async create(tx: Tx, scope: TenantScope, record: ContextRecord): Promise<Context | null> {
      if (!scope.tenantUuids.includes(record.tenant_uuid)) return null;
      const { user_ranges, group_ranges, queue_ranges, conference_room_ranges, incall_ranges, ...row } =
        record;
      const inserted = await tx.db.insertInto('context').values(row).returningAll().executeTakeFirstOrThrow();
      const ranges = { user_ranges, group_ranges, queue_ranges, conference_room_ranges, incall_ranges };
      await writeRanges(tx, inserted.id, ranges);
      return toContext(inserted, ranges, []);
    },

    /** False when the context is not in the scope: nothing is written. */
    async edit(tx: Tx, scope: TenantScope, context: Context): Promise<boolean> {
      const { label, type, description, enabled } = context;
      const updated = await tx.db
        .updateTable('context')
        .set({ label, type, description, enabled })
        .where('id', '=', context.id)
        .where(inTenants('tenant_uuid', scope.tenantUuids))
        .returning('id')
        .executeTakeFirst();
      if (!updated) return false;
      await writeRanges(tx, context.id, context);
      return true;
    },

    /** False when the context is not in the scope: nothing is deleted. */
    async delete(tx: Tx, scope: TenantScope, context: Context): Promise<boolean> {
      const deleted = await tx.db
        .deleteFrom('context')
        .where('id', '=', context.id)
        .where(inTenants('tenant_uuid', scope.tenantUuids))
        .executeTakeFirst();
      return deleted.numDeletedRows > 0n;
    },

    /** One extension of the context (if the context is in the scope): what blocks its deletion. */
    async firstExtensionId(tx: Tx, scope: TenantScope, contextId: number): Promise<number | null> {
      const row = await tx.db
        .selectFrom('extension')
        .innerJoin('context', 'context.id', 'extension.context_id')
        .select('extension.id')
        .where('extension.context_id', '=', contextId)
        .where(inTenants('context.tenant_uuid', scope.tenantUuids))
        .orderBy('extension.id')
        .executeTakeFirst();
      return row?.id ?? null;
    },

    /** Every exten of the context's extensions (the context was found in scope by the caller). */
    async extensOf(tx: Tx, contextId: number): Promise<Set<string>> {
      const rows = await tx.db
        .selectFrom('extension')
        .select('exten')
        .where('context_id', '=', contextId)
        .execute();
      return new Set(rows.map((row) => row.exten));
    },

    /** One line of the context (if the context is in the scope). */
    async firstLineId(tx: Tx, scope: TenantScope, contextId: number): Promise<number | null> {
      const row = await tx.db
        .selectFrom('line')
        .innerJoin('context', 'context.id', 'line.context_id')
        .select('line.id')
        .where('line.context_id', '=', contextId)
        .where(inTenants('context.tenant_uuid', scope.tenantUuids))
        .orderBy('line.id')
        .executeTakeFirst();
      return row?.id ?? null;
    },
  };
}

export type ContextsDao = ReturnType<typeof createContextsDao>;
