/** user_schedule_associated/dissociated {user_uuid, schedule_id}, for the user. */
import { userScheduleAssociated, userScheduleDissociated } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { UserRef } from '../group-members/user-ref.js';

export function createUserSchedulesNotifier() {
  const scoping = (user: UserRef) => ({ tenantUuid: user.tenant_uuid, userUuid: user.uuid });
  return {
    associated(tx: Tx, user: UserRef, scheduleId: number): void {
      tx.events.add(
        userScheduleAssociated.build({ user_uuid: user.uuid, schedule_id: scheduleId }, scoping(user)),
      );
    },
    dissociated(tx: Tx, user: UserRef, scheduleId: number): void {
      tx.events.add(
        userScheduleDissociated.build({ user_uuid: user.uuid, schedule_id: scheduleId }, scoping(user)),
      );
    },
  };
}

export type UserSchedulesNotifier = ReturnType<typeof createUserSchedulesNotifier>;
