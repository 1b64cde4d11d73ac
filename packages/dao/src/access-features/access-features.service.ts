/**
 * The access features' public API: search, get, create (host '' , feature phonebook, enabled by
 * default), edit (the fields given), delete, with their events.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult } from '../search/search.js';
import type { AccessFeaturesDao } from './access-features.dao.js';
import type { AccessFeature, AccessFeatureCreate, AccessFeatureEdit } from './access-features.model.js';
import type { AccessFeaturesNotifier } from './access-features.notifier.js';
import type { AccessFeaturesValidator } from './access-features.validator.js';

export interface AccessFeaturesServiceDeps {
  uow: UnitOfWork;
  dao: AccessFeaturesDao;
  validator: AccessFeaturesValidator;
  notifier: AccessFeaturesNotifier;
}

export function createAccessFeaturesService({ uow, dao, validator, notifier }: AccessFeaturesServiceDeps) {
  const found = async (tx: Tx, id: number): Promise<AccessFeature> => {
    const feature = await dao.get(tx, id);
    if (!feature) throw notFound('AccessFeatures', { id });
    return feature;
  };

  return {
    search: (params: SearchParams = {}): Promise<SearchResult<AccessFeature>> =>
      uow.read((tx) => dao.search(tx, params)),

    get: (id: number): Promise<AccessFeature> => uow.read((tx) => found(tx, id)),

    create: (input: AccessFeatureCreate): Promise<AccessFeature> =>
      uow.run(async (tx) => {
        const fields = { host: '', feature: 'phonebook', enabled: true, ...input };
        await validator.validateUnique(tx, fields);
        const feature = await dao.insert(tx, fields);
        notifier.created(tx, feature);
        return feature;
      }),

    edit: (id: number, changes: AccessFeatureEdit): Promise<void> =>
      uow.run(async (tx) => {
        const feature: AccessFeature = { ...(await found(tx, id)), ...changes };
        await validator.validateUnique(tx, feature);
        await dao.update(tx, feature);
        notifier.edited(tx, feature);
      }),

    delete: (id: number): Promise<void> =>
      uow.run(async (tx) => {
        const feature = await found(tx, id);
        await dao.remove(tx, id);
        notifier.deleted(tx, feature);
      }),
  };
}

export type AccessFeaturesService = ReturnType<typeof createAccessFeaturesService>;
