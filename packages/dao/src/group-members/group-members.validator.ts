/**
 * Rules of group membership, worded as wazo-confd words them: same tenant, members need a line,
 * no one twice, no two members on the same line. Lines belong to the user-lines resource, so what
 * a user's line is comes from injected lookups (wired in service-api.ts).
 */
import type { Tx } from '../db/unit-of-work.js';
import { formatCriteria, resourceError } from '../errors.js';
import type { Group } from '../groups/groups.model.js';
import type { UserRef } from './user-ref.js';

/** Does the user have a line? The user is given whole so the lookup can scope to its tenant. */
export type HasLine = (tx: Tx, user: UserRef) => Promise<boolean>;
/** The id of the user's main line, or null. */
export type MainLineId = (tx: Tx, user: UserRef) => Promise<number | null>;

/** Both required: a permissive default would let lineless users into groups unnoticed. */
export interface GroupMembersValidatorDeps {
  hasLine: HasLine;
  mainLineId: MainLineId;
}

const withCriteria = (message: string, criteria: Record<string, unknown>) =>
  resourceError(`${message} (${formatCriteria(criteria)})`, criteria);

const needsLine = (user: UserRef) =>
  withCriteria('User must be associated with a Line', { user_uuid: user.uuid });

export function createGroupMembersValidator({ hasLine, mainLineId }: GroupMembersValidatorDeps) {
  async function checkLines(tx: Tx, users: UserRef[]): Promise<void> {
    for (const user of users) {
      if (!(await hasLine(tx, user))) throw needsLine(user);
    }
  }

  async function checkSharedLines(tx: Tx, users: UserRef[]): Promise<void> {
    const seen = new Set<number>();
    for (const user of users) {
      const lineId = await mainLineId(tx, user);
      if (lineId === null) continue;
      if (seen.has(lineId)) {
        throw withCriteria('Operation not permitted. Cannot associate different users with the same line', {
          line_id: lineId,
        });
      }
      seen.add(lineId);
    }
  }

  return {
    /** `PUT /groups/{id}/members/users`: the group's new user members. */
    async validateUsers(tx: Tx, group: Group, users: UserRef[]): Promise<void> {
      for (const user of users) {
        if (user.tenant_uuid !== group.tenant_uuid) {
          throw withCriteria('different tenants', {
            group_tenant_uuid: group.tenant_uuid,
            user_tenant_uuid: user.tenant_uuid,
          });
        }
      }
      await checkLines(tx, users);
      if (new Set(users.map((u) => u.uuid)).size !== users.length) {
        throw resourceError('Operation not permitted. Cannot associate same user more than once');
      }
      await checkSharedLines(tx, users);
    },

    /** `PUT /users/{id}/groups`: the user's new groups (no line needed to leave them all). */
    async validateGroups(tx: Tx, user: UserRef, groups: Group[]): Promise<void> {
      for (const group of groups) {
        // Wazo does not check this (its lookups ignore tenants); ours are scoped, but a scope with
        // sub-tenants could still mix them.
        if (group.tenant_uuid !== user.tenant_uuid) {
          throw withCriteria('different tenants', {
            group_tenant_uuid: group.tenant_uuid,
            user_tenant_uuid: user.tenant_uuid,
          });
        }
      }
      if (groups.length > 0) await checkLines(tx, [user]);
      if (new Set(groups.map((g) => g.id)).size !== groups.length) {
        throw resourceError('Operation not permitted. Cannot associate same group more than once');
      }
    },
  };
}

export type GroupMembersValidator = ReturnType<typeof createGroupMembersValidator>;
