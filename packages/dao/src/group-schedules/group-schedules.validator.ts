/** Rules of a group's schedule: same tenant, and one schedule at most. */
import { formatCriteria, resourceAssociated, resourceError } from '../errors.js';
import type { Group } from '../groups/groups.model.js';
import type { Schedule } from '../schedules/schedules.model.js';

export function createGroupSchedulesValidator() {
  return {
    validateAssociation(
      group: Pick<Group, 'uuid' | 'tenant_uuid'>,
      schedule: Pick<Schedule, 'id' | 'tenant_uuid'>,
      current: number | null,
    ): void {
      if (group.tenant_uuid !== schedule.tenant_uuid) {
        const criteria = { group_tenant_uuid: group.tenant_uuid, schedule_tenant_uuid: schedule.tenant_uuid };
        throw resourceError(`different tenants (${formatCriteria(criteria)})`, criteria);
      }
      if (current !== null) {
        throw resourceAssociated('Group', 'Schedule', { group_uuid: group.uuid, schedule_id: current });
      }
    },
  };
}

export type GroupSchedulesValidator = ReturnType<typeof createGroupSchedulesValidator>;
