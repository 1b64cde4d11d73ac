/** The user-line association table, as Kysely types. Only the user-lines dao queries it. */
export interface UserLineTable {
  user_id: number;
  line_id: number;
  main_user: boolean;
  main_line: boolean;
}

export interface UserLineTables {
  user_line: UserLineTable;
}
