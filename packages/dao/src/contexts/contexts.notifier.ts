/** Context events: tenant events `context_created|edited|deleted` with `{id, name, type, tenant_uuid}`. */
import { contextCreated, contextDeleted, contextEdited } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { Context } from './contexts.model.js';

const payload = (context: Context) => ({
  id: context.id,
  name: context.name,
  type: context.type,
  tenant_uuid: context.tenant_uuid,
});

const scoping = (context: Context) => ({ tenantUuid: context.tenant_uuid });

export function createContextsNotifier() {
  return {
    created(tx: Tx, context: Context): void {
      tx.events.add(contextCreated.build(payload(context), scoping(context)));
    },
    edited(tx: Tx, context: Context): void {
      tx.events.add(contextEdited.build(payload(context), scoping(context)));
    },
    deleted(tx: Tx, context: Context): void {
      tx.events.add(contextDeleted.build(payload(context), scoping(context)));
    },
  };
}

export type ContextsNotifier = ReturnType<typeof createContextsNotifier>;
