/**
 * A user's agent (`PUT /users/{id}/agents/{agent_id}`, `DELETE /users/{id}/agents`), answered as
 * Wazo answers when no agent exists: agents are not built yet, so the user is looked up first (its
 * 404 as `GET /users/{id}`), then every agent is `Agent was not found`, and a user has no agent to
 * dissociate (204, nothing changes, no event).
 */
import type { UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { FindUser } from '../group-members/user-ref.js';
import type { TenantScope } from '../search/search.js';
import { userNotFound } from '../users/user-key.js';
import type { UserKey } from '../users/users.model.js';

export interface UserAgentsServiceDeps {
  uow: UnitOfWork;
  findUser: FindUser;
}

export function createUserAgentsService({ uow, findUser }: UserAgentsServiceDeps) {
  return {
    associate(scope: TenantScope, key: UserKey, agentId: number): Promise<void> {
      return uow.read(async (tx) => {
        if (!(await findUser(tx, scope, key))) throw userNotFound(key);
        // TODO(agents): find the agent in the scope, then Wazo's tenant and one-agent rules.
        throw notFound('Agent', { id: agentId });
      });
    },

    dissociate(scope: TenantScope, key: UserKey): Promise<void> {
      return uow.read(async (tx) => {
        if (!(await findUser(tx, scope, key))) throw userNotFound(key);
      });
    },
  };
}

export type UserAgentsService = ReturnType<typeof createUserAgentsService>;
