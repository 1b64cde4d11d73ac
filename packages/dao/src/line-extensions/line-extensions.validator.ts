/**
 * Checks on line-extension associations, in wazo-confd's order: same tenant, a line with an
 * endpoint and no extension yet, an extension that serves no group, in an internal context, no
 * other user's line on the same extension, and a number within the context's user ranges. To
 * dissociate: no device.
 */
import type { Context } from '../contexts/contexts.model.js';
import { extenInRanges } from '../contexts/contexts.model.js';
import type { Tx } from '../db/unit-of-work.js';
import { formatCriteria, resourceAssociated, resourceError } from '../errors.js';
import type { Extension } from '../extensions/extensions.model.js';
import { isPattern } from '../extensions/extensions.model.js';
import {
  checkNotConferenceOrLot,
  differentTenants,
  outsideRange,
  unhandledContextType,
} from '../extensions/extensions.validator.js';
import type { Line } from '../lines/lines.model.js';
import type { TenantScope } from '../search/search.js';
import type { LineExtensionsDao } from './line-extensions.dao.js';

export function createLineExtensionsValidator(deps: { dao: LineExtensionsDao }) {
  const { dao } = deps;

  async function checkLineFree(tx: Tx, scope: TenantScope, line: Line): Promise<void> {
    const [existing] = await dao.listByLine(tx, scope, line.id);
    if (existing) {
      throw resourceAssociated('Line', 'Extension', {
        line_id: line.id,
        extension_id: existing.extension_id,
      });
    }
  }

  async function checkSameUser(tx: Tx, scope: TenantScope, line: Line, extension: Extension): Promise<void> {
    const [own] = await dao.mainUsersOf(tx, scope, [line.id]);
    if (!own) return;
    const others = await dao.listByExtension(tx, scope, extension.id);
    const mains = await dao.mainUsersOf(
      tx,
      scope,
      others.map((link) => link.line_id),
    );
    const other = mains.find((main) => main.user_id !== own.user_id);
    if (other) throw resourceAssociated('User', 'Line', { user_id: other.user_id, line_id: other.line_id });
  }

  return {
    async validateAssociation(
      tx: Tx,
      scope: TenantScope,
      line: Line,
      extension: Extension,
      context: Context,
    ): Promise<void> {
      if (extension.tenant_uuid !== line.tenant_uuid) {
        throw differentTenants({
          extension_tenant_uuid: extension.tenant_uuid,
          line_tenant_uuid: line.tenant_uuid,
        });
      }
      if (line.protocol === null) {
        throw resourceError(
          `Line must be associated with a Endpoint (${formatCriteria({ line_id: line.id })})`,
        );
      }
      await checkLineFree(tx, scope, line);
      const group = await dao.groupServing(tx, extension.id);
      if (group !== null) {
        throw resourceAssociated('Extension', 'group', { extension_id: extension.id, associated_id: group });
      }
      checkNotConferenceOrLot(extension);
      if (context.type !== 'internal') {
        throw unhandledContextType(context.type, { id: extension.id, context: extension.context });
      }
      await checkSameUser(tx, scope, line, extension);
      if (!isPattern(extension.exten) && !extenInRanges(extension.exten, context.user_ranges)) {
        throw outsideRange(extension.exten, extension.context);
      }
    },

    validateDissociation(_tx: Tx, line: Line): void {
      if (line.device_id !== null) {
        throw resourceAssociated('Line', 'Device', { line_id: line.id, device_id: line.device_id });
      }
    },
  };
}

export type LineExtensionsValidator = ReturnType<typeof createLineExtensionsValidator>;
