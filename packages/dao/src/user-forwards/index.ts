// Public surface of the user forwards sub-resource (busy, noanswer, unconditional).
export { createUserForwardsDao, type UserForwardsDao, type UserWithForwards } from './user-forwards.dao.js';
export {
  USER_FORWARD_NAMES,
  type UserForward,
  type UserForwardName,
  type UserForwards,
  type UserForwardsUpdate,
  type UserForwardUpdate,
  userForwardSchema,
  userForwardsSchema,
} from './user-forwards.model.js';
export { createUserForwardsNotifier, type UserForwardsNotifier } from './user-forwards.notifier.js';
export {
  createUserForwardsService,
  type UserForwardsService,
  type UserForwardsServiceDeps,
} from './user-forwards.service.js';
export { createUserForwardsValidator, type UserForwardsValidator } from './user-forwards.validator.js';
