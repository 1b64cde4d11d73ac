/** The schedule of each group, as Kysely types. Only the group-schedules dao queries it. */

/** At most one schedule per group: `group_id` is the primary key. */
export interface GroupScheduleTable {
  group_id: number;
  schedule_id: number;
}

export interface GroupScheduleTables {
  group_schedules: GroupScheduleTable;
}
