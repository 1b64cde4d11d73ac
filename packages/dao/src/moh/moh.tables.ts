/** The music on hold classes' table, as a Kysely type. Only its dao queries it. */
import type { MohRow } from './moh.model.js';

export interface MohTables {
  moh: MohRow;
}
