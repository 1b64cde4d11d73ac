/** The user's services and forwards routes: two declarations on the user settings routes. */
import {
  USER_FORWARD_NAMES,
  USER_SERVICE_NAMES,
  userForwardSchema,
  userForwardsSchema,
  userServiceSchema,
  userServicesSchema,
} from '@wazo-ts/dao';
import { userSettingsPlugin } from './user-settings.routes.js';

export const userServicesPlugin = userSettingsPlugin({
  name: 'user_services',
  kind: 'services',
  word: 'service',
  names: USER_SERVICE_NAMES,
  // Wazo's quirk: incallfilter shares dnd's ACLs.
  aclOf: { incallfilter: 'dnd' },
  schemas: { set: userServicesSchema, one: userServiceSchema },
  service: (services) => services.userServices,
});

export const userForwardsPlugin = userSettingsPlugin({
  name: 'user_forwards',
  kind: 'forwards',
  word: 'forward',
  names: USER_FORWARD_NAMES,
  schemas: { set: userForwardsSchema, one: userForwardSchema },
  service: (services) => services.userForwards,
});
