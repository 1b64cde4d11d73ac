/** The extension members of groups, as Kysely types. Only the group-member-extensions dao queries it. */

/** One `exten@context` in one group; `position` keeps the order the members were given in. */
export interface GroupMemberExtensionTable {
  group_id: number;
  position: number;
  exten: string;
  context: string;
  priority: number;
}

export interface GroupMemberExtensionTables {
  group_member_extensions: GroupMemberExtensionTable;
}
