/** The schedule of a user, as each side reads it. */

/** A schedule in a user's `schedules`. */
export interface ScheduleSummary {
  id: number;
  name: string | null;
}

/** A user in a schedule's `users` (its names are the users resource's to add). */
export interface ScheduleUser {
  uuid: string;
}
