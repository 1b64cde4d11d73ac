/**
 * Sessions: listing within the caller's tenant (or its subtree with recurse), deleting one (Wazo
 * answers 204 whether or not it existed), and the same per user. Deleting a session deletes its
 * token, so the token stops working at once in wazo-auth and, through auth_session_deleted, in
 * every daemon's cache.
 */
import type { Tx, UnitOfWork } from '@wazo-ts/db';
import type { AuthDatabase } from '../db/schema.js';
import type { TenantTree } from '../tenant-tree/index.js';
import { unknownUser } from '../tokens/token.errors.js';
import type { SessionDao } from './session.dao.js';
import type { SessionList, SessionListParams } from './session.model.js';
import type { SessionNotifier } from './session.notifier.js';

export interface SessionServiceDeps {
  uow: UnitOfWork<AuthDatabase>;
  dao: SessionDao;
  notifier: SessionNotifier;
  tenants: TenantTree;
}

export function createSessionService(deps: SessionServiceDeps) {
  const { uow, dao, notifier, tenants } = deps;

  const assertUserVisible = async (tx: Tx<AuthDatabase>, tenant: string, user: string) => {
    const userTenant = await tenants.userTenantOf(tx.db, user);
    if (userTenant === null || !(await tenants.isInSubtree(tx.db, tenant, userTenant)))
      throw unknownUser(user);
  };

  return {
    list(tenantUuid: string, params: SessionListParams): Promise<SessionList> {
      return uow.read(async (tx) => {
        const tenantUuids = params.recurse ? await tenants.subtreeOf(tx.db, tenantUuid) : [tenantUuid];
        return dao.list(tx.db, { tenantUuids }, params);
      });
    },

    listForUser(tenantUuid: string, userUuid: string, params: SessionListParams): Promise<SessionList> {
      return uow.read(async (tx) => {
        await assertUserVisible(tx, tenantUuid, userUuid);
        const tenantUuids = await tenants.subtreeOf(tx.db, tenantUuid);
        return dao.list(tx.db, { tenantUuids, userUuid }, params);
      });
    },

    /** Deletes a session of the caller's subtree; nothing happens (and no event) when absent. */
    delete(tenantUuid: string, sessionUuid: string): Promise<void> {
      return uow.run(async (tx) => {
        const tenantUuids = await tenants.subtreeOf(tx.db, tenantUuid);
        const deleted = await dao.delete(tx.db, sessionUuid, tenantUuids);
        if (deleted) notifier.deleted(tx, deleted);
      });
    },

    /**
     * Deletes one of the user's sessions. Wazo deletes any session of the subtree here whatever
     * its user, so `auth.users.me.sessions.*.delete` would reach other users' sessions: we only
     * delete it when it is the user's (otherwise it is "absent", still 204).
     */
    deleteForUser(tenantUuid: string, userUuid: string, sessionUuid: string): Promise<void> {
      return uow.run(async (tx) => {
        await assertUserVisible(tx, tenantUuid, userUuid);
        const tenantUuids = await tenants.subtreeOf(tx.db, tenantUuid);
        const deleted = await dao.delete(tx.db, sessionUuid, tenantUuids, userUuid);
        if (deleted) notifier.deleted(tx, deleted);
      });
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
