/**
 * The feature extensions' public API: search, get and edit the system's star codes (seeded by
 * the migration; none is created or deleted). An unknown or malformed uuid is not found.
 */
import { isUuid } from '@wazo-ts/db';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult } from '../search/search.js';
import type { FeatureExtensionsDao } from './feature-extensions.dao.js';
import type { FeatureExtension, FeatureExtensionEdit } from './feature-extensions.model.js';
import type { FeatureExtensionsNotifier } from './feature-extensions.notifier.js';
import type { FeatureExtensionsValidator } from './feature-extensions.validator.js';

export interface FeatureExtensionsServiceDeps {
  uow: UnitOfWork;
  dao: FeatureExtensionsDao;
  validator: FeatureExtensionsValidator;
  notifier: FeatureExtensionsNotifier;
}

export function createFeatureExtensionsService({
  uow,
  dao,
  validator,
  notifier,
}: FeatureExtensionsServiceDeps) {
  const found = async (tx: Tx, uuid: string): Promise<FeatureExtension> => {
    const feature = isUuid(uuid) ? await dao.find(tx, uuid.toLowerCase()) : undefined;
    if (!feature) throw notFound('FeatureExtension', { uuid });
    return feature;
  };

  return {
    search: (params: SearchParams = {}): Promise<SearchResult<FeatureExtension>> =>
      uow.read((tx) => dao.search(tx, params)),

    get: (uuid: string): Promise<FeatureExtension> => uow.read((tx) => found(tx, uuid)),

    edit: (uuid: string, changes: FeatureExtensionEdit): Promise<void> =>
      uow.run(async (tx) => {
        const feature: FeatureExtension = { ...(await found(tx, uuid)), ...changes };
        await validator.validateEdit(tx, feature);
        await dao.update(tx, feature);
        notifier.edited(tx, feature.uuid);
      }),
  };
}

export type FeatureExtensionsService = ReturnType<typeof createFeatureExtensionsService>;
