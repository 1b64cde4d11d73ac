/**
 * A user's agent (`PUT /users/{id}/agents/{agent_id}`, `DELETE /users/{id}/agents`), as Wazo's
 * user_agent plugin: the user then the agent are found among the caller's tenants (their 404s);
 * the same agent again changes nothing; an agent of another tenant is refused, and so is a second
 * agent while the user has one. Dissociating a user without agent changes nothing (no event).
 */

import type { AgentsDao } from '../agents/agents.dao.js';
import type { AgentsNotifier } from '../agents/agents.notifier.js';
import type { UnitOfWork } from '../db/unit-of-work.js';
import { formatCriteria, notFound, resourceAssociated, resourceError } from '../errors.js';
import type { FindUser } from '../group-members/user-ref.js';
import type { TenantScope } from '../search/search.js';
import { userNotFound } from '../users/user-key.js';
import type { UserKey } from '../users/users.model.js';

/** Wazo's `different tenants` error. */
function differentTenants(criteria: Record<string, string>) {
  return resourceError(`different tenants (${formatCriteria(criteria)})`, criteria);
}

export interface UserAgentsServiceDeps {
  uow: UnitOfWork;
  findUser: FindUser;
  agents: Pick<AgentsDao, 'find' | 'agentIdOfUser' | 'setUserAgent'>;
  notifier: Pick<AgentsNotifier, 'userAssociated' | 'userDissociated'>;
}

export function createUserAgentsService({ uow, findUser, agents, notifier }: UserAgentsServiceDeps) {
  return {
    associate(scope: TenantScope, key: UserKey, agentId: number): Promise<void> {
      return uow.run(async (tx) => {
        const user = await findUser(tx, scope, key);
        if (!user) throw userNotFound(key);
        const agent = await agents.find(tx, scope, agentId);
        if (!agent) throw notFound('Agent', { id: agentId });
        const current = await agents.agentIdOfUser(tx, user.id);
        if (current === agent.id) return;
        if (agent.tenant_uuid !== user.tenant_uuid) {
          throw differentTenants({
            agent_tenant_uuid: agent.tenant_uuid,
            user_tenant_uuid: user.tenant_uuid,
          });
        }
        if (current !== null)
          throw resourceAssociated('User', 'Agent', { user_id: user.id, agent: agent.id });
        await agents.setUserAgent(tx, user.id, agent.id);
        notifier.userAssociated(tx, user, agent.id);
      });
    },

    dissociate(scope: TenantScope, key: UserKey): Promise<void> {
      return uow.run(async (tx) => {
        const user = await findUser(tx, scope, key);
        if (!user) throw userNotFound(key);
        const current = await agents.agentIdOfUser(tx, user.id);
        if (current === null) return;
        await agents.setUserAgent(tx, user.id, null);
        notifier.userDissociated(tx, user, current);
      });
    },
  };
}

export type UserAgentsService = ReturnType<typeof createUserAgentsService>;
