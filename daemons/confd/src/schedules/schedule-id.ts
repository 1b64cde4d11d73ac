/**
 * A `{schedule_id}` path value: Wazo's routes take `<int:schedule_id>`, so anything but digits
 * finds no schedule; here it answers the schedule's 404 rather than a schema error.
 */
import { notFound } from '@wazo-ts/dao';
import { idParams } from '../common/int-param.js';

export function scheduleIdOf(raw: string): number {
  if (!/^[0-9]{1,9}$/.test(raw)) throw notFound('Schedule', { id: raw });
  return Number(raw);
}

export const ScheduleIdParams = idParams('schedule_id');
