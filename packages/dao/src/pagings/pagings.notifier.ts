/**
 * The pagings' events, tenant-wide: paging_created/edited/deleted {id}, and
 * paging_caller|member_users_associated {paging_id, user_uuids}.
 */
import {
  pagingCallerUsersAssociated,
  pagingCreated,
  pagingDeleted,
  pagingEdited,
  pagingMemberUsersAssociated,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { Paging, PagingRole } from './pagings.model.js';

type Identity = Pick<Paging, 'id' | 'tenant_uuid'>;
const scoping = (paging: Identity) => ({ tenantUuid: paging.tenant_uuid });
const usersEvents = { caller: pagingCallerUsersAssociated, member: pagingMemberUsersAssociated };

export function createPagingsNotifier() {
  return {
    created(tx: Tx, paging: Identity): void {
      tx.events.add(pagingCreated.build({ id: paging.id }, scoping(paging)));
    },
    edited(tx: Tx, paging: Identity): void {
      tx.events.add(pagingEdited.build({ id: paging.id }, scoping(paging)));
    },
    deleted(tx: Tx, paging: Identity): void {
      tx.events.add(pagingDeleted.build({ id: paging.id }, scoping(paging)));
    },
    usersAssociated(tx: Tx, paging: Identity, role: PagingRole, userUuids: string[]): void {
      tx.events.add(
        usersEvents[role].build({ paging_id: paging.id, user_uuids: userUuids }, scoping(paging)),
      );
    },
  };
}

export type PagingsNotifier = ReturnType<typeof createPagingsNotifier>;
