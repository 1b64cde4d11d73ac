/**
 * The Service API's services for what else a user keeps and the system's star codes: users'
 * blocklists, tenants' and users' external apps, and the feature extensions.
 */
import {
  type BlocklistsService,
  createBlocklistsDao,
  createBlocklistsNotifier,
  createBlocklistsService,
  createBlocklistsValidator,
} from './blocklists/index.js';
import type { UnitOfWork } from './db/unit-of-work.js';
import {
  createExternalAppsDao,
  createExternalAppsNotifier,
  createExternalAppsService,
  createExternalAppsValidator,
  createUserExternalAppsDao,
  type ExternalAppsService,
} from './external-apps/index.js';
import {
  createFeatureExtensionsDao,
  createFeatureExtensionsNotifier,
  createFeatureExtensionsService,
  createFeatureExtensionsValidator,
  type FeatureExtensionsService,
} from './feature-extensions/index.js';
import type { FindUser } from './group-members/index.js';

export interface UserExtraServices {
  blocklists: BlocklistsService;
  externalApps: ExternalAppsService;
  featureExtensions: FeatureExtensionsService;
}

export function userExtraServicesOf(uow: UnitOfWork, findUser: FindUser): UserExtraServices {
  const blocklists = createBlocklistsDao();
  const externalApps = createExternalAppsDao();
  const userExternalApps = createUserExternalAppsDao();
  const featureExtensions = createFeatureExtensionsDao();
  return {
    blocklists: createBlocklistsService({
      uow,
      dao: blocklists,
      validator: createBlocklistsValidator({ dao: blocklists }),
      notifier: createBlocklistsNotifier(),
    }),
    externalApps: createExternalAppsService({
      uow,
      dao: externalApps,
      userDao: userExternalApps,
      findUser,
      validator: createExternalAppsValidator({ dao: externalApps, userDao: userExternalApps }),
      notifier: createExternalAppsNotifier(),
    }),
    featureExtensions: createFeatureExtensionsService({
      uow,
      dao: featureExtensions,
      validator: createFeatureExtensionsValidator({ dao: featureExtensions }),
      notifier: createFeatureExtensionsNotifier(),
    }),
  };
}
