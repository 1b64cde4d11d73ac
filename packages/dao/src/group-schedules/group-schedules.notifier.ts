/** group_schedule_associated/dissociated {group_id, group_uuid, schedule_id}, tenant-wide. */
import { groupScheduleAssociated, groupScheduleDissociated } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { Group } from '../groups/groups.model.js';

type GroupIdentity = Pick<Group, 'id' | 'uuid' | 'tenant_uuid'>;

const payload = (group: GroupIdentity, scheduleId: number) => ({
  group_id: group.id,
  group_uuid: group.uuid,
  schedule_id: scheduleId,
});

export function createGroupSchedulesNotifier() {
  return {
    associated(tx: Tx, group: GroupIdentity, scheduleId: number): void {
      tx.events.add(
        groupScheduleAssociated.build(payload(group, scheduleId), { tenantUuid: group.tenant_uuid }),
      );
    },
    dissociated(tx: Tx, group: GroupIdentity, scheduleId: number): void {
      tx.events.add(
        groupScheduleDissociated.build(payload(group, scheduleId), { tenantUuid: group.tenant_uuid }),
      );
    },
  };
}

export type GroupSchedulesNotifier = ReturnType<typeof createGroupSchedulesNotifier>;
