/** SQL of context includes: `context_include`, replaced as a whole for one context. */
import type { Tx } from '../db/unit-of-work.js';

export function createContextIncludesDao() {
  return {
    /** Makes `includeIds` (in that order) the includes of `contextId`; the caller checked both sides. */
    async replace(tx: Tx, contextId: number, includeIds: number[]): Promise<void> {
      await tx.db.deleteFrom('context_include').where('context_id', '=', contextId).execute();
      if (includeIds.length === 0) return;
      await tx.db
        .insertInto('context_include')
        .values(includeIds.map((include_id, position) => ({ context_id: contextId, include_id, position })))
        .execute();
    },
  };
}

export type ContextIncludesDao = ReturnType<typeof createContextIncludesDao>;
