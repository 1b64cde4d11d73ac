/**
 * Checks on call pickups that need data, worded as wazo-confd words them: a name is unique within
 * its tenant (Wazo: across tenants; a refusal must not reveal another tenant's pickups); members are users or groups of the pickup's own tenant, each once.
 */
import type { Tx } from '../db/unit-of-work.js';
import { formatCriteria, resourceError, resourceExists } from '../errors.js';
import type { CallPickupsDao } from './call-pickups.dao.js';
import type { CallPickup } from './call-pickups.model.js';

export interface CallPickupsValidatorDeps {
  dao: Pick<CallPickupsDao, 'idByName'>;
}

type Pickup = Pick<CallPickup, 'id' | 'tenant_uuid'>;
interface Member {
  id: number;
  tenant_uuid: string;
}

function checkMembers(pickup: Pickup, members: Member[], kind: 'user' | 'group'): void {
  for (const member of members) {
    if (member.tenant_uuid !== pickup.tenant_uuid) {
      const criteria = {
        call_pickup_tenant_uuid: pickup.tenant_uuid,
        [`${kind}_tenant_uuid`]: member.tenant_uuid,
      };
      throw resourceError(`different tenants (${formatCriteria(criteria)})`, criteria);
    }
  }
  if (new Set(members.map((m) => m.id)).size !== members.length)
    throw resourceError(`Operation not permitted. Cannot associate same ${kind} more than once`);
}

export function createCallPickupsValidator({ dao }: CallPickupsValidatorDeps) {
  return {
    /** `id`: the pickup being edited, which may keep its own name. */
    async validateName(tx: Tx, tenantUuid: string, name: string | undefined, id?: number): Promise<void> {
      if (name === undefined) return;
      const holder = await dao.idByName(tx, tenantUuid, name);
      if (holder !== null && holder !== id) throw resourceExists('CallPickup', { name });
    },

    validateUsers(pickup: Pickup, users: Member[]): void {
      checkMembers(pickup, users, 'user');
    },

    validateGroups(pickup: Pickup, groups: Member[]): void {
      checkMembers(pickup, groups, 'group');
    },
  };
}

export type CallPickupsValidator = ReturnType<typeof createCallPickupsValidator>;
