/** The access features' events: access_feature_created|edited|deleted with the feature as shown. */
import { accessFeatureCreated, accessFeatureDeleted, accessFeatureEdited } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { AccessFeature } from './access-features.model.js';

export function createAccessFeaturesNotifier() {
  return {
    created: (tx: Tx, feature: AccessFeature) => tx.events.add(accessFeatureCreated.build({ ...feature })),
    edited: (tx: Tx, feature: AccessFeature) => tx.events.add(accessFeatureEdited.build({ ...feature })),
    deleted: (tx: Tx, feature: AccessFeature) => tx.events.add(accessFeatureDeleted.build({ ...feature })),
  };
}

export type AccessFeaturesNotifier = ReturnType<typeof createAccessFeaturesNotifier>;
