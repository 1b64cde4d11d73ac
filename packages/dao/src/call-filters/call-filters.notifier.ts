/**
 * The call filters' events, all tenant-wide: call_filter_created/edited/deleted {id}, and
 * call_filter_recipient|surrogate_users_associated {call_filter_id, user_uuids}.
 */
import {
  callFilterCreated,
  callFilterDeleted,
  callFilterEdited,
  callFilterRecipientUsersAssociated,
  callFilterSurrogateUsersAssociated,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { CallFilter, CallFilterRole } from './call-filters.model.js';

type Identity = Pick<CallFilter, 'id' | 'tenant_uuid'>;
const scoping = (filter: Identity) => ({ tenantUuid: filter.tenant_uuid });
const usersEvents = {
  recipient: callFilterRecipientUsersAssociated,
  surrogate: callFilterSurrogateUsersAssociated,
};

export function createCallFiltersNotifier() {
  return {
    created(tx: Tx, filter: Identity): void {
      tx.events.add(callFilterCreated.build({ id: filter.id }, scoping(filter)));
    },
    edited(tx: Tx, filter: Identity): void {
      tx.events.add(callFilterEdited.build({ id: filter.id }, scoping(filter)));
    },
    deleted(tx: Tx, filter: Identity): void {
      tx.events.add(callFilterDeleted.build({ id: filter.id }, scoping(filter)));
    },
    usersAssociated(tx: Tx, filter: Identity, role: CallFilterRole, userUuids: string[]): void {
      const data = { call_filter_id: filter.id, user_uuids: userUuids };
      tx.events.add(usersEvents[role].build(data, scoping(filter)));
    },
  };
}

export type CallFiltersNotifier = ReturnType<typeof createCallFiltersNotifier>;
