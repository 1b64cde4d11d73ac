/** The schedules' events: schedule_created/edited/deleted {id}, for the schedule's tenant. */
import { scheduleCreated, scheduleDeleted, scheduleEdited } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { Schedule } from './schedules.model.js';

type ScheduleIdentity = Pick<Schedule, 'id' | 'tenant_uuid'>;

export function createSchedulesNotifier() {
  return {
    created(tx: Tx, schedule: ScheduleIdentity): void {
      tx.events.add(scheduleCreated.build({ id: schedule.id }, { tenantUuid: schedule.tenant_uuid }));
    },
    edited(tx: Tx, schedule: ScheduleIdentity): void {
      tx.events.add(scheduleEdited.build({ id: schedule.id }, { tenantUuid: schedule.tenant_uuid }));
    },
    deleted(tx: Tx, schedule: ScheduleIdentity): void {
      tx.events.add(scheduleDeleted.build({ id: schedule.id }, { tenantUuid: schedule.tenant_uuid }));
    },
  };
}

export type SchedulesNotifier = ReturnType<typeof createSchedulesNotifier>;
