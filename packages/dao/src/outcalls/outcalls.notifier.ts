/**
 * The outcalls' events, for the outcall's tenant: outcall_created/edited/deleted `{id}`,
 * outcall_trunks_associated `{outcall_id, trunk_ids}`, outcall_extension_associated|dissociated
 * `{outcall_id, extension_id}`.
 */
import {
  outcallCreated,
  outcallDeleted,
  outcallEdited,
  outcallExtensionAssociated,
  outcallExtensionDissociated,
  outcallTrunksAssociated,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';

interface Identity {
  id: number;
  tenant_uuid: string;
}
const scoping = (outcall: Identity) => ({ tenantUuid: outcall.tenant_uuid });

export function createOutcallsNotifier() {
  return {
    created: (tx: Tx, o: Identity) => tx.events.add(outcallCreated.build({ id: o.id }, scoping(o))),
    edited: (tx: Tx, o: Identity) => tx.events.add(outcallEdited.build({ id: o.id }, scoping(o))),
    deleted: (tx: Tx, o: Identity) => tx.events.add(outcallDeleted.build({ id: o.id }, scoping(o))),
    trunksAssociated: (tx: Tx, o: Identity, trunkIds: number[]) =>
      tx.events.add(outcallTrunksAssociated.build({ outcall_id: o.id, trunk_ids: trunkIds }, scoping(o))),
    extensionAssociated: (tx: Tx, o: Identity, extensionId: number) =>
      tx.events.add(
        outcallExtensionAssociated.build({ outcall_id: o.id, extension_id: extensionId }, scoping(o)),
      ),
    extensionDissociated: (tx: Tx, o: Identity, extensionId: number) =>
      tx.events.add(
        outcallExtensionDissociated.build({ outcall_id: o.id, extension_id: extensionId }, scoping(o)),
      ),
  };
}

export type OutcallsNotifier = ReturnType<typeof createOutcallsNotifier>;
