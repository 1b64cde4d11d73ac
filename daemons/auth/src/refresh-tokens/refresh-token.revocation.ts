/**
 * Revoking all of a user's refresh tokens inside the caller's transaction, each with its
 * `auth_refresh_token_deleted` as a DELETE of it sends. A password change does it: Wazo lets
 * refresh tokens survive one, so whoever held the old password keeps minting access tokens.
 */
import type { Tx } from '@wazo-ts/db';
import type { AuthDatabase } from '../db/schema.js';
import type { RefreshTokenDao } from './refresh-token.dao.js';
import type { RefreshTokenNotifier } from './refresh-token.notifier.js';

export interface RefreshTokenRevocationDeps {
  dao: Pick<RefreshTokenDao, 'deleteAllOf'>;
  notifier: Pick<RefreshTokenNotifier, 'deleted'>;
}

export interface RefreshTokenRevocation {
  /** Deletes the user's refresh tokens; gives how many went. */
  revokeAllOf(tx: Tx<AuthDatabase>, userUuid: string): Promise<number>;
}

export function createRefreshTokenRevocation(deps: RefreshTokenRevocationDeps): RefreshTokenRevocation {
  return {
    async revokeAllOf(tx, userUuid) {
      const revoked = await deps.dao.deleteAllOf(tx.db, userUuid);
      for (const token of revoked) deps.notifier.deleted(tx, token);
      return revoked.length;
    },
  };
}
