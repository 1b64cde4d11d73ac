/**
 * A user's forwards as a setting kind: `forward_<name>_enabled|destination` of the users table,
 * '' as no destination, `users_forwards_<name>_updated` events; its validator refuses an enabled
 * forward without destination.
 */
import {
  usersForwardsBusyUpdated,
  usersForwardsNoanswerUpdated,
  usersForwardsUnconditionalUpdated,
} from '@wazo-ts/bus';
import type { UserSettingKind } from '../user-settings/index.js';
import { USER_FORWARD_NAMES, type UserForward, type UserForwardName } from './user-forwards.model.js';

export const userForwardsSetting: UserSettingKind<UserForwardName, UserForward> = {
  names: USER_FORWARD_NAMES,
  fields: ['enabled', 'destination'],
  column: (name, field) => `forward_${name}_${field}`,
  emptyIsNull: ['destination'],
  events: {
    busy: usersForwardsBusyUpdated,
    noanswer: usersForwardsNoanswerUpdated,
    unconditional: usersForwardsUnconditionalUpdated,
  },
};
