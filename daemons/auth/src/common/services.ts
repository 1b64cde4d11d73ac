/**
 * Builds the users, groups and policies services on the daemon's resources: explicit wiring, one
 * place, so the three plugins share one set and tests build the same graph.
 */
import { randomUUID } from 'node:crypto';
import type { UnitOfWork } from '@wazo-ts/db';
import type { AuthDatabase } from '../db/schema.js';
import { groupsDao } from '../groups/groups.dao.js';
import { createGroupsService } from '../groups/groups.service.js';
import { hashPassword, verifyPassword } from '../passwords/index.js';
import { policiesDao } from '../policies/policies.dao.js';
import { createPoliciesService } from '../policies/policies.service.js';
import { usersDao } from '../users/users.dao.js';
import { createUsersService } from '../users/users.service.js';
import { tenantTree } from './tenant-tree.dao.js';

export interface IdentityServicesOptions {
  uow: UnitOfWork<AuthDatabase>;
  passwordIterations?: number | undefined;
}

export function createIdentityServices(options: IdentityServicesOptions) {
  const { uow, passwordIterations } = options;
  const policies = createPoliciesService({ uow, dao: policiesDao, tenants: tenantTree });
  const groups = createGroupsService({
    uow,
    dao: groupsDao,
    users: usersDao,
    policies,
    policiesDao,
    tenants: tenantTree,
  });
  const users = createUsersService({
    uow,
    dao: usersDao,
    groups: groupsDao,
    policies,
    policiesDao,
    tenants: tenantTree,
    passwords: {
      hash: (password) => hashPassword(password, passwordIterations),
      verify: (password, hash, salt) => verifyPassword(password, hash, salt, passwordIterations),
    },
    newUuid: randomUUID,
  });
  return { policies, groups, users };
}

export type IdentityServices = ReturnType<typeof createIdentityServices>;
