/**
 * The user forwards validator, as wazo-confd's: after the change, no forward may be enabled
 * without a destination. All three are checked whichever was changed.
 */
import { resourceError } from '../errors.js';
import { USER_FORWARD_NAMES, type UserForwards } from './user-forwards.model.js';

export function createUserForwardsValidator() {
  return {
    validateEdit(forwards: UserForwards): void {
      for (const name of USER_FORWARD_NAMES) {
        const forward = forwards[name];
        if (forward.enabled && forward.destination === null) {
          throw resourceError('Forward must be disabled to remove destination', { forward: name });
        }
      }
    },
  };
}

export type UserForwardsValidator = ReturnType<typeof createUserForwardsValidator>;
