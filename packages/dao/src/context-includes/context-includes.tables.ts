/** The context includes table, as Kysely types. The context-includes dao writes it; contexts read it. */
export interface ContextIncludeTable {
  context_id: number;
  include_id: number;
  /** Order of the include in the context's list, as given. */
  position: number;
}

export interface ContextIncludeTables {
  context_include: ContextIncludeTable;
}
