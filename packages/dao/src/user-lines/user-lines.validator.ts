/**
 * Checks on user-line associations, as wazo-confd makes them: same tenant, a line with an
 * endpoint, no two users reaching each other's lines through one shared extension; and, to
 * dissociate, no secondary user left behind and no device on the line.
 */
import type { Tx } from '../db/unit-of-work.js';
import { formatCriteria, resourceAssociated, resourceError } from '../errors.js';
import type { Line } from '../lines/lines.model.js';
import type { TenantScope } from '../search/search.js';
import type { UserLinesDao } from './user-lines.dao.js';
import type { AssociatedUser, UserLine } from './user-lines.model.js';

function withCriteria(message: string, criteria: Record<string, unknown>) {
  return resourceError(`${message} (${formatCriteria(criteria)})`, criteria);
}

export function createUserLinesValidator(deps: { dao: UserLinesDao }) {
  const { dao } = deps;

  async function checkSharedExtension(
    tx: Tx,
    scope: TenantScope,
    user: AssociatedUser,
    line: Line,
  ): Promise<void> {
    const shared = await dao.linesSharingMainExtension(tx, scope, line.id);
    if (!shared || shared.lineIds.length <= 1) return;
    const mainUsers = await dao.mainUsersOf(tx, scope, shared.lineIds);
    const users = new Set([user.id, ...mainUsers.map((m) => m.user_id)]);
    if (users.size === 1) return;
    const faulty = shared.lineIds.find((id) => id !== line.id)!;
    throw resourceAssociated('Line', 'Extension', { line_id: faulty, extension_id: shared.extensionId });
  }

  return {
    async validateAssociation(tx: Tx, scope: TenantScope, user: AssociatedUser, line: Line): Promise<void> {
      if (user.tenant_uuid !== line.tenant_uuid) {
        throw withCriteria('different tenants', {
          user_tenant_uuid: user.tenant_uuid,
          line_tenant_uuid: line.tenant_uuid,
        });
      }
      if (line.protocol === null) {
        throw withCriteria('Line must be associated with a Endpoint', { line_id: line.id });
      }
      await checkSharedExtension(tx, scope, user, line);
    },

    async validateDissociation(tx: Tx, scope: TenantScope, link: UserLine, line: Line): Promise<void> {
      if (link.main_user) {
        const others = (await dao.listByLine(tx, scope, line.id)).filter((l) => l.user_id !== link.user_id);
        if (others.length > 0) {
          throw withCriteria('There are secondary users associated to the line', { line_id: line.id });
        }
      }
      if (line.device_id !== null) {
        throw resourceAssociated('Line', 'Device', { line_id: line.id, device_id: line.device_id });
      }
    },
  };
}

export type UserLinesValidator = ReturnType<typeof createUserLinesValidator>;
