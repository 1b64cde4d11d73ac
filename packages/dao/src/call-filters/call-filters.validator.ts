/**
 * Checks on call filters that need data, worded as wazo-confd words them: a name is unique within
 * its tenant; a filter has at most one recipient, never twice the same surrogate, never a user as
 * both, and only users of its own tenant.
 */
import type { Tx } from '../db/unit-of-work.js';
import { formatCriteria, resourceAssociated, resourceError, resourceExists } from '../errors.js';
import type { UserRef } from '../group-members/user-ref.js';
import type { CallFiltersDao } from './call-filters.dao.js';
import type { CallFilter } from './call-filters.model.js';

export interface CallFiltersValidatorDeps {
  dao: Pick<CallFiltersDao, 'idByName' | 'memberUserIds'>;
}

type Filter = Pick<CallFilter, 'id' | 'tenant_uuid'>;

function checkTenants(filter: Filter, users: UserRef[]): void {
  for (const user of users) {
    if (user.tenant_uuid !== filter.tenant_uuid) {
      const criteria = { call_filter_tenant_uuid: filter.tenant_uuid, user_tenant_uuid: user.tenant_uuid };
      throw resourceError(`different tenants (${formatCriteria(criteria)})`, criteria);
    }
  }
}

/** Wazo words it with the filter's id where the associated resource's name goes. */
async function checkNotIn(
  tx: Tx,
  dao: CallFiltersValidatorDeps['dao'],
  filter: Filter,
  users: UserRef[],
  other: 'recipient' | 'surrogate',
): Promise<void> {
  const taken = new Set(await dao.memberUserIds(tx, filter.id, other));
  const user = users.find((u) => taken.has(u.id));
  if (user) throw resourceAssociated('CallFilter', String(filter.id), { [`${other}_user_uuid`]: user.uuid });
}

export function createCallFiltersValidator({ dao }: CallFiltersValidatorDeps) {
  return {
    /** `id`: the call filter being edited, which may keep its own name. */
    async validateName(tx: Tx, tenantUuid: string, name: string | undefined, id?: number): Promise<void> {
      if (name === undefined) return;
      const holder = await dao.idByName(tx, tenantUuid, name);
      if (holder !== null && holder !== id) throw resourceExists('CallFilter', { name });
    },

    /** `PUT .../recipients/users`: one recipient at most, not one of the surrogates. */
    async validateRecipients(tx: Tx, filter: Filter, users: UserRef[]): Promise<void> {
      checkTenants(filter, users);
      if (users.length > 1)
        throw resourceError('Operation not permitted. Cannot associate more than one recipient');
      await checkNotIn(tx, dao, filter, users, 'surrogate');
    },

    /** `PUT .../surrogates/users`: each user once, none of them the recipient. */
    async validateSurrogates(tx: Tx, filter: Filter, users: UserRef[]): Promise<void> {
      checkTenants(filter, users);
      if (new Set(users.map((u) => u.id)).size !== users.length)
        throw resourceError('Operation not permitted. Cannot associate same user more than once');
      await checkNotIn(tx, dao, filter, users, 'recipient');
    },
  };
}

export type CallFiltersValidator = ReturnType<typeof createCallFiltersValidator>;
