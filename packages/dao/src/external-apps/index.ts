// Public surface of the external apps, a tenant's and a user's.
export {
  createExternalAppsDao,
  createUserExternalAppsDao,
  type ExternalAppsDao,
  externalAppSearchConfig,
  type UserExternalAppsDao,
  userExternalAppSearchConfig,
} from './external-apps.dao.js';
export {
  EXTERNAL_APP_NAME_MAX,
  type ExternalApp,
  type ExternalAppBody,
  externalAppBodySchema,
  externalAppSchema,
  type UserExternalApp,
  userExternalAppSchema,
} from './external-apps.model.js';
export { createExternalAppsNotifier, type ExternalAppsNotifier } from './external-apps.notifier.js';
export {
  createExternalAppsService,
  type ExternalAppsService,
  type UserAppView,
} from './external-apps.service.js';
export {
  checkAppName,
  createExternalAppsValidator,
  type ExternalAppsValidator,
} from './external-apps.validator.js';
