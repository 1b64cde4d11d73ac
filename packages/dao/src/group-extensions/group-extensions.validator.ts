/**
 * Checks on group-extension associations, in wazo-confd's order: the group has no extension yet,
 * the extension serves no group and no line, its context is internal, its number is within the
 * context's group ranges (patterns pass), and both are of one tenant.
 */
import type { Context } from '../contexts/contexts.model.js';
import { extenInRanges } from '../contexts/contexts.model.js';
import type { Tx } from '../db/unit-of-work.js';
import { resourceAssociated } from '../errors.js';
import type { Extension } from '../extensions/extensions.model.js';
import { isPattern } from '../extensions/extensions.model.js';
import {
  checkNotConferenceOrLot,
  differentTenants,
  outsideRange,
  unhandledContextType,
} from '../extensions/extensions.validator.js';
import type { GroupExtensionsDao } from './group-extensions.dao.js';

interface GroupIdentity {
  id: number;
  tenant_uuid: string;
}

export function createGroupExtensionsValidator(deps: { dao: GroupExtensionsDao }) {
  const { dao } = deps;

  async function checkFree(tx: Tx, group: GroupIdentity, extension: Extension): Promise<void> {
    const own = await dao.extensionOf(tx, group.id);
    if (own !== null)
      throw resourceAssociated('Group', 'Extension', { group_id: group.id, extension_id: own });
    const other = await dao.groupOf(tx, extension.id);
    if (other !== null) {
      throw resourceAssociated('Group', 'Extension', { group_id: other, extension_id: extension.id });
    }
    if (extension.queue) {
      const criteria = { extension_id: extension.id, associated_id: extension.queue.id };
      throw resourceAssociated('Extension', 'queue', criteria);
    }
    const line = await dao.lineOf(tx, extension.id);
    if (line !== null) {
      throw resourceAssociated('Extension', 'line', { extension_id: extension.id, associated_id: line });
    }
    checkNotConferenceOrLot(extension);
  }

  return {
    async validateAssociation(tx: Tx, group: GroupIdentity, extension: Extension, context: Context) {
      await checkFree(tx, group, extension);
      if (context.type !== 'internal') {
        throw unhandledContextType(context.type, { id: extension.id, context: extension.context });
      }
      if (!isPattern(extension.exten) && !extenInRanges(extension.exten, context.group_ranges)) {
        throw outsideRange(extension.exten, extension.context);
      }
      if (extension.tenant_uuid !== group.tenant_uuid) {
        throw differentTenants({
          extension_tenant_uuid: extension.tenant_uuid,
          group_tenant_uuid: group.tenant_uuid,
        });
      }
    },
  };
}

export type GroupExtensionsValidator = ReturnType<typeof createGroupExtensionsValidator>;
