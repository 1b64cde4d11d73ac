/** The user members of groups, as Kysely types. Only the group-members dao queries it. */

/** One user in one group; `position` keeps the order the members were given in. */
export interface GroupMemberUserTable {
  group_id: number;
  user_uuid: string;
  priority: number;
  position: number;
}

export interface GroupMemberTables {
  group_member_users: GroupMemberUserTable;
}
