/** SQL of the feature extensions: one table, the system's (no tenant). */
import type { Tx } from '../db/unit-of-work.js';
import { runSearch, type SearchConfig } from '../search/apply.js';
import type { SearchParams, SearchResult } from '../search/search.js';
import type { FeatureExtension } from './feature-extensions.model.js';

/** xivo-dao's feature extension search: exten and feature, sorted by exten. */
export const featureExtensionSearchConfig: SearchConfig = {
  columns: { exten: 'feature_extension.exten', feature: 'feature_extension.feature' },
  search: ['exten', 'feature'],
  defaultSort: 'exten',
  key: 'feature_extension.uuid',
};

export function createFeatureExtensionsDao() {
  const all = (tx: Tx) =>
    tx.db.selectFrom('feature_extension').select(['uuid', 'exten', 'feature', 'enabled']);
  return {
    search: (tx: Tx, params: SearchParams): Promise<SearchResult<FeatureExtension>> =>
      runSearch(all(tx), featureExtensionSearchConfig, params),

    find: (tx: Tx, uuid: string): Promise<FeatureExtension | undefined> =>
      all(tx).where('uuid', '=', uuid).executeTakeFirst(),

    findByExten: (tx: Tx, exten: string): Promise<FeatureExtension | undefined> =>
      all(tx).where('exten', '=', exten).executeTakeFirst(),

    async update(tx: Tx, { uuid, exten, enabled }: FeatureExtension): Promise<void> {
      await tx.db.updateTable('feature_extension').set({ exten, enabled }).where('uuid', '=', uuid).execute();
    },
  };
}

export type FeatureExtensionsDao = ReturnType<typeof createFeatureExtensionsDao>;
