// Public surface of the user services sub-resource (dnd, incallfilter), a user setting kind.
import type { UserSettingsService } from '../user-settings/index.js';
import type { UserService, UserServiceName } from './user-services.model.js';

export {
  USER_SERVICE_NAMES,
  type UserService,
  type UserServiceName,
  type UserServices,
  type UserServicesUpdate,
  userServiceSchema,
  userServicesSchema,
} from './user-services.model.js';
export { userServicesSetting } from './user-services.setting.js';
export type UserServicesService = UserSettingsService<UserServiceName, UserService>;
