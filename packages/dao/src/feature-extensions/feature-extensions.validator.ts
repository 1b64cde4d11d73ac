/** Checks on feature extensions: an exten reaches one feature only (Wazo's `FeatureExtension` words). */
import type { Tx } from '../db/unit-of-work.js';
import { resourceExists } from '../errors.js';
import type { FeatureExtensionsDao } from './feature-extensions.dao.js';
import type { FeatureExtension } from './feature-extensions.model.js';

export function createFeatureExtensionsValidator({ dao }: { dao: FeatureExtensionsDao }) {
  return {
    async validateEdit(tx: Tx, feature: FeatureExtension): Promise<void> {
      const existing = await dao.findByExten(tx, feature.exten);
      if (existing && existing.uuid !== feature.uuid)
        throw resourceExists('FeatureExtension', { exten: feature.exten });
    },
  };
}

export type FeatureExtensionsValidator = ReturnType<typeof createFeatureExtensionsValidator>;
