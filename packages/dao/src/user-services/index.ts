// Public surface of the user services sub-resource (dnd, incallfilter).
export { createUserServicesDao, type UserServicesDao, type UserWithServices } from './user-services.dao.js';
export {
  USER_SERVICE_NAMES,
  type UserService,
  type UserServiceName,
  type UserServices,
  type UserServicesUpdate,
  userServiceSchema,
  userServicesSchema,
} from './user-services.model.js';
export { createUserServicesNotifier, type UserServicesNotifier } from './user-services.notifier.js';
export {
  createUserServicesService,
  type UserServicesService,
  type UserServicesServiceDeps,
} from './user-services.service.js';
