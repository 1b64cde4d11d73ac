/** The line-extension association table, as Kysely types. Only the line-extensions dao queries it. */
export interface LineExtensionTable {
  line_id: number;
  extension_id: number;
  main_extension: boolean;
}

export interface LineExtensionTables {
  line_extension: LineExtensionTable;
}
