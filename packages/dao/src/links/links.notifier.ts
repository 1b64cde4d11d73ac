/** `<owner>_<resource>_associated|dissociated`, built from the kind's events, payload and scoping. */
import type { Tx } from '../db/unit-of-work.js';
import type { LinkEvents } from './links.kind.js';

export function createLinkNotifier<O, R>(events: LinkEvents<O, R>) {
  return {
    associated(tx: Tx, owner: O, resource: R): void {
      tx.events.add(events.associated.build(events.payload(owner, resource), events.scoping(owner)));
    },
    dissociated(tx: Tx, owner: O, resource: R): void {
      tx.events.add(events.dissociated.build(events.payload(owner, resource), events.scoping(owner)));
    },
  };
}

export type LinkNotifier<O, R> = ReturnType<typeof createLinkNotifier<O, R>>;
