/**
 * A token's ACL, computed once at login as Wazo's wazo_user backend does: the default user
 * policy's accesses, then those of the user's groups (the tenant's all-users group carries
 * `all_users_policies`), then the user's own. Duplicates are kept: the matcher does not care and
 * Wazo's clients see the same list. Later policy edits do not touch existing tokens.
 */
import type { AuthDb } from '../db/auth-db.js';
import type { AclDao } from './acl.dao.js';

export interface AclComputation {
  forUser(db: AuthDb, userUuid: string): Promise<string[]>;
}

export function createAclComputation(dao: AclDao, defaultUserPolicy: string | null): AclComputation {
  return {
    async forUser(db, userUuid) {
      const base = defaultUserPolicy ? await dao.defaultPolicyAccesses(db, defaultUserPolicy) : [];
      const groups = await dao.groupAccesses(db, userUuid);
      const own = await dao.userAccesses(db, userUuid);
      return [...base, ...groups, ...own];
    },
  };
}
