/**
 * SQL of the conferences: `conference`, with its extension (`conference_extension`) read with it.
 * Deleting one also deletes what Wazo deletes with it: the destinations and function keys to it
 * (the extension is freed by the table's cascade).
 */

import { inTenants } from '@wazo-ts/db';
import { deleteInScope, updateInScope } from '../db/scoped-write.js';
import type { Tx } from '../db/unit-of-work.js';
import { dropDestinationsTo } from '../fallbacks/fallbacks.dao.js';
import { dropFuncKeysTo } from '../func-keys/func-keys.dao.js';
import { incallsRoutingTo } from '../incalls/incalls.relations.js';
import { CONFERENCE_OWNER, ownedExtensions } from '../owner-extensions/owner-extensions.dao.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { Conference, ConferenceFields, ConferenceRow } from './conferences.model.js';

/** Wazo's conference search: id, name, preprocess_subroutine and its extension's exten; sorted by name. */
export const conferenceSearchConfig: SearchConfig = {
  columns: {
    id: 'conference.id',
    name: 'conference.name',
    preprocess_subroutine: 'conference.preprocess_subroutine',
    exten: 'extension.exten',
  },
  search: ['id', 'name', 'preprocess_subroutine', 'exten'],
  defaultSort: 'name',
  key: 'conference.id',
};

function scoped(tx: Tx, scope: TenantScope) {
  return tx.db
    .selectFrom('conference')
    .leftJoin('conference_extension', 'conference_extension.conference_id', 'conference.id')
    .leftJoin('extension', 'extension.id', 'conference_extension.extension_id')
    .selectAll('conference')
    .where(inTenants('conference.tenant_uuid', scope.tenantUuids));
}

async function withRelations(tx: Tx, rows: ConferenceFields[]): Promise<Conference[]> {
  const extensions = await ownedExtensions(
    tx,
    CONFERENCE_OWNER,
    rows.map((row) => row.id),
  );
  const incalls = await incallsRoutingTo(
    tx,
    'conference',
    'conference_id',
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    ...row,
    extensions: extensions.get(row.id) ?? [],
    incalls: incalls.get(String(row.id)) ?? [],
  }));
}

const one = async (tx: Tx, row: ConferenceFields | undefined) =>
  row ? (await withRelations(tx, [row]))[0]! : null;

export function createConferencesDao() {
  return {
    /** Null when the row's tenant is outside the scope: nothing is written. */
    async create(tx: Tx, scope: TenantScope, row: ConferenceRow): Promise<Conference | null> {
      if (!scope.tenantUuids.includes(row.tenant_uuid)) return null;
      return one(
        tx,
        await tx.db.insertInto('conference').values(row).returningAll().executeTakeFirstOrThrow(),
      );
    },

    async find(tx: Tx, scope: TenantScope, id: number): Promise<Conference | null> {
      return one(tx, await scoped(tx, scope).where('conference.id', '=', id).executeTakeFirst());
    },

    async search(tx: Tx, scope: TenantScope, params: SearchParams): Promise<SearchResult<Conference>> {
      const page = await runSearch(scoped(tx, scope), conferenceSearchConfig, params);
      return { total: page.total, items: await withRelations(tx, page.items) };
    },

    /** Replaces the fields of `id` if it is in scope; null when it is not. */
    async update(tx: Tx, scope: TenantScope, id: number, row: ConferenceRow): Promise<Conference | null> {
      const { tenant_uuid: _tenant, ...columns } = row;
      const updated = await updateInScope(tx, 'conference', scope, id, columns);
      return one(tx, updated);
    },

    /** Deletes `id`, the destinations and the function keys to it, if in scope. */
    async delete(tx: Tx, scope: TenantScope, id: number): Promise<boolean> {
      if (!(await deleteInScope(tx, 'conference', scope, id))) return false;
      await dropDestinationsTo(tx, 'conference', 'conference_id', id);
      await dropFuncKeysTo(tx, ['conference'], 'conference_id', id);
      return true;
    },
  };
}

export type ConferencesDao = ReturnType<typeof createConferencesDao>;
