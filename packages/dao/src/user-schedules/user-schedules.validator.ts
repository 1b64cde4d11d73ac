/** Rules of a user's schedule: same tenant, and one schedule at most. */
import { formatCriteria, resourceAssociated, resourceError } from '../errors.js';
import type { UserRef } from '../group-members/user-ref.js';
import type { Schedule } from '../schedules/schedules.model.js';

export function createUserSchedulesValidator() {
  return {
    validateAssociation(
      user: UserRef,
      schedule: Pick<Schedule, 'id' | 'tenant_uuid'>,
      current: number | null,
    ) {
      if (user.tenant_uuid !== schedule.tenant_uuid) {
        const criteria = { user_tenant_uuid: user.tenant_uuid, schedule_tenant_uuid: schedule.tenant_uuid };
        throw resourceError(`different tenants (${formatCriteria(criteria)})`, criteria);
      }
      if (current !== null) {
        throw resourceAssociated('User', 'Schedule', { user_id: user.id, schedule_id: current });
      }
    },
  };
}

export type UserSchedulesValidator = ReturnType<typeof createUserSchedulesValidator>;
