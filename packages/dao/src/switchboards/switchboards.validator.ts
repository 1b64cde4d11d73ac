/**
 * Checks on switchboards that need data, worded as wazo-confd words them: operators are users of
 * the switchboard's own tenant; a fallback's destination is well formed and its target exists in
 * the switchboard's tenant.
 */
import type { Tx } from '../db/unit-of-work.js';
import { formatCriteria, inputError, referenceNotFound, resourceError } from '../errors.js';
import type { UserRef } from '../group-members/user-ref.js';
import type { Destination } from '../schedules/destination.js';
import { checkDestination } from '../schedules/destination-check.js';
import { missingTarget } from '../schedules/destination-names.js';
import type { Switchboard } from './switchboards.model.js';

type Owner = Pick<Switchboard, 'uuid' | 'tenant_uuid'>;

export function createSwitchboardsValidator() {
  return {
    validateMembers(switchboard: Owner, users: UserRef[]): void {
      for (const user of users) {
        if (user.tenant_uuid !== switchboard.tenant_uuid) {
          const criteria = {
            switchboard_tenant_uuid: switchboard.tenant_uuid,
            user_tenant_uuid: user.tenant_uuid,
          };
          throw resourceError(`different tenants (${formatCriteria(criteria)})`, criteria);
        }
      }
    },

    /** The checked no-answer destination of a fallbacks body; null when none is given. */
    async fallbackDestination(tx: Tx, switchboard: Owner, raw: unknown): Promise<Destination | null> {
      if (raw === undefined || raw === null) return null;
      const check = checkDestination(raw);
      if ('errors' in check) throw inputError(`noanswer_destination: {${formatCriteria(check.errors)}}`);
      const missing = await missingTarget(tx, switchboard.tenant_uuid, check.destination);
      if (missing) throw referenceNotFound('actionarg1', missing.resource, { actionarg1: missing.id });
      return check.destination;
    },
  };
}

export type SwitchboardsValidator = ReturnType<typeof createSwitchboardsValidator>;
