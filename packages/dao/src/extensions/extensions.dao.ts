/**
 * Data access for extensions. An extension row holds its context's id; reads join the context for
 * its name, type and tenant, and the lines the extension is assigned to.
 */
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { Extension, ExtensionRecord } from './extensions.model.js';

export const extensionSearchConfig: SearchConfig = {
  columns: {
    id: 'extension.id',
    exten: 'extension.exten',
    context: 'context.name',
    type: 'context.type',
  },
  search: ['exten', 'context', 'type'],
  defaultSort: 'exten',
};

interface ExtensionRow {
  id: number;
  exten: string;
  enabled: boolean;
  context: string;
  tenant_uuid: string;
}

export function createExtensionsDao() {
  const base = (tx: Tx, scope: TenantScope) =>
    tx.db
      .selectFrom('extension')
      .innerJoin('context', 'context.id', 'extension.context_id')
      .select([
        'extension.id',
        'extension.exten',
        'extension.enabled',
        'context.name as context',
        'context.tenant_uuid',
      ])
      .where('context.tenant_uuid', 'in', scope.tenantUuids);

  async function withLines(tx: Tx, rows: ExtensionRow[]): Promise<Extension[]> {
    const ids = rows.map((row) => row.id);
    const links =
      ids.length === 0
        ? []
        : await tx.db
            .selectFrom('line_extension')
            .innerJoin('line', 'line.id', 'line_extension.line_id')
            .select(['line_extension.extension_id', 'line.id', 'line.name'])
            .where('line_extension.extension_id', 'in', ids)
            .orderBy('line.id')
            .execute();
    return rows.map((row) => ({
      ...row,
      commented: !row.enabled,
      lines: links.filter((l) => l.extension_id === row.id).map((l) => ({ id: l.id, name: l.name })),
    }));
  }

  async function findWhere(tx: Tx, scope: TenantScope, id: number): Promise<Extension | null> {
    if (scope.tenantUuids.length === 0) return null;
    const row = await base(tx, scope).where('extension.id', '=', id).executeTakeFirst();
    return row ? (await withLines(tx, [row]))[0]! : null;
  }

  return {
    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<Extension>> {
      if (scope.tenantUuids.length === 0) return { total: 0, items: [] };
      const result = await runSearch(base(tx, scope), extensionSearchConfig, params);
      return { total: result.total, items: await withLines(tx, result.items) };
    },

    find: findWhere,

    /** The extension `exten@context` in any tenant: exten and context are unique together everywhere. */
    async findIdByExten(tx: Tx, exten: string, contextId: number): Promise<number | null> {
      const row = await tx.db
        .selectFrom('extension')
        .select('id')
        .where('exten', '=', exten)
        .where('context_id', '=', contextId)
        .executeTakeFirst();
      return row?.id ?? null;
    },

    async create(tx: Tx, record: ExtensionRecord): Promise<number> {
      const row = await tx.db
        .insertInto('extension')
        .values(record)
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async edit(tx: Tx, id: number, record: ExtensionRecord): Promise<void> {
      await tx.db.updateTable('extension').set(record).where('id', '=', id).execute();
    },

    async delete(tx: Tx, id: number): Promise<void> {
      await tx.db.deleteFrom('extension').where('id', '=', id).execute();
    },
  };
}

export type ExtensionsDao = ReturnType<typeof createExtensionsDao>;
