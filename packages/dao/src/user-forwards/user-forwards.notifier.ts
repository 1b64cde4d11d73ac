/**
 * The user forwards notifier: one `users_forwards_<name>_updated` user event per forward, for the
 * user and the tenant, with the forward's state after the change.
 */
import {
  usersForwardsBusyUpdated,
  usersForwardsNoanswerUpdated,
  usersForwardsUnconditionalUpdated,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { UserRef } from '../users/users.model.js';
import type { UserForwardName, UserForwards } from './user-forwards.model.js';

const EVENTS = {
  busy: usersForwardsBusyUpdated,
  noanswer: usersForwardsNoanswerUpdated,
  unconditional: usersForwardsUnconditionalUpdated,
} as const;

export function createUserForwardsNotifier() {
  return {
    updated(tx: Tx, user: UserRef, names: readonly UserForwardName[], forwards: UserForwards): void {
      for (const name of names) {
        const data = {
          user_id: user.id,
          user_uuid: user.uuid,
          tenant_uuid: user.tenant_uuid,
          enabled: forwards[name].enabled,
          destination: forwards[name].destination,
        };
        tx.events.add(EVENTS[name].build(data, { tenantUuid: user.tenant_uuid, userUuid: user.uuid }));
      }
    },
  };
}

export type UserForwardsNotifier = ReturnType<typeof createUserForwardsNotifier>;
