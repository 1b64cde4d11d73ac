/** The schedule of a group, as each side reads it. */
export type { ScheduleSummary } from '../user-schedules/user-schedules.model.js';

/** A group in a schedule's `groups`. */
export interface ScheduleGroup {
  id: number;
  uuid: string;
  name: string;
}
