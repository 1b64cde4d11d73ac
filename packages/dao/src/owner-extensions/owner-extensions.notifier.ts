/**
 * The association events of one owner kind, built by that kind's notifier
 * (conference_extension_*, parking_lot_extension_*), queued in the owner's transaction.
 */
import type { BusEvent } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';

export interface ExtensionOwnerRef {
  id: number;
  tenant_uuid: string;
}

type Build = (owner: ExtensionOwnerRef, extensionId: number) => BusEvent;

export function createOwnerExtensionsNotifier(events: { associated: Build; dissociated: Build }) {
  return {
    associated(tx: Tx, owner: ExtensionOwnerRef, extensionId: number): void {
      tx.events.add(events.associated(owner, extensionId));
    },
    dissociated(tx: Tx, owner: ExtensionOwnerRef, extensionId: number): void {
      tx.events.add(events.dissociated(owner, extensionId));
    },
  };
}

export type OwnerExtensionsNotifier = ReturnType<typeof createOwnerExtensionsNotifier>;
