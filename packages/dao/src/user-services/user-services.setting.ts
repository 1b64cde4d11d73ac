/**
 * A user's services as a setting kind: `dnd_enabled` and `incallfilter_enabled` of the users
 * table, `users_services_<name>_updated` events. Nothing to validate beyond the body's schema.
 */
import { usersServicesDndUpdated, usersServicesIncallfilterUpdated } from '@wazo-ts/bus';
import type { UserSettingKind } from '../user-settings/index.js';
import { USER_SERVICE_NAMES, type UserService, type UserServiceName } from './user-services.model.js';

export const userServicesSetting: UserSettingKind<UserServiceName, UserService> = {
  names: USER_SERVICE_NAMES,
  fields: ['enabled'],
  column: (name) => `${name}_enabled`,
  events: { dnd: usersServicesDndUpdated, incallfilter: usersServicesIncallfilterUpdated },
};
