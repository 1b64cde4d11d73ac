/**
 * Checks on pagings, worded as wazo-confd words them: the number is digits and unique across
 * tenants; a paging's users are of its tenant and each given once.
 */
import type { Tx } from '../db/unit-of-work.js';
import { formatCriteria, inputError, resourceError, resourceExists } from '../errors.js';
import type { UserRef } from '../group-members/user-ref.js';
import type { PagingsDao } from './pagings.dao.js';
import type { Paging } from './pagings.model.js';

export function createPagingsValidator({ dao }: { dao: Pick<PagingsDao, 'idByNumber'> }) {
  return {
    /** `id`: the paging being edited, which may keep its own number. */
    async validateNumber(tx: Tx, number: string | undefined, id?: number): Promise<void> {
      if (number === undefined) return;
      if (!/^[0-9]+$/.test(number)) throw inputError("number: ['Invalid input.']", { field: 'number' });
      const holder = await dao.idByNumber(tx, number);
      if (holder !== null && holder !== id) throw resourceExists('Paging', { number });
    },

    validateUsers(paging: Pick<Paging, 'tenant_uuid'>, users: UserRef[]): void {
      for (const user of users) {
        if (user.tenant_uuid !== paging.tenant_uuid) {
          const criteria = { paging_tenant_uuid: paging.tenant_uuid, user_tenant_uuid: user.tenant_uuid };
          throw resourceError(`different tenants (${formatCriteria(criteria)})`, criteria);
        }
      }
      if (new Set(users.map((u) => u.id)).size !== users.length) {
        throw resourceError('Operation not permitted. Cannot associate same user more than once');
      }
    },
  };
}

export type PagingsValidator = ReturnType<typeof createPagingsValidator>;
