/** Context include events: tenant event `contexts_associated` with `{context_id, context_ids}`. */
import { contextContextsAssociated } from '@wazo-ts/bus';
import type { Context } from '../contexts/contexts.model.js';
import type { Tx } from '../db/unit-of-work.js';

export function createContextIncludesNotifier() {
  return {
    associated(tx: Tx, context: Context, includes: Context[]): void {
      tx.events.add(
        contextContextsAssociated.build(
          { context_id: context.id, context_ids: includes.map((c) => c.id) },
          { tenantUuid: context.tenant_uuid },
        ),
      );
    },
  };
}

export type ContextIncludesNotifier = ReturnType<typeof createContextIncludesNotifier>;
