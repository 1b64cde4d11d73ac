/** The group-extension association table, as Kysely types. Only the group-extensions dao queries it. */
export interface GroupExtensionTable {
  group_id: number;
  extension_id: number;
}

export interface GroupExtensionTables {
  group_extension: GroupExtensionTable;
}
