/**
 * Checks on incalls that need data, worded as wazo-confd words them: the destination's shape
 * (the service's own check, whoever calls) and its target (a user, a group, a voicemail...) in
 * the incall's tenant; an extension joins an incall only when both are free, of one tenant, and
 * the extension is in an `incall` context.
 */
import type { Context } from '../contexts/contexts.model.js';
import type { Tx } from '../db/unit-of-work.js';
import { formatCriteria, inputError, referenceNotFound, resourceAssociated } from '../errors.js';
import type { Extension } from '../extensions/extensions.model.js';
import { differentTenants, unhandledContextType } from '../extensions/extensions.validator.js';
import type { Destination } from '../schedules/destination.js';
import { checkDestination } from '../schedules/destination-check.js';
import { missingTarget } from '../schedules/destination-names.js';
import type { IncallsDao } from './incalls.dao.js';
import type { Incall } from './incalls.model.js';

type Identity = Pick<Incall, 'id' | 'tenant_uuid'>;

export interface IncallsValidatorDeps {
  dao: Pick<IncallsDao, 'extensionOf' | 'incallOf'>;
  /** The group an extension rings, or null (the group extensions' dao answers). */
  groupOf(tx: Tx, extensionId: number): Promise<number | null>;
}

export function createIncallsValidator({ dao, groupOf }: IncallsValidatorDeps) {
  return {
    /** The destination cleaned of unknown fields, its target found in the tenant. */
    async validateDestination(tx: Tx, tenantUuid: string, raw: unknown): Promise<Destination> {
      const check = checkDestination(raw);
      if ('errors' in check) throw inputError(`destination: {${formatCriteria(check.errors)}}`);
      const missing = await missingTarget(tx, tenantUuid, check.destination);
      if (missing) throw referenceNotFound('actionarg1', missing.resource, { actionarg1: missing.id });
      return check.destination;
    },

    /** In Wazo's order: one tenant, the incall has no extension, the extension is free, incall context. */
    async validateExtension(tx: Tx, incall: Identity, extension: Extension, context: Context): Promise<void> {
      if (extension.tenant_uuid !== incall.tenant_uuid) {
        throw differentTenants({
          extension_tenant_uuid: extension.tenant_uuid,
          incall_tenant_uuid: incall.tenant_uuid,
        });
      }
      const own = await dao.extensionOf(tx, incall.id);
      if (own !== null)
        throw resourceAssociated('Incall', 'Extension', { incall_id: incall.id, extension_id: own });
      const other = await dao.incallOf(tx, extension.id);
      if (other !== null) {
        throw resourceAssociated('Incall', 'Extension', { incall_id: other, extension_id: extension.id });
      }
      if (extension.lines.length > 0) {
        throw resourceAssociated('Extension', 'line', {
          extension_id: extension.id,
          associated_id: extension.lines[0]!.id,
        });
      }
      const group = await groupOf(tx, extension.id);
      if (group !== null) {
        throw resourceAssociated('Extension', 'group', { extension_id: extension.id, associated_id: group });
      }
      if (context.type !== 'incall') {
        throw unhandledContextType(context.type, { id: extension.id, context: extension.context });
      }
    },
  };
}

export type IncallsValidator = ReturnType<typeof createIncallsValidator>;
