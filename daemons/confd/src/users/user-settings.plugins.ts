/** The user's services and forwards routes: two declarations on the user settings routes. */
import {
  USER_FORWARD_NAMES,
  USER_SERVICE_NAMES,
  userForwardSchema,
  userForwardsAnswerSchema,
  userForwardsSchema,
  userServiceSchema,
  userServicesAnswerSchema,
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
  answers: { set: userServicesAnswerSchema, one: userServicesAnswerSchema.properties.dnd },
  service: (services) => services.userServices,
});

export const userForwardsPlugin = userSettingsPlugin({
  name: 'user_forwards',
  kind: 'forwards',
  word: 'forward',
  names: USER_FORWARD_NAMES,
  schemas: { set: userForwardsSchema, one: userForwardSchema },
  answers: { set: userForwardsAnswerSchema, one: userForwardsAnswerSchema.properties.busy },
  service: (services) => services.userForwards,
});
