// Public surface of the applications resource and a line's application.
export { type ApplicationsDao, applicationSearchConfig, createApplicationsDao } from './applications.dao.js';
export {
  type Application,
  type ApplicationBody,
  type ApplicationLine,
  applicationBodySchema,
  applicationLineSchema,
  applicationSchema,
  type LineApplication,
  lineApplicationSchema,
} from './applications.model.js';
export { type ApplicationsNotifier, createApplicationsNotifier } from './applications.notifier.js';
export {
  type ApplicationsService,
  type ApplicationsServiceDeps,
  createApplicationsService,
} from './applications.service.js';
export { type ApplicationsValidator, createApplicationsValidator } from './applications.validator.js';
export { lineApplicationLink } from './line-applications.link.js';
