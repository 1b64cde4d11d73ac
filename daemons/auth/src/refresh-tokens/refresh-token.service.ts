/**
 * Refresh tokens: listing and deleting (deleting one does not revoke the access tokens it gave,
 * as in Wazo), and the offline-login rule: one refresh token per (user, client_id); a non-mobile
 * login gets the existing one, a mobile login gets a new one and revokes the old one, the user's
 * other mobile refresh tokens and all their sessions (the count of `Wazo-Sessions-Revoked`).
 */
import type { Tx, UnitOfWork } from '@wazo-ts/db';
import { NotFoundError } from '@wazo-ts/errors';
import type { AuthDatabase } from '../db/schema.js';
import type { SessionNotifier } from '../sessions/session.notifier.js';
import type { TenantTree } from '../tenant-tree/index.js';
import { unknownUser } from '../tokens/token.errors.js';
import type { NewRefreshToken, RefreshTokenDao } from './refresh-token.dao.js';
import {
  type RefreshToken,
  type RefreshTokenList,
  type RefreshTokenListParams,
  toItem,
} from './refresh-token.model.js';
import type { RefreshTokenNotifier } from './refresh-token.notifier.js';

export interface RefreshTokenServiceDeps {
  uow: UnitOfWork<AuthDatabase>;
  dao: RefreshTokenDao;
  notifier: RefreshTokenNotifier;
  sessionNotifier: SessionNotifier;
  tenants: TenantTree;
  newUuid: () => string;
}

export type IssueRequest = Omit<NewRefreshToken, 'uuid'>;

const unknownClient = (clientId: string) =>
  new NotFoundError(`unknown refresh_token for client_id "${clientId}"`, {
    errorId: 'cannot-find-refresh-token-matching-client-id',
    details: { client_id: clientId },
    resource: 'tokens',
  });

export function createRefreshTokenService(deps: RefreshTokenServiceDeps) {
  const { uow, dao, notifier, sessionNotifier, tenants } = deps;

  const assertUserVisible = async (tx: Tx<AuthDatabase>, tenant: string, user: string) => {
    const userTenant = await tenants.userTenantOf(tx.db, user);
    if (userTenant === null || !(await tenants.isInSubtree(tx.db, tenant, userTenant)))
      throw unknownUser(user);
  };

  /** Deletes the refresh token and its sessions; returns how many sessions went. */
  const purge = async (tx: Tx<AuthDatabase>, token: RefreshToken): Promise<number> => {
    const sessions = await dao.deleteSessions(tx.db, token.uuid);
    for (const session of sessions) sessionNotifier.deleted(tx, session);
    await dao.delete(tx.db, token.uuid);
    notifier.deleted(tx, token);
    return sessions.length;
  };

  const create = async (tx: Tx<AuthDatabase>, request: IssueRequest): Promise<string | null> => {
    const uuid = deps.newUuid();
    if (!(await dao.create(tx.db, { ...request, uuid }))) return null;
    notifier.created(tx, request);
    return uuid;
  };

  return {
    /** Runs inside the login's transaction; gives the refresh token and the sessions it revoked. */
    async issue(tx: Tx<AuthDatabase>, request: IssueRequest): Promise<{ uuid: string; revoked: number }> {
      let revoked = 0;
      let uuid = await create(tx, request);
      if (uuid === null) {
        const existing = await dao.findByClient(tx.db, request.userUuid, request.clientId);
        if (existing && !request.mobile) return { uuid: existing.uuid, revoked };
        if (existing) revoked += await purge(tx, existing);
        uuid = await create(tx, request);
        if (uuid === null) throw new Error('refresh token vanished and reappeared during a login');
      }
      if (request.mobile) {
        for (const other of await dao.listMobile(tx.db, request.userUuid)) {
          if (other.uuid !== uuid) revoked += await purge(tx, other);
        }
      }
      return { uuid, revoked };
    },

    list(tenantUuid: string, params: RefreshTokenListParams): Promise<RefreshTokenList> {
      return uow.read(async (tx) => {
        const tenantUuids = params.recurse ? await tenants.subtreeOf(tx.db, tenantUuid) : [tenantUuid];
        const found = await dao.list(tx.db, { tenantUuids }, params);
        return { ...found, items: found.items.map(toItem) };
      });
    },

    listForUser(
      tenantUuid: string,
      userUuid: string,
      params: RefreshTokenListParams,
    ): Promise<RefreshTokenList> {
      return uow.read(async (tx) => {
        await assertUserVisible(tx, tenantUuid, userUuid);
        const tenantUuids = await tenants.subtreeOf(tx.db, tenantUuid);
        const found = await dao.list(tx.db, { tenantUuids, userUuid }, params);
        return { ...found, items: found.items.map(toItem) };
      });
    },

    deleteForUser(tenantUuid: string, userUuid: string, clientId: string): Promise<void> {
      return uow.run(async (tx) => {
        await assertUserVisible(tx, tenantUuid, userUuid);
        const token = await dao.findByClient(tx.db, userUuid, clientId);
        if (!token) throw unknownClient(clientId);
        await dao.delete(tx.db, token.uuid);
        notifier.deleted(tx, token);
      });
    },
  };
}

export type RefreshTokenService = ReturnType<typeof createRefreshTokenService>;
