/** The schedule of a user, as each side reads it. */

import type { Static } from '../schema.js';
import type { userScheduleSummarySchema } from '../users/users.model.js';

/** A schedule in a user's `schedules` (and a group's), as the users model declares it. */
export type ScheduleSummary = Static<typeof userScheduleSummarySchema>;

/** A user in a schedule's `users` (its names are the users resource's to add). */
export interface ScheduleUser {
  uuid: string;
}
