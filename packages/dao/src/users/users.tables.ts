/** Tables of the users resource (and its associations), as Kysely types. Only its dao queries them. */
// biome-ignore lint/suspicious/noEmptyInterface: filled in as the resource is built
export interface UserTables {}
