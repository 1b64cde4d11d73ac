/**
 * The IAX registrations' events, service-wide (registrations have no tenant):
 * register_iax_created|edited|deleted `{id}`; and a trunk's registration,
 * trunk_register_iax_associated|dissociated `{trunk_id, register_id}` for the trunk's tenant.
 */
import {
  registerIaxCreated,
  registerIaxDeleted,
  registerIaxEdited,
  trunkRegisterIaxAssociated,
  trunkRegisterIaxDissociated,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';

interface Trunk {
  id: number;
  tenant_uuid: string;
}

export function createRegisterIaxNotifier() {
  return {
    created: (tx: Tx, id: number) => tx.events.add(registerIaxCreated.build({ id })),
    edited: (tx: Tx, id: number) => tx.events.add(registerIaxEdited.build({ id })),
    deleted: (tx: Tx, id: number) => tx.events.add(registerIaxDeleted.build({ id })),
    associated: (tx: Tx, trunk: Trunk, id: number) =>
      tx.events.add(
        trunkRegisterIaxAssociated.build(
          { trunk_id: trunk.id, register_id: id },
          { tenantUuid: trunk.tenant_uuid },
        ),
      ),
    dissociated: (tx: Tx, trunk: Trunk, id: number) =>
      tx.events.add(
        trunkRegisterIaxDissociated.build(
          { trunk_id: trunk.id, register_id: id },
          { tenantUuid: trunk.tenant_uuid },
        ),
      ),
  };
}

export type RegisterIaxNotifier = ReturnType<typeof createRegisterIaxNotifier>;
