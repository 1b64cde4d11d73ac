/** The groups' events: group_created/edited/deleted {id, uuid}, for the group's tenant. */
import { groupCreated, groupDeleted, groupEdited } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { Group } from './groups.model.js';

type GroupIdentity = Pick<Group, 'id' | 'uuid' | 'tenant_uuid'>;

const payload = (group: GroupIdentity) => ({ id: group.id, uuid: group.uuid });

export function createGroupsNotifier() {
  return {
    created(tx: Tx, group: GroupIdentity): void {
      tx.events.add(groupCreated.build(payload(group), { tenantUuid: group.tenant_uuid }));
    },
    edited(tx: Tx, group: GroupIdentity): void {
      tx.events.add(groupEdited.build(payload(group), { tenantUuid: group.tenant_uuid }));
    },
    deleted(tx: Tx, group: GroupIdentity): void {
      tx.events.add(groupDeleted.build(payload(group), { tenantUuid: group.tenant_uuid }));
    },
  };
}

export type GroupsNotifier = ReturnType<typeof createGroupsNotifier>;
