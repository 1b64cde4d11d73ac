/** Tables of the contexts resource (a context and its number ranges), as Kysely types. Only its dao queries them. */
import type { Generated } from 'kysely';

export interface ContextTable {
  id: Generated<number>;
  uuid: Generated<string>;
  tenant_uuid: string;
  name: string;
  label: string;
  type: Generated<string>;
  description: string | null;
  enabled: Generated<boolean>;
}

/** One range of a context; `kind` says which (user, group, queue, conference_room, incall). */
export interface ContextRangeTable {
  context_id: number;
  kind: string;
  /** Order of the range in its list, as given. */
  position: number;
  start: string;
  end: string;
  did_length: Generated<number>;
}

export interface ContextTables {
  context: ContextTable;
  context_range: ContextRangeTable;
}
