// Public surface of the user forwards sub-resource (busy, noanswer, unconditional), a user setting kind.
import type { UserSettingsService } from '../user-settings/index.js';
import type { UserForward, UserForwardName } from './user-forwards.model.js';

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
export { userForwardsSetting } from './user-forwards.setting.js';
export { createUserForwardsValidator, type UserForwardsValidator } from './user-forwards.validator.js';
export type UserForwardsService = UserSettingsService<UserForwardName, UserForward>;
