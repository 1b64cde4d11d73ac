/** Checks on access features: a host is listed once per feature (Wazo's `AccessFeatures` words). */
import type { Tx } from '../db/unit-of-work.js';
import { resourceExists } from '../errors.js';
import type { AccessFeaturesDao } from './access-features.dao.js';
import type { AccessFeature } from './access-features.model.js';

export function createAccessFeaturesValidator({ dao }: { dao: AccessFeaturesDao }) {
  return {
    /** `feature` may be taken by the access feature being edited (`id`), not by another. */
    async validateUnique(tx: Tx, feature: Omit<AccessFeature, 'id'> & { id?: number }): Promise<void> {
      const existing = await dao.findBy(tx, feature.host, feature.feature);
      if (existing && existing.id !== feature.id)
        throw resourceExists('AccessFeatures', { host: feature.host, feature: feature.feature });
    },
  };
}

export type AccessFeaturesValidator = ReturnType<typeof createAccessFeaturesValidator>;
