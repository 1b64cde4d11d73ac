/** The schedule of each user, as Kysely types. Only the user-schedules dao queries it. */

/** At most one schedule per user: `user_uuid` is the primary key. */
export interface UserScheduleTable {
  user_uuid: string;
  schedule_id: number;
}

export interface UserScheduleTables {
  user_schedules: UserScheduleTable;
}
