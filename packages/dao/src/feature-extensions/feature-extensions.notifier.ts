/** `extension_feature_edited` with the feature extension's uuid: a service event, as Wazo's. */
import { extensionFeatureEdited } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';

export function createFeatureExtensionsNotifier() {
  return {
    edited: (tx: Tx, uuid: string) => tx.events.add(extensionFeatureEdited.build({ uuid })),
  };
}

export type FeatureExtensionsNotifier = ReturnType<typeof createFeatureExtensionsNotifier>;
