/**
 * The incalls' events, all tenant-wide: incall_created/edited/deleted {id}, and
 * incall_extension_associated|dissociated {incall_id, extension_id}.
 */
import {
  incallCreated,
  incallDeleted,
  incallEdited,
  incallExtensionAssociated,
  incallExtensionDissociated,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { Incall } from './incalls.model.js';

type Identity = Pick<Incall, 'id' | 'tenant_uuid'>;
const scoping = (incall: Identity) => ({ tenantUuid: incall.tenant_uuid });

export function createIncallsNotifier() {
  return {
    created(tx: Tx, incall: Identity): void {
      tx.events.add(incallCreated.build({ id: incall.id }, scoping(incall)));
    },
    edited(tx: Tx, incall: Identity): void {
      tx.events.add(incallEdited.build({ id: incall.id }, scoping(incall)));
    },
    deleted(tx: Tx, incall: Identity): void {
      tx.events.add(incallDeleted.build({ id: incall.id }, scoping(incall)));
    },
    extensionAssociated(tx: Tx, incall: Identity, extensionId: number): void {
      const data = { incall_id: incall.id, extension_id: extensionId };
      tx.events.add(incallExtensionAssociated.build(data, scoping(incall)));
    },
    extensionDissociated(tx: Tx, incall: Identity, extensionId: number): void {
      const data = { incall_id: incall.id, extension_id: extensionId };
      tx.events.add(incallExtensionDissociated.build(data, scoping(incall)));
    },
  };
}

export type IncallsNotifier = ReturnType<typeof createIncallsNotifier>;
