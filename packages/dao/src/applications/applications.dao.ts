/**
 * SQL of the applications: `application` rows scoped to the caller's tenants, each read with the
 * lines linked to it (`line_application`), by line id.
 */
import { inTenants, isUuid } from '@wazo-ts/db';
import type { Selectable } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { Application, ApplicationLine, ApplicationRecord } from './applications.model.js';
import type { ApplicationTable } from './applications.tables.js';

/** xivo-dao's application search: uuid and name, sorted by uuid. */
export const applicationSearchConfig: SearchConfig = {
  columns: { uuid: 'application.uuid', name: 'application.name' },
  search: ['uuid', 'name'],
  defaultSort: 'uuid',
  key: 'application.uuid',
};

function toApplication(row: Selectable<ApplicationTable>, lines: ApplicationLine[]): Application {
  const node = row.node_type === null ? null : row;
  return {
    uuid: row.uuid,
    tenant_uuid: row.tenant_uuid,
    name: row.name,
    destination: node ? 'node' : null,
    destination_options: node
      ? { type: node.node_type!, music_on_hold: node.node_music_on_hold, answer: node.node_answer }
      : {},
    lines,
  };
}

const columnsOf = ({ name, node }: ApplicationRecord) => ({
  name,
  node_type: node?.type ?? null,
  node_music_on_hold: node?.music_on_hold ?? null,
  node_answer: node?.answer ?? false,
});

export function createApplicationsDao() {
  const scoped = (tx: Tx, scope: TenantScope) =>
    tx.db
      .selectFrom('application')
      .selectAll('application')
      .where(inTenants('application.tenant_uuid', scope.tenantUuids));

  async function withLines(tx: Tx, rows: Selectable<ApplicationTable>[]): Promise<Application[]> {
    const uuids = rows.map((row) => row.uuid);
    const lines =
      uuids.length === 0
        ? []
        : await tx.db
            .selectFrom('line_application')
            .innerJoin('line', 'line.id', 'line_application.line_id')
            .select(['line_application.application_uuid', 'line.id', 'line.name'])
            .where('line_application.application_uuid', 'in', uuids)
            .orderBy('line.id')
            .execute();
    return rows.map((row) =>
      toApplication(
        row,
        lines.filter((l) => l.application_uuid === row.uuid).map(({ id, name }) => ({ id, name })),
      ),
    );
  }

  return {
    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<Application>> {
      const page = await runSearch(scoped(tx, scope), applicationSearchConfig, params);
      return { total: page.total, items: await withLines(tx, page.items) };
    },

    async find(tx: Tx, scope: TenantScope, uuid: string): Promise<Application | null> {
      if (!isUuid(uuid)) return null;
      const row = await scoped(tx, scope).where('application.uuid', '=', uuid).executeTakeFirst();
      return row ? ((await withLines(tx, [row]))[0] ?? null) : null;
    },

    async create(tx: Tx, tenantUuid: string, record: ApplicationRecord): Promise<string> {
      const row = await tx.db
        .insertInto('application')
        .values({ tenant_uuid: tenantUuid, ...columnsOf(record) })
        .returning('uuid')
        .executeTakeFirstOrThrow();
      return row.uuid;
    },

    /** Replaces the application's fields (it was found in the caller's scope first). */
    async update(tx: Tx, uuid: string, record: ApplicationRecord): Promise<void> {
      await tx.db.updateTable('application').set(columnsOf(record)).where('uuid', '=', uuid).execute();
    },

    /** Deletes the application; its lines lose it with it (the link rows go too). */
    async delete(tx: Tx, uuid: string): Promise<void> {
      await tx.db.deleteFrom('application').where('uuid', '=', uuid).execute();
    },
  };
}

export type ApplicationsDao = ReturnType<typeof createApplicationsDao>;
