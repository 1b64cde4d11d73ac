/** SQL of the access features: one table, the system's (not tenant-scoped). */
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult } from '../search/search.js';
import type { AccessFeature } from './access-features.model.js';

/** xivo-dao's access feature search: id, host, feature, enabled; sorted by host. */
export const accessFeatureSearchConfig: SearchConfig = {
  columns: {
    id: 'access_feature.id',
    host: 'access_feature.host',
    feature: 'access_feature.feature',
    enabled: 'access_feature.enabled',
  },
  search: ['id', 'host', 'feature', 'enabled'],
  defaultSort: 'host',
  key: 'access_feature.id',
};

export function createAccessFeaturesDao() {
  const all = (tx: Tx) => tx.db.selectFrom('access_feature').selectAll('access_feature');
  return {
    search: (tx: Tx, params: SearchParams): Promise<SearchResult<AccessFeature>> =>
      runSearch(all(tx), accessFeatureSearchConfig, params),

    get: (tx: Tx, id: number): Promise<AccessFeature | undefined> =>
      all(tx).where('access_feature.id', '=', id).executeTakeFirst(),

    findBy: (tx: Tx, host: string, feature: string): Promise<AccessFeature | undefined> =>
      all(tx).where('host', '=', host).where('feature', '=', feature).executeTakeFirst(),

    insert: (tx: Tx, fields: Omit<AccessFeature, 'id'>): Promise<AccessFeature> =>
      tx.db.insertInto('access_feature').values(fields).returningAll().executeTakeFirstOrThrow(),

    async update(tx: Tx, { id, ...fields }: AccessFeature): Promise<void> {
      await tx.db.updateTable('access_feature').set(fields).where('id', '=', id).execute();
    },

    async remove(tx: Tx, id: number): Promise<void> {
      await tx.db.deleteFrom('access_feature').where('id', '=', id).execute();
    },
  };
}

export type AccessFeaturesDao = ReturnType<typeof createAccessFeaturesDao>;
