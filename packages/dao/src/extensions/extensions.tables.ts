/** Tables of the extensions resource, as Kysely types. Only its dao queries them. */
import type { Generated } from 'kysely';

/** The context (hence the tenant) is referenced by id; the API names it. */
export interface ExtensionTable {
  id: Generated<number>;
  context_id: number;
  exten: string;
  enabled: Generated<boolean>;
}

export interface ExtensionTables {
  extension: ExtensionTable;
}
