/** wazo-confd's schedule events. */
import { defineEvent } from './define.js';

export interface SchedulePayload {
  id: number;
}

const scheduleCrud = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<SchedulePayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const scheduleCreated = scheduleCrud('schedule_created', 'config.schedules.created');
export const scheduleEdited = scheduleCrud('schedule_edited', 'config.schedules.edited');
export const scheduleDeleted = scheduleCrud('schedule_deleted', 'config.schedules.deleted');
